/** Starter internals: settings binding, dialect detection, opening databases, the transaction guard. */
package io.oxyde.spring.internal;
