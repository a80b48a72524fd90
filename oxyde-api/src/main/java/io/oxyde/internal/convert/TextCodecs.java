package io.oxyde.internal.convert;

import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.driver.ResultRow;
import java.sql.SQLException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Codecs of strings, booleans, bytes, UUIDs and enums. */
final class TextCodecs {

    private TextCodecs() {
    }

    static final FieldCodec STRING = new FieldCodec(ValueKind.TEXT) {
        @Override
        public Value toValue(Object javaValue) {
            return new Value.Text((String) javaValue);
        }

        @Override
        public Object fromValue(Value value) {
            if (value instanceof Value.Text t) {
                return t.value();
            }
            if (value instanceof Value.Json j) {
                return j.text();
            }
            throw cannot(value);
        }

        @Override
        public Object read(ResultRow row, int i) throws SQLException {
            int state = row.readText(i);
            return state == ResultRow.READ ? row.textValue() : state == ResultRow.NULL ? NULL : fromRead(row, i);
        }

        @Override
        public String javaTypeName() {
            return "String";
        }
    };

    /** Booleans: BOOL, or the 0/1 integers SQLite and MySQL store. */
    static final FieldCodec BOOL = new FieldCodec(ValueKind.BOOL) {
        @Override
        public Value toValue(Object javaValue) {
            return (Boolean) javaValue ? Value.Bool.TRUE : Value.Bool.FALSE;
        }

        @Override
        public Object fromValue(Value value) {
            if (value instanceof Value.Bool b) {
                return b.value();
            }
            if (value instanceof Value.Int i) {
                if (i.value() == 0) {
                    return Boolean.FALSE;
                }
                if (i.value() == 1) {
                    return Boolean.TRUE;
                }
                throw new Unconvertible("the integer " + i.value() + " is not a boolean (expected 0 or 1)");
            }
            throw cannot(value);
        }

        @Override
        public String javaTypeName() {
            return "boolean";
        }
    };

    static final FieldCodec BYTES = new FieldCodec(ValueKind.BYTES) {
        @Override
        public Value toValue(Object javaValue) {
            return new Value.Bytes((byte[]) javaValue);
        }

        @Override
        public Object fromValue(Value value) {
            if (value instanceof Value.Bytes b) {
                return b.value();
            }
            throw cannot(value);
        }

        @Override
        public String javaTypeName() {
            return "byte[]";
        }
    };

    /** UUIDs: UUID, canonical text (SQLite, CHAR(36)), or 16 big-endian bytes (BINARY(16)). */
    static final FieldCodec UUID_CODEC = new FieldCodec(ValueKind.UUID) {
        @Override
        public Value toValue(Object javaValue) {
            return new Value.Uuid((UUID) javaValue);
        }

        @Override
        public Object fromValue(Value value) {
            if (value instanceof Value.Uuid u) {
                return u.value();
            }
            if (value instanceof Value.Text t) {
                try {
                    return UUID.fromString(t.value().trim());
                } catch (IllegalArgumentException e) {
                    throw new Unconvertible("the text \"" + t.value() + "\" is not a UUID");
                }
            }
            if (value instanceof Value.Bytes b) {
                byte[] bytes = b.value();
                if (bytes.length != 16) {
                    throw new Unconvertible(bytes.length + " bytes are not a UUID (expected 16)");
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                return new UUID(buffer.getLong(), buffer.getLong());
            }
            throw cannot(value);
        }

        @Override
        public String javaTypeName() {
            return "UUID";
        }
    };

    /** Enums by constant name; the names are looked up in a map built once per enum type. */
    static FieldCodec enumCodec(Class<?> enumType) {
        Object[] constants = enumType.getEnumConstants();
        Map<String, Object> byName = new HashMap<>();
        for (Object c : constants) {
            byName.put(((Enum<?>) c).name(), c);
        }
        return new FieldCodec(ValueKind.TEXT) {
            @Override
            public Value toValue(Object javaValue) {
                return new Value.Text(((Enum<?>) javaValue).name());
            }

            @Override
            public Object fromValue(Value value) {
                if (value instanceof Value.Text t) {
                    Object constant = byName.get(t.value());
                    if (constant == null) {
                        throw new Unconvertible("\"" + t.value() + "\" is not a constant of enum " + enumType.getSimpleName()
                                + " (expected one of " + byName.keySet().stream().sorted().toList() + ")");
                    }
                    return constant;
                }
                throw cannot(value);
            }

            @Override
            public String javaTypeName() {
                return "enum " + enumType.getSimpleName();
            }
        };
    }
}
