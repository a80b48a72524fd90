package io.oxyde.internal.convert;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson {@link ObjectMapper} Oxyde uses for JSON columns: java.time types as ISO-8601
 * strings, unknown properties rejected (a document that does not fit its class is reported, not
 * half-read). ObjectMapper is thread-safe once configured; readers and writers derived from it
 * are cached per field type by the codecs.
 */
final class JsonSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonSupport() {
    }

    /** The shared mapper. Do not reconfigure it after first use. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
