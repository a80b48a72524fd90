package io.oxyde.internal.convert;

import io.oxyde.meta.FieldMeta;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimal fields at their column's scale (issue 19 item 4): a field that declares its scale
 * ({@code @Column(precision, scale)} or {@code @Digits}) is written and read back with exactly
 * that scale on every dialect. PostgreSQL and MariaDB round to the column's scale themselves
 * (half away from zero); SQLite keeps whatever text it is given, and reads {@code 7.5} written by
 * another program as scale 1. Rounding here, the same way ({@link RoundingMode#HALF_UP}), makes
 * the three agree. A field without a declared scale is left as the database returns it (its
 * table may not have been created by Oxyde's migrations, whose default is DECIMAL(19, 4)).
 */
public final class Decimals {
    /** As {@code ColumnTypes}: a scale is at most the default precision. */
    private static final int DEFAULT_PRECISION = 19;

    private Decimals() {
    }

    /** The declared scale of a decimal field's column (the rule of the migrations' column types), or -1. */
    public static int columnScale(FieldMeta f) {
        if (f.kind() != ValueKind.DECIMAL || f.sqlType() != null || f.isForeignKey() || f.javaType() != BigDecimal.class) {
            return -1;
        }
        if (f.precision() <= 0) {
            return f.scale() >= 0 ? Math.min(f.scale(), DEFAULT_PRECISION) : -1;
        }
        return Math.max(f.scale(), 0);
    }

    /** {@code codec}, writing and reading decimals at {@code f}'s column scale (unchanged for other fields). */
    public static FieldCodec atColumnScale(FieldCodec codec, FieldMeta f) {
        int scale = columnScale(f);
        if (scale < 0) {
            return codec;
        }
        return new FieldCodec(ValueKind.DECIMAL) {
            @Override
            public Value toValue(Object javaValue) {
                return new Value.Decimal(((BigDecimal) javaValue).setScale(scale, RoundingMode.HALF_UP));
            }

            @Override
            public Object fromValue(Value value) {
                Object d = codec.fromValue(value);
                return d == null ? null : ((BigDecimal) d).setScale(scale, RoundingMode.HALF_UP);
            }

            @Override
            public String javaTypeName() {
                return codec.javaTypeName();
            }
        };
    }
}
