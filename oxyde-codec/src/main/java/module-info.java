/**
 * The query IR, its versioned MessagePack wire format, and what every layer names: the
 * exception tree under {@code OxydeException} and the {@code Dialect} enum.
 *
 * <p>Only the concept packages are exported; {@code io.oxyde.codec.internal} (the shape reader
 * and writer, identifier rules) is exported to the API module alone, which checks identifiers
 * with the same rules the decoder applies, and {@code io.oxyde.dialect.internal} (each dialect's
 * storage format and error codes) to the renderer and the driver.
 */
module io.oxyde.codec {
    // msgpack-core 0.9 carries no Automatic-Module-Name: its name comes from the jar's file
    // name (msgpack-core-0.9.10.jar), which Maven and Gradle keep. It is not part of the API.
    requires msgpack.core;
    // Dialect.detect(Connection) names java.sql in the public API.
    requires transitive java.sql;

    exports io.oxyde.codec;
    exports io.oxyde.dialect;
    exports io.oxyde.exception;
    exports io.oxyde.codec.internal to io.oxyde;
    // each dialect's storage format and error codes: shared by the renderer (SQLite time
    // comparisons) and the driver (binding, reading, classifying), not by applications
    exports io.oxyde.dialect.internal to io.oxyde.query, io.oxyde.driver;
}
