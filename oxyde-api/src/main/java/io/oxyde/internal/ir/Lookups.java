package io.oxyde.internal.ir;

import io.oxyde.exception.FieldException;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.Ref;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.internal.mapping.ModelMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which lookups each field type supports, and the conversion of a filter's Java value into a
 * typed IR value, checked when the filter is built.
 */
public final class Lookups {

    private static final Map<String, Lookup> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("exact", Lookup.EQ);
        for (Lookup l : Lookup.values()) {
            BY_NAME.put(l.wireName(), l);
        }
        BY_NAME.put("range", Lookup.BETWEEN);
    }

    private static final Set<Lookup> COMMON = EnumSet.of(Lookup.EQ, Lookup.NE, Lookup.IN, Lookup.ISNULL);
    private static final Set<Lookup> ORDERED = EnumSet.of(Lookup.GT, Lookup.GTE, Lookup.LT, Lookup.LTE, Lookup.BETWEEN);
    private static final Set<Lookup> TEXT = EnumSet.of(Lookup.IEXACT, Lookup.CONTAINS, Lookup.ICONTAINS,
            Lookup.STARTSWITH, Lookup.ISTARTSWITH, Lookup.ENDSWITH, Lookup.IENDSWITH, Lookup.REGEX, Lookup.IREGEX);
    private static final Set<Lookup> DATE_PARTS = EnumSet.of(Lookup.YEAR, Lookup.MONTH, Lookup.DAY);
    private static final Set<Lookup> LISTS = EnumSet.of(Lookup.CONTAINS, Lookup.OVERLAP, Lookup.LEN);

    private Lookups() {
    }

    /** Every lookup name, including the aliases {@code exact} and {@code range}. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The lookups a field supports, by name. */
    public static List<String> allowed(FieldMeta field) {
        Set<Lookup> set = allowedSet(field);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Lookup> e : BY_NAME.entrySet()) {
            if (set.contains(e.getValue())) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    private static Set<Lookup> allowedSet(FieldMeta field) {
        Set<Lookup> set = EnumSet.copyOf(COMMON);
        ValueKind kind = field.kind();
        if (field.json() || kind == ValueKind.JSON || kind == ValueKind.ARRAY || kind == ValueKind.BYTES) {
            set.remove(Lookup.IN);
            if (kind == ValueKind.ARRAY && !field.json()) {
                set.addAll(LISTS);
            }
            return set;
        }
        if (kind != ValueKind.BOOL) {
            set.addAll(ORDERED);
        }
        if (field.javaType() == String.class) {
            set.addAll(TEXT);
        }
        if (kind == ValueKind.DATE || kind == ValueKind.DATE_TIME || kind == ValueKind.TIMESTAMP) {
            set.addAll(DATE_PARTS);
        }
        return set;
    }

    /** The kind of a field's values; a foreign key has its target key's. */
    public static ValueKind valueKind(FieldMeta f) {
        return f.isForeignKey() ? referenced(f).kind() : f.kind();
    }

    /** The target field a foreign key references: the target's key, or its {@code toField}. */
    public static FieldMeta referenced(FieldMeta fk) {
        return ModelMeta.of(fk.foreignKey().target()).field(fk.foreignKey().targetField()).orElseThrow();
    }

    /** The lookup for a name, checked against what the field supports. */
    public static Lookup parse(Class<?> model, FieldMeta field, String name) {
        Lookup lookup = BY_NAME.get(name);
        if (lookup == null) {
            throw new FieldException(model, field.name() + "__" + name, "unknown lookup \"" + name + "\"", allowed(field));
        }
        if (!allowedSet(field).contains(lookup)) {
            throw new FieldException(model, field.name(), "lookup \"" + name + "\" does not apply to a field of type "
                    + field.javaType().getSimpleName(), allowed(field));
        }
        return lookup;
    }

    /** The IR value of a filter operand for this field and lookup. */
    public static Value operand(Class<?> model, FieldMeta field, Lookup lookup, Object value) {
        if (field.kind() == ValueKind.ARRAY && !field.json()
                && (lookup == Lookup.CONTAINS || lookup == Lookup.OVERLAP)) {
            // a list of the field's elements, bound as one list value
            return ModelMapper.of(model).toValue(field.name(), items(model, field, lookup, value));
        }
        switch (lookup) {
            case LEN -> {
                if (!(value instanceof Integer || value instanceof Long || value instanceof Short)) {
                    throw wrongType(model, field, lookup.wireName(), value, "Integer");
                }
                return Value.of(((Number) value).longValue());
            }
            case ISNULL -> {
                if (!(value instanceof Boolean)) {
                    throw wrongType(model, field, "isnull", value, "Boolean");
                }
                return Value.of(value);
            }
            case YEAR, MONTH, DAY -> {
                if (!(value instanceof Integer || value instanceof Long || value instanceof Short)) {
                    throw wrongType(model, field, lookup.wireName(), value, "Integer");
                }
                long part = ((Number) value).longValue();
                // year renders as [Jan 1 of year, Jan 1 of year + 1): 9999 would need 10000-01-01,
                // which MySQL/MariaDB dates cannot hold and SQLite's text order puts before 9999
                // (the renderer refuses it too; refused here, at the call, not when run)
                long max = lookup == Lookup.MONTH ? 12 : lookup == Lookup.DAY ? 31 : 9998;
                if (part < 1 || part > max) { // month 13 or day 32 would silently match nothing
                    throw new FieldException(model, field.name(), "\"" + lookup.wireName() + "\" needs 1.." + max
                            + ", got " + part, List.of("1.." + max));
                }
                return Value.of(part);
            }
            case IN, BETWEEN -> {
                List<Object> items = items(model, field, lookup, value);
                if (lookup == Lookup.BETWEEN && items.size() != 2) {
                    throw new FieldException(model, field.name(), "range/between needs exactly two values (low, high), got "
                            + items.size(), List.of("List.of(low, high)"));
                }
                List<Value> out = new ArrayList<>(items.size());
                for (Object item : items) {
                    if (item == null && lookup == Lookup.BETWEEN) { // BETWEEN NULL matches nothing, silently
                        throw new FieldException(model, field.name(), "range/between cannot take a null bound",
                                List.of("List.of(low, high)"));
                    }
                    out.add(item == null ? Value.nullValue() : scalar(model, field, item, lookup.wireName()));
                }
                return new Value.Array(out);
            }
            case CONTAINS, ICONTAINS, STARTSWITH, ISTARTSWITH, ENDSWITH, IENDSWITH, REGEX, IREGEX, IEXACT -> {
                if (!(value instanceof String)) {
                    throw wrongType(model, field, lookup.wireName(), value, "String");
                }
                return Value.of(value);
            }
            case EQ, NE -> {
                return value == null ? Value.nullValue() : scalar(model, field, value, lookup.wireName());
            }
            default -> {
                if (value == null) { // Django: "Cannot use None as a query value"; NULL never compares
                    throw new FieldException(model, field.name(), "\"" + lookup.wireName()
                            + "\" cannot compare with null; use \"" + field.name() + "__isnull\"", List.of("isnull"));
                }
                return scalar(model, field, value, lookup.wireName());
            }
        }
    }

    private static List<Object> items(Class<?> model, FieldMeta field, Lookup lookup, Object value) {
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value instanceof Object[] a) {
            return Arrays.asList(a);
        }
        throw wrongType(model, field, lookup.wireName(), value, "a Collection or an array");
    }

    /**
     * One value of the field's type as IR: numbers widen within their family, foreign keys take
     * the target's key, a {@link Ref} or the target model; anything else must be the field's
     * Java type.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Value scalar(Class<?> model, FieldMeta field, Object value, String where) {
        if (value instanceof Value v) {
            return v;
        }
        if (field.isForeignKey()) {
            Class<?> target = field.foreignKey().target();
            FieldMeta pk = referenced(field);
            Object id = value;
            if (value instanceof Ref<?> ref) {
                id = ref.isLoaded() ? Models.get(ref.get(), pk.name()) : ref.id();
            } else if (target.isInstance(value)) {
                id = Models.get(value, pk.name());
            }
            return scalar(target, pk, id, where);
        }
        Class<?> type = box(field.javaType());
        ValueKind kind = field.kind();
        if (kind == ValueKind.INT && isIntegral(type) && isIntegral(value.getClass())) {
            return Value.of(((Number) value).longValue());
        }
        if (kind == ValueKind.FLOAT && value instanceof Number n && !(value instanceof BigDecimal)) {
            return new Value.Float(n.doubleValue());
        }
        if (kind == ValueKind.DECIMAL && value instanceof Number n) {
            return new Value.Decimal(n instanceof BigDecimal d ? d : new BigDecimal(n.toString()));
        }
        if (!type.isInstance(value)) {
            throw wrongType(model, field, where, value, type.getSimpleName());
        }
        ModelMapper mapper = ModelMapper.of(model);
        return mapper.toValue(field.name(), value);
    }

    private static boolean isIntegral(Class<?> c) {
        return c == Long.class || c == Integer.class || c == Short.class || c == Byte.class;
    }

    private static FieldException wrongType(Class<?> model, FieldMeta field, String where, Object value, String expected) {
        return new FieldException(model, field.name(), "\"" + where + "\" needs " + expected + ", got "
                + (value == null ? "null" : value.getClass().getSimpleName() + " " + abbreviate(value)), List.of(expected));
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** The boxed type of a primitive. */
    public static Class<?> box(Class<?> t) {
        if (!t.isPrimitive()) {
            return t;
        }
        if (t == int.class) {
            return Integer.class;
        }
        if (t == long.class) {
            return Long.class;
        }
        if (t == boolean.class) {
            return Boolean.class;
        }
        if (t == double.class) {
            return Double.class;
        }
        if (t == float.class) {
            return Float.class;
        }
        if (t == short.class) {
            return Short.class;
        }
        if (t == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
