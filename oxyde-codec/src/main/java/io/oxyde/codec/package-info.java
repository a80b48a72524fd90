/**
 * Oxyde's query IR and its wire protocol.
 *
 * <p>The IR ({@link io.oxyde.codec.QueryIr} and the records it is made of) is the contract
 * between the API layer, which builds queries, and the driver, which renders and runs them.
 * Everything here is immutable and free of SQL and of connections: this module knows only
 * how a query is described and how that description is written to and read from MessagePack.
 */
package io.oxyde.codec;
