package io.oxyde.query.internal;

import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.UnsupportedFeatureException;
import java.util.List;

/**
 * Where one {@code ?} of a rendered statement gets its value: a slot of the template (checked
 * against the kind the template recorded) or a constant the renderer chose (e.g. the LIMIT of a
 * template, or a jOOQ emulation constant), then passed through a {@link Transform}.
 *
 * @param slot the template slot, or -1 for a constant
 * @param constant the constant value when {@code slot == -1}
 * @param kind the kind the slot must have
 * @param transform applied to the value before binding
 * @param where the place in the query, for error messages
 */
record BindSpec(int slot, Value constant, ValueKind kind, Transform transform, String where) {

    public static BindSpec slot(int slot, ValueKind kind, Transform transform, String where) {
        return new BindSpec(slot, null, kind, transform, where);
    }

    public static BindSpec constant(Value value, Transform transform, String where) {
        return new BindSpec(-1, value, value.kind(), transform, where);
    }

    /** A list value whose elements are slots: the elements of this execution, kinds checked. */
    private Value fill(Value v, List<Value> slotValues) {
        if (v instanceof Value.Param p) {
            Value filled = slotValues.get(p.index());
            if (filled.kind() != p.kind()) {
                throw new IllegalArgumentException("slot " + p.index() + " (" + where + ") expects " + p.kind()
                        + " but got " + filled.kind());
            }
            return filled;
        }
        if (v instanceof Value.Array a) {
            List<Value> out = new java.util.ArrayList<>(a.elements().size());
            for (Value e : a.elements()) {
                out.add(fill(e, slotValues));
            }
            return new Value.Array(out);
        }
        return v;
    }

    /** The value to bind, given the slot values of one execution. */
    public Value resolve(List<Value> slotValues) {
        if (slot >= 0) {
            Value v = slotValues.get(slot);
            check(v);
            return transform.apply(v, where);
        }
        Value v = transform == Transform.LIST ? fill(constant, slotValues) : constant;
        if (transform == Transform.UNTYPED) {
            refuseNul(v, where);
        }
        return transform.apply(v, where);
    }

    /**
     * Checks this slot's value as it is bound untransformed: its kind, and for an untyped
     * parameter that PostgreSQL can store it.
     */
    void check(Value v) {
        if (v.kind() != kind) {
            throw new IllegalArgumentException("slot " + slot + " (" + where + ") expects " + kind
                    + " but got " + v.kind());
        }
        if (transform == Transform.UNTYPED) {
            refuseNul(v, where);
        }
    }

    /**
     * PostgreSQL text cannot hold U+0000 (text bound there goes {@link Transform#UNTYPED}): refuse
     * it here, naming the place, rather than let the server fail with "invalid byte sequence for
     * encoding UTF8: 0x00".
     */
    private static void refuseNul(Value v, String where) {
        if (v instanceof Value.Text t && t.value().indexOf('\0') >= 0) {
            throw new UnsupportedFeatureException("text holding a NUL character (U+0000)", Dialect.POSTGRES,
                    where + ": NUL at index " + t.value().indexOf('\0') + "; PostgreSQL text cannot store it:"
                            + " remove it, or keep such data in a byte[] field");
        }
    }
}
