package io.oxyde.dialect.internal;

import io.oxyde.codec.Value;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How a list column's value ({@link Value.Array} of scalars, bound as <em>one</em> parameter)
 * is stored, per dialect: PostgreSQL's array literal and the JSON text of the others, used by
 * each dialect's {@link StorageFormat}.
 *
 * <ul>
 *   <li>PostgreSQL: a native array, sent as an array literal ({@code {1,2}},
 *       {@code {"a b","c\"d"}}) of <em>unspecified</em> type ({@code Types.OTHER}), so the server
 *       types it from its context: the column of an INSERT/UPDATE, the other side of
 *       {@code @>}/{@code &&}. That makes empty lists, {@code integer[]} vs {@code bigint[]},
 *       {@code varchar[]} and arrays of native enums work without the renderer knowing the
 *       column's SQL type ({@code createArrayOf} needs the element type name, which an empty
 *       list or an enum does not carry).</li>
 *   <li>SQLite, MySQL, MariaDB: a JSON array text ({@code [1,2]}, {@code ["a"]}); decimals are
 *       JSON numbers written with their scale ({@code 1.50}), UUIDs and times ISO strings, bytes
 *       base64 (as Jackson writes {@code byte[]}).</li>
 * </ul>
 */
final class ListFormats {

    private ListFormats() {
    }

    /** The PostgreSQL array literal of scalar elements: every element quoted, {@code "} and {@code \} escaped. */
    static String pgLiteral(List<Value> elements) {
        StringBuilder b = new StringBuilder(2 + elements.size() * 8).append('{');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Value e = elements.get(i);
            if (e instanceof Value.Null) {
                b.append("NULL");
                continue;
            }
            String text = pgElementText(e);
            b.append('"');
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == '"' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
            b.append('"');
        }
        return b.append('}').toString();
    }

    private static String pgElementText(Value e) {
        e = StorageFormat.toMicros(e);
        if (e instanceof Value.Array) {
            throw new IllegalArgumentException("a list element cannot itself be a list");
        }
        if (e instanceof Value.Bytes bytes) {
            StringBuilder hex = new StringBuilder("\\x");
            for (byte x : bytes.value()) {
                hex.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
            return hex.toString();
        }
        if (e instanceof Value.Decimal dec) {
            return dec.value().toPlainString();
        }
        if (e instanceof Value.Float f) {
            double v = f.value();
            return Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? (v > 0 ? "Infinity" : "-Infinity") : Double.toString(v);
        }
        if (e instanceof Value.Timestamp ts) {
            return ts.value().withOffsetSameInstant(ZoneOffset.UTC).toString();
        }
        if (e instanceof Value.Json j) {
            return j.text();
        }
        return String.valueOf(e.toJava());
    }

    /** The JSON array text of scalar elements. */
    static String json(List<Value> elements) {
        StringBuilder b = new StringBuilder(2 + elements.size() * 8).append('[');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Value e = StorageFormat.toMicros(elements.get(i));
            if (e instanceof Value.Null) {
                b.append("null");
            } else if (e instanceof Value.Bool bool) {
                b.append(bool.value());
            } else if (e instanceof Value.Int n) {
                b.append(n.value());
            } else if (e instanceof Value.Float f) {
                if (!Double.isFinite(f.value())) {
                    throw new IllegalArgumentException("JSON has no NaN or infinite numbers: list element [" + i + "] is " + f.value());
                }
                b.append(Double.toString(f.value()));
            } else if (e instanceof Value.Decimal dec) {
                b.append(dec.value().toPlainString());
            } else if (e instanceof Value.Json j) {
                b.append(j.text());
            } else if (e instanceof Value.Bytes bytes) {
                string(b, java.util.Base64.getEncoder().encodeToString(bytes.value()));
            } else if (e instanceof Value.Timestamp ts) {
                string(b, ts.value().withOffsetSameInstant(ZoneOffset.UTC).toString());
            } else if (e instanceof Value.Array) {
                throw new IllegalArgumentException("a list element cannot itself be a list");
            } else {
                string(b, String.valueOf(e.toJava()));
            }
        }
        return b.append(']').toString();
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
