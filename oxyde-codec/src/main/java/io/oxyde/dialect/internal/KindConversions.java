package io.oxyde.dialect.internal;

import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Converts a value read from a column into the kind the caller expects, for storage formats
 * that lose the type (each {@link StorageFormat} applies it after its column reader): SQLite keeps dates, UUIDs and exact decimals as text and booleans as
 * 0/1; MySQL/MariaDB keep UUIDs as CHAR(36) and timestamps as UTC DATETIME(6).
 *
 * <p>A value that cannot be converted is an error (the caller turns it into a
 * {@link io.oxyde.exception.ValueDecodeException}), never a silent NULL.
 */
final class KindConversions {

    private KindConversions() {
    }

    /**
     * Returns {@code v} as {@code expected}.
     *
     * @param expected the wanted kind, or {@code null} for "as read"
     * @throws IllegalArgumentException saying why the value does not convert
     */
    public static Value convert(Value v, ValueKind expected) {
        if (expected == null || expected == ValueKind.NULL || v instanceof Value.Null || v.kind() == expected) {
            return v;
        }
        try {
            Value out = tryConvert(v, expected);
            if (out != null) {
                return out;
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(describe(v) + " is not a valid ISO-8601 " + expected
                    + " (parse error at index " + e.getErrorIndex() + ")");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(describe(v) + " is not a valid " + expected + " number");
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(describe(v) + " does not fit " + expected + " exactly");
        } catch (IllegalArgumentException e) {
            // our own messages never carry the value; JDK ones (UUID.fromString) may, so drop them
            String own = e.getStackTrace().length > 0
                    && e.getStackTrace()[0].getClassName().equals(KindConversions.class.getName()) ? e.getMessage() : null;
            throw new IllegalArgumentException(describe(v) + " is not a valid " + expected
                    + (own == null ? "" : ": " + own));
        }
        throw new IllegalArgumentException("cannot convert " + describe(v) + " to " + expected);
    }

    private static Value tryConvert(Value v, ValueKind expected) {
        switch (expected) {
            case BOOL:
                if (v instanceof Value.Int) {
                    long n = ((Value.Int) v).value();
                    if (n == 0 || n == 1) {
                        return n == 1 ? Value.Bool.TRUE : Value.Bool.FALSE;
                    }
                    throw new IllegalArgumentException("integer " + n + " is neither 0 nor 1");
                }
                if (v instanceof Value.Text) {
                    String s = ((Value.Text) v).value();
                    if (s.equals("1") || s.equalsIgnoreCase("true")) {
                        return Value.Bool.TRUE;
                    }
                    if (s.equals("0") || s.equalsIgnoreCase("false")) {
                        return Value.Bool.FALSE;
                    }
                    throw new IllegalArgumentException("text is not a boolean");
                }
                return null;
            case INT:
                if (v instanceof Value.Bool) {
                    return new Value.Int(((Value.Bool) v).value() ? 1 : 0);
                }
                if (v instanceof Value.Decimal) {
                    return new Value.Int(((Value.Decimal) v).value().longValueExact());
                }
                if (v instanceof Value.Text) {
                    return new Value.Int(Long.parseLong(((Value.Text) v).value().trim()));
                }
                if (v instanceof Value.Float) {
                    return new Value.Int(new BigDecimal(((Value.Float) v).value()).longValueExact());
                }
                return null;
            case FLOAT:
                if (v instanceof Value.Int) {
                    return new Value.Float(((Value.Int) v).value());
                }
                if (v instanceof Value.Decimal) {
                    return new Value.Float(((Value.Decimal) v).value().doubleValue());
                }
                if (v instanceof Value.Text) {
                    return new Value.Float(Double.parseDouble(((Value.Text) v).value().trim()));
                }
                return null;
            case DECIMAL:
                if (v instanceof Value.Text) {
                    return new Value.Decimal(new BigDecimal(((Value.Text) v).value().trim()));
                }
                if (v instanceof Value.Int) {
                    return new Value.Decimal(BigDecimal.valueOf(((Value.Int) v).value()));
                }
                if (v instanceof Value.Float) {
                    return new Value.Decimal(BigDecimal.valueOf(((Value.Float) v).value()));
                }
                return null;
            case TEXT:
                if (v instanceof Value.Int || v instanceof Value.Float || v instanceof Value.Decimal
                        || v instanceof Value.Uuid || v instanceof Value.Json) {
                    Object java = v instanceof Value.Json ? ((Value.Json) v).text() : v.toJava();
                    return new Value.Text(java instanceof BigDecimal ? ((BigDecimal) java).toPlainString()
                            : String.valueOf(java));
                }
                return null;
            case DATE:
                if (v instanceof Value.Text) {
                    return new Value.Date(LocalDate.parse(((Value.Text) v).value().trim()));
                }
                return null;
            case TIME:
                if (v instanceof Value.Text) {
                    return new Value.Time(LocalTime.parse(((Value.Text) v).value().trim()));
                }
                return null;
            case DATE_TIME:
                if (v instanceof Value.Text) {
                    return new Value.DateTime(LocalDateTime.parse(isoT(((Value.Text) v).value())));
                }
                if (v instanceof Value.Timestamp) {
                    return new Value.DateTime(((Value.Timestamp) v).value()
                            .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
                }
                return null;
            case TIMESTAMP:
                if (v instanceof Value.Text) {
                    String s = isoT(((Value.Text) v).value());
                    try {
                        return new Value.Timestamp(OffsetDateTime.parse(s));
                    } catch (DateTimeParseException noOffset) {
                        return new Value.Timestamp(LocalDateTime.parse(s).atOffset(ZoneOffset.UTC));
                    }
                }
                if (v instanceof Value.DateTime) {
                    // MySQL/MariaDB store timestamps as UTC DATETIME
                    return new Value.Timestamp(((Value.DateTime) v).value().atOffset(ZoneOffset.UTC));
                }
                return null;
            case UUID:
                if (v instanceof Value.Text) {
                    String s = ((Value.Text) v).value().trim();
                    if (s.length() != 36) {
                        throw new IllegalArgumentException("a UUID has 36 characters, this text has " + s.length());
                    }
                    return new Value.Uuid(UUID.fromString(s));
                }
                if (v instanceof Value.Bytes) {
                    byte[] b = ((Value.Bytes) v).value();
                    if (b.length != 16) {
                        throw new IllegalArgumentException("a UUID has 16 bytes, this value has " + b.length);
                    }
                    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
                    return new Value.Uuid(new UUID(buf.getLong(), buf.getLong()));
                }
                return null;
            case JSON:
                if (v instanceof Value.Text) {
                    return new Value.Json(((Value.Text) v).value());
                }
                return null;
            default:
                return null;
        }
    }

    private static String isoT(String s) {
        String t = s.trim();
        return t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
    }

    /** The value's kind and size, without its content (which may be sensitive). */
    static String describe(Value v) {
        if (v instanceof Value.Text) {
            return "a TEXT value of " + ((Value.Text) v).value().length() + " characters";
        }
        if (v instanceof Value.Bytes) {
            return "a BYTES value of " + ((Value.Bytes) v).value().length + " bytes";
        }
        return "a " + v.kind() + " value";
    }
}
