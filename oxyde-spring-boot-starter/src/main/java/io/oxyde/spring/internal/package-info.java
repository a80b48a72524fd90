/** Starter internals: settings binding, dialect detection, migration locations, the transaction guard. */
package io.oxyde.spring.internal;
