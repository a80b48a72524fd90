package io.oxyde.internal.convert;

import com.fasterxml.jackson.databind.JsonNode;
import io.oxyde.annotation.Json;
import io.oxyde.codec.ValueKind;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The type map: which Java types are columns, their IR value kind and their codec.
 *
 * <pre>
 * long, int, short, byte (and boxed)   INT
 * double, float (and boxed)            FLOAT
 * boolean (and boxed)                  BOOL
 * String, enums (by constant name)     TEXT
 * BigDecimal                           DECIMAL
 * byte[]                               BYTES
 * UUID                                 UUID
 * LocalDate / LocalTime / LocalDateTime  DATE / TIME / DATE_TIME
 * Instant, OffsetDateTime              TIMESTAMP
 * Duration                             INT (microseconds)
 * &#64;Json types, Map, JsonNode            JSON (Jackson); also List of a &#64;Json type
 * List&lt;E&gt; of a scalar E                ARRAY (element kind recorded)
 * </pre>
 */
public final class TypeMap {

    /**
     * A resolved column type.
     *
     * @param kind the IR kind
     * @param elementKind the element kind of an ARRAY, else {@code null}
     * @param json whether the value travels as a JSON document
     * @param codec the converter
     */
    public record ScalarType(ValueKind kind, ValueKind elementKind, boolean json, FieldCodec codec) {
    }

    private static final Map<Class<?>, FieldCodec> SIMPLE = Map.ofEntries(
            Map.entry(long.class, NumberCodecs.LONG), Map.entry(Long.class, NumberCodecs.LONG),
            Map.entry(int.class, NumberCodecs.INT), Map.entry(Integer.class, NumberCodecs.INT),
            Map.entry(short.class, NumberCodecs.SHORT), Map.entry(Short.class, NumberCodecs.SHORT),
            Map.entry(byte.class, NumberCodecs.BYTE), Map.entry(Byte.class, NumberCodecs.BYTE),
            Map.entry(double.class, NumberCodecs.DOUBLE), Map.entry(Double.class, NumberCodecs.DOUBLE),
            Map.entry(float.class, NumberCodecs.FLOAT), Map.entry(Float.class, NumberCodecs.FLOAT),
            Map.entry(boolean.class, TextCodecs.BOOL), Map.entry(Boolean.class, TextCodecs.BOOL),
            Map.entry(String.class, TextCodecs.STRING),
            Map.entry(BigDecimal.class, NumberCodecs.DECIMAL),
            Map.entry(byte[].class, TextCodecs.BYTES),
            Map.entry(UUID.class, TextCodecs.UUID_CODEC),
            Map.entry(LocalDate.class, TemporalCodecs.DATE),
            Map.entry(LocalTime.class, TemporalCodecs.TIME),
            Map.entry(LocalDateTime.class, TemporalCodecs.DATE_TIME),
            Map.entry(Instant.class, TemporalCodecs.INSTANT),
            Map.entry(OffsetDateTime.class, TemporalCodecs.OFFSET_DATE_TIME),
            Map.entry(Duration.class, NumberCodecs.DURATION));

    private TypeMap() {
    }

    /** A human-readable list of the supported types, for error messages. */
    public static final String SUPPORTED = "long/int/short/byte, double/float, boolean, String, BigDecimal, byte[], UUID,"
            + " LocalDate, LocalTime, LocalDateTime, Instant, OffsetDateTime, Duration, enums, @Json types, Map,"
            + " JsonNode, List<scalar>, Ref<Model> or a model type (foreign key)";

    /**
     * The column type of a field, or {@code null} when the type is not a scalar column (a
     * relation candidate, or unsupported: the caller decides).
     *
     * @param jsonAnnotated whether the field carries {@link Json}
     */
    public static ScalarType resolve(Class<?> raw, Type generic, boolean jsonAnnotated) {
        if (jsonAnnotated || raw.isAnnotationPresent(Json.class) || Map.class.isAssignableFrom(raw)
                || JsonNode.class.isAssignableFrom(raw) || isListOfJsonType(raw, generic)) {
            return new ScalarType(ValueKind.JSON, null, true, JsonCodecs.json(generic));
        }
        FieldCodec simple = simple(raw);
        if (simple != null) {
            return new ScalarType(simple.kind(), null, false, simple);
        }
        if (raw == List.class && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            FieldCodec elementCodec = simple(element);
            if (elementCodec != null && element != byte[].class) {
                return new ScalarType(ValueKind.ARRAY, elementCodec.kind(), false, JsonCodecs.array(elementCodec, generic));
            }
        }
        return null;
    }

    /** {@code List<E>} where {@code E} is annotated {@link Json}: one JSON array document. */
    private static boolean isListOfJsonType(Class<?> raw, Type generic) {
        return raw == List.class && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isAnnotationPresent(Json.class);
    }

    /** The codec of a scalar type (no JSON, no lists), or {@code null}. */
    public static FieldCodec simple(Class<?> raw) {
        FieldCodec codec = SIMPLE.get(raw);
        if (codec == null && raw.isEnum()) {
            return TextCodecs.enumCodec(raw);
        }
        return codec;
    }
}
