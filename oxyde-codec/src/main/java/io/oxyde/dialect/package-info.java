/**
 * The SQL dialects ({@link io.oxyde.dialect.Dialect}): one enum that the renderer, the driver, the
 * migrations and the API all name, with the capabilities they must agree on.
 */
package io.oxyde.dialect;
