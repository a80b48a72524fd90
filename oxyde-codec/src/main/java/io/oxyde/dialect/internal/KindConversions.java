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
            case BOOL -> {
                if (v instanceof Value.Int i) {
                    long n = i.value();
                    if (n == 0 || n == 1) {
                        return n == 1 ? Value.Bool.TRUE : Value.Bool.FALSE;
                    }
                    throw new IllegalArgumentException("integer " + n + " is neither 0 nor 1");
                }
                if (v instanceof Value.Text t) {
                    String s = t.value();
                    if (s.equals("1") || s.equalsIgnoreCase("true")) {
                        return Value.Bool.TRUE;
                    }
                    if (s.equals("0") || s.equalsIgnoreCase("false")) {
                        return Value.Bool.FALSE;
                    }
                    throw new IllegalArgumentException("text is not a boolean");
                }
                return null;
            }
            case INT -> {
                if (v instanceof Value.Bool bool) {
                    return new Value.Int(bool.value() ? 1 : 0);
                }
                if (v instanceof Value.Decimal d) {
                    return new Value.Int(d.value().longValueExact());
                }
                if (v instanceof Value.Text t) {
                    return new Value.Int(Long.parseLong(t.value().trim()));
                }
                if (v instanceof Value.Float f) {
                    return new Value.Int(new BigDecimal(f.value()).longValueExact());
                }
                return null;
            }
            case FLOAT -> {
                if (v instanceof Value.Int i) {
                    return new Value.Float(i.value());
                }
                if (v instanceof Value.Decimal d) {
                    return new Value.Float(d.value().doubleValue());
                }
                if (v instanceof Value.Text t) {
                    return new Value.Float(Double.parseDouble(t.value().trim()));
                }
                return null;
            }
            case DECIMAL -> {
                if (v instanceof Value.Text t) {
                    return new Value.Decimal(new BigDecimal(t.value().trim()));
                }
                if (v instanceof Value.Int i) {
                    return new Value.Decimal(BigDecimal.valueOf(i.value()));
                }
                if (v instanceof Value.Float f) {
                    return new Value.Decimal(BigDecimal.valueOf(f.value()));
                }
                return null;
            }
            case TEXT -> {
                if (v instanceof Value.Int || v instanceof Value.Float || v instanceof Value.Decimal
                        || v instanceof Value.Uuid || v instanceof Value.Json) {
                    Object java = v instanceof Value.Json j ? j.text() : v.toJava();
                    return new Value.Text(java instanceof BigDecimal big ? big.toPlainString()
                            : String.valueOf(java));
                }
                return null;
            }
            case DATE -> {
                if (v instanceof Value.Text t) {
                    return new Value.Date(LocalDate.parse(t.value().trim()));
                }
                return null;
            }
            case TIME -> {
                if (v instanceof Value.Text t) {
                    return new Value.Time(LocalTime.parse(t.value().trim()));
                }
                return null;
            }
            case DATE_TIME -> {
                if (v instanceof Value.Text t) {
                    return new Value.DateTime(LocalDateTime.parse(isoT(t.value())));
                }
                if (v instanceof Value.Timestamp ts) {
                    return new Value.DateTime(ts.value()
                            .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
                }
                return null;
            }
            case TIMESTAMP -> {
                if (v instanceof Value.Text t) {
                    String s = isoT(t.value());
                    try {
                        return new Value.Timestamp(OffsetDateTime.parse(s));
                    } catch (DateTimeParseException noOffset) {
                        return new Value.Timestamp(LocalDateTime.parse(s).atOffset(ZoneOffset.UTC));
                    }
                }
                if (v instanceof Value.DateTime dt) {
                    // MySQL/MariaDB store timestamps as UTC DATETIME
                    return new Value.Timestamp(dt.value().atOffset(ZoneOffset.UTC));
                }
                return null;
            }
            case UUID -> {
                if (v instanceof Value.Text t) {
                    String s = t.value().trim();
                    if (s.length() != 36) {
                        throw new IllegalArgumentException("a UUID has 36 characters, this text has " + s.length());
                    }
                    return new Value.Uuid(UUID.fromString(s));
                }
                if (v instanceof Value.Bytes bytes) {
                    byte[] b = bytes.value();
                    if (b.length != 16) {
                        throw new IllegalArgumentException("a UUID has 16 bytes, this value has " + b.length);
                    }
                    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
                    return new Value.Uuid(new UUID(buf.getLong(), buf.getLong()));
                }
                return null;
            }
            case JSON -> {
                if (v instanceof Value.Text t) {
                    return new Value.Json(t.value());
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static String isoT(String s) {
        String t = s.trim();
        return t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
    }

    /** The value's kind and size, without its content (which may be sensitive). */
    static String describe(Value v) {
        if (v instanceof Value.Text t) {
            return "a TEXT value of " + t.value().length() + " characters";
        }
        if (v instanceof Value.Bytes bytes) {
            return "a BYTES value of " + bytes.value().length + " bytes";
        }
        return "a " + v.kind() + " value";
    }
}
