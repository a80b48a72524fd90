package io.oxyde.internal.convert;

import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Codecs of dates and times. Besides the typed values they accept ISO-8601 text, which is how
 * SQLite stores them ({@code 2024-05-01}, {@code 2024-05-01 12:30:00} or with a {@code T},
 * optionally with an offset such as {@code +00}, {@code +05:30} or {@code Z}). A date-time
 * without an offset read into an {@link Instant} or {@link OffsetDateTime} is taken as UTC
 * (what {@code CURRENT_TIMESTAMP} produces in SQLite and MySQL).
 */
final class TemporalCodecs {

    private TemporalCodecs() {
    }

    private static String normalized(String text) {
        String s = text.trim();
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        return s;
    }

    /** Parses {@code date T time [offset]}; the offset is {@code null} when absent. */
    static OffsetDateTime parseTimestamp(String text) {
        String s = normalized(text);
        int offsetStart = -1;
        for (int i = 11; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+' || c == '-' || c == 'Z' || c == 'z') {
                offsetStart = i;
                break;
            }
        }
        if (offsetStart < 0) {
            return LocalDateTime.parse(s).atOffset(ZoneOffset.UTC);
        }
        LocalDateTime local = LocalDateTime.parse(s.substring(0, offsetStart));
        String offset = s.substring(offsetStart).toUpperCase(java.util.Locale.ROOT);
        return local.atOffset(ZoneOffset.of(offset));
    }

    private static Unconvertible notText(Value.Text t, String what) {
        return new Unconvertible("the text \"" + t.value() + "\" is not an ISO-8601 " + what);
    }

    static final FieldCodec DATE = new FieldCodec(ValueKind.DATE) {
        @Override
        public Value toValue(Object javaValue) {
            return new Value.Date((LocalDate) javaValue);
        }

        @Override
        public Object fromValue(Value value) {
            if (value instanceof Value.Date d) {
                return d.value();
            }
            if (value instanceof Value.Text t) {
                try {
                    return LocalDate.parse(t.value().trim());
                } catch (DateTimeParseException e) {
                    throw notText(t, "date");
                }
            }
            throw cannot(value);
        }

        @Override
        public String javaTypeName() {
            return "LocalDate";
        }
    };

    static final FieldCodec TIME = new FieldCodec(ValueKind.TIME) {
        @Override
        public Value toValue(Object javaValue) {
            return new Value.Time((LocalTime) javaValue);
        }

        @Override
        public Object fromValue(Value value) {
            if (value instanceof Value.Time t) {
                return t.value();
            }
            if (value instanceof Value.Text t) {
                try {
                    return LocalTime.parse(t.value().trim());
                } catch (DateTimeParseException e) {
                    throw notText(t, "time");
                }
            }
            throw cannot(value);
        }

        @Override
        public String javaTypeName() {
            return "LocalTime";
        }
    };

    static final FieldCodec DATE_TIME = new FieldCodec(ValueKind.DATE_TIME) {
        @Override
        public Value toValue(Object javaValue) {
            return new Value.DateTime((LocalDateTime) javaValue);
        }

        @Override
        public Object fromValue(Value value) {
            if (value instanceof Value.DateTime dt) {
                return dt.value();
            }
            if (value instanceof Value.Text t) {
                try {
                    return LocalDateTime.parse(normalized(t.value()));
                } catch (DateTimeParseException e) {
                    try { // text with an offset (SQLite rows such as "…T10:00:00Z"): its UTC date-time
                        return parseTimestamp(t.value()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                    } catch (java.time.DateTimeException again) {
                        throw notText(t, "date-time");
                    }
                }
            }
            if (value instanceof Value.Date d) {
                return d.value().atStartOfDay();
            }
            throw cannot(value);
        }

        @Override
        public String javaTypeName() {
            return "LocalDateTime";
        }
    };

    static OffsetDateTime offsetDateTime(Value value, FieldCodec codec) {
        if (value instanceof Value.Timestamp ts) {
            return ts.value();
        }
        if (value instanceof Value.Text t) {
            try {
                return parseTimestamp(t.value());
            } catch (DateTimeParseException e) {
                throw notText(t, "timestamp");
            } catch (java.time.DateTimeException e) {
                throw new Unconvertible("the text \"" + t.value() + "\" has an invalid offset: " + e.getMessage());
            }
        }
        if (value instanceof Value.DateTime dt) {
            return dt.value().atOffset(ZoneOffset.UTC);
        }
        throw codec.cannot(value);
    }

    static final FieldCodec INSTANT = new FieldCodec(ValueKind.TIMESTAMP) {
        @Override
        public Value toValue(Object javaValue) {
            return new Value.Timestamp(((Instant) javaValue).atOffset(ZoneOffset.UTC));
        }

        @Override
        public Object fromValue(Value value) {
            return offsetDateTime(value, this).toInstant();
        }

        @Override
        public String javaTypeName() {
            return "Instant";
        }
    };

    static final FieldCodec OFFSET_DATE_TIME = new FieldCodec(ValueKind.TIMESTAMP) {
        @Override
        public Value toValue(Object javaValue) {
            return new Value.Timestamp((OffsetDateTime) javaValue);
        }

        @Override
        public Object fromValue(Value value) {
            return offsetDateTime(value, this);
        }

        @Override
        public String javaTypeName() {
            return "OffsetDateTime";
        }
    };
}
