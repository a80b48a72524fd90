package io.oxyde.internal.schema;

import io.oxyde.meta.FieldMeta;
import io.oxyde.exception.ModelDefinitionException;
import io.oxyde.migrate.ColumnType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * Maps a model field's Java type to a logical migration {@link ColumnType}, the schema side of the
 * model layer's type map (see docs/migrations.md, "From models"). An explicit
 * {@code @Column(type = ...)} wins: {@code TEXT} becomes the portable TEXT kind, anything else is
 * written verbatim.
 */
final class ColumnTypes {
    /** DECIMAL precision and scale when neither {@code @Column} nor {@code @Digits} gives them. */
    static final int DEFAULT_PRECISION = 19;
    static final int DEFAULT_SCALE = 4;

    private ColumnTypes() {
    }

    /** The column type of a plain (non foreign key) field. */
    static ColumnType of(Class<?> model, FieldMeta f) {
        if (f.sqlType() != null) {
            return f.sqlType().trim().toUpperCase(Locale.ROOT).equals("TEXT") ? ColumnType.text()
                    : ColumnType.verbatim(f.sqlType());
        }
        if (f.json()) {
            return ColumnType.json();
        }
        Class<?> raw = f.javaType();
        if (raw == String.class) {
            return ColumnType.varchar(f.length() > 0 ? f.length() : 255);
        }
        if (raw == BigDecimal.class) {
            if (f.precision() <= 0) {
                return ColumnType.decimal(DEFAULT_PRECISION, f.scale() >= 0 ? Math.min(f.scale(), DEFAULT_PRECISION) : DEFAULT_SCALE);
            }
            return ColumnType.decimal(f.precision(), Math.max(f.scale(), 0));
        }
        if (raw == java.util.List.class) {
            Type element = f.genericType() instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
            if (!(element instanceof Class<?> e)) {
                throw new ModelDefinitionException(model.getSimpleName() + "." + f.name()
                        + ": a List column needs a concrete element type, got " + f.genericType());
            }
            ColumnType elementType = e == String.class ? ColumnType.text() : scalar(model, f, e);
            return ColumnType.arrayOf(elementType);
        }
        return scalar(model, f, raw);
    }

    private static ColumnType scalar(Class<?> model, FieldMeta f, Class<?> raw) {
        if (raw == long.class || raw == Long.class || raw == Duration.class) {
            return ColumnType.bigint();
        }
        if (raw == int.class || raw == Integer.class) {
            return ColumnType.integer();
        }
        if (raw == short.class || raw == Short.class || raw == byte.class || raw == Byte.class) {
            return ColumnType.smallint();
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return ColumnType.doubleType();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return ColumnType.bool();
        }
        if (raw == String.class) {
            return ColumnType.text();
        }
        if (raw == BigDecimal.class) {
            return ColumnType.decimal(DEFAULT_PRECISION, DEFAULT_SCALE);
        }
        if (raw == byte[].class) {
            return ColumnType.bytes();
        }
        if (raw == UUID.class) {
            return ColumnType.uuid();
        }
        if (raw == LocalDate.class) {
            return ColumnType.date();
        }
        if (raw == LocalTime.class) {
            return ColumnType.time();
        }
        if (raw == LocalDateTime.class) {
            return ColumnType.timestamp();
        }
        if (raw == Instant.class || raw == OffsetDateTime.class) {
            return ColumnType.timestamptz();
        }
        if (raw.isEnum()) {
            String[] names = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toArray(String[]::new);
            return ColumnType.enumOf(names);
        }
        throw new ModelDefinitionException(model.getSimpleName() + "." + f.name() + ": no column type for Java type "
                + raw.getName() + " (use @Column(type = \"...\") to give one)");
    }
}
