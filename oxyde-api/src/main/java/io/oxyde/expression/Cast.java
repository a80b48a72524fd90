package io.oxyde.expression;

import io.oxyde.codec.ScalarFunction;

/**
 * SQL {@code cast}: a value converted to another type, {@code Cast.of("milliseconds",
 * Cast.Type.TEXT)}. Per dialect: TEXT is {@code char} on MySQL/MariaDB, INTEGER {@code signed};
 * a DECIMAL stays exact text on SQLite.
 */
public final class Cast {

    /** The target type. */
    public enum Type {
        TEXT(ScalarFunction.CAST_TEXT),
        INTEGER(ScalarFunction.CAST_INTEGER),
        FLOAT(ScalarFunction.CAST_FLOAT),
        DECIMAL(ScalarFunction.CAST_DECIMAL);

        private final ScalarFunction function;

        Type(ScalarFunction function) {
            this.function = function;
        }
    }

    private Cast() {
    }

    /** A field path or expression as {@code type}. */
    public static FunctionCall of(Object value, Type type) {
        return FunctionCall.of(type.function, value);
    }
}
