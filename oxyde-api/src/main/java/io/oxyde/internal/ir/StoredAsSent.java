package io.oxyde.internal.ir;

import io.oxyde.meta.FieldMeta;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import java.util.List;
import java.util.Set;

/**
 * Which inserted columns the database is sure to store exactly as sent, so that an insert need
 * not read them back ({@code RETURNING}) to know the stored row. Only integers, booleans and
 * strings short enough for their {@code VARCHAR} qualify, and only in the column types Oxyde
 * itself declares for them (no {@code @Column(type = ...)}, no JSON): the database neither
 * rounds, truncates, pads nor re-encodes them. Every other column (decimals, floats, temporal
 * values, UUIDs, enums, bytes, arrays, JSON, columns filled by a default) is read back.
 */
public final class StoredAsSent {

    /** The VARCHAR length Oxyde declares for a String field without a length. */
    static final int DEFAULT_VARCHAR = 255;

    private static final Set<Class<?>> INTEGERS = Set.of(long.class, Long.class, int.class, Integer.class, short.class,
            Short.class, byte.class, Byte.class);

    private StoredAsSent() {
    }

    /**
     * Whether every value of column {@code field} in {@code rows} (each row holding the model's
     * fields in order) is stored exactly as sent.
     *
     * @param index the field's position in each row
     */
    public static boolean holds(FieldMeta field, int index, List<? extends List<Value>> rows) {
        if (field.sqlType() != null || field.json()) {
            return false;
        }
        if (field.isForeignKey()) {
            return field.kind() == ValueKind.INT;
        }
        if (field.kind() == ValueKind.INT) {
            return INTEGERS.contains(field.javaType());
        }
        if (field.kind() == ValueKind.BOOL) {
            return field.javaType() == boolean.class || field.javaType() == Boolean.class;
        }
        if (field.kind() != ValueKind.TEXT || field.javaType() != String.class) {
            return false;
        }
        int limit = field.length() > 0 ? field.length() : DEFAULT_VARCHAR;
        for (List<Value> row : rows) {
            Value v = row.get(index);
            if (v instanceof Value.Text t) {
                if (!plain(t.value(), limit)) {
                    return false;
                }
            } else if (!(v instanceof Value.Null)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a string fits its VARCHAR (PostgreSQL silently cuts excess trailing spaces) and
     * holds no character a database may refuse or replace: NUL, surrogates (a four-byte
     * character is replaced in a three-byte MySQL charset, a lone surrogate by the driver).
     */
    private static boolean plain(String s, int limit) {
        if (s.length() > limit) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
