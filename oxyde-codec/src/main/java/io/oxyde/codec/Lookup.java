package io.oxyde.codec;

/**
 * The comparison of a {@link FilterNode.Condition}: Django-style lookups plus {@code ne} and
 * regular expressions. Each has one wire name; {@code exact} is accepted as an alias of
 * {@code eq} because Oxyde's users write it.
 */
public enum Lookup {
    EQ("eq"),
    NE("ne"),
    IEXACT("iexact"),
    GT("gt"),
    GTE("gte"),
    LT("lt"),
    LTE("lte"),
    /** Value is a {@link Value.Array}; an empty array matches nothing. */
    IN("in"),
    /** Value is a two-element {@link Value.Array}: inclusive lower and upper bound. */
    BETWEEN("between"),
    /** Value is a {@link Value.Bool}: {@code true} means IS NULL. */
    ISNULL("isnull"),
    CONTAINS("contains"),
    ICONTAINS("icontains"),
    STARTSWITH("startswith"),
    ISTARTSWITH("istartswith"),
    ENDSWITH("endswith"),
    IENDSWITH("iendswith"),
    /** Value is an integer year; rendered as a half-open range on the column. */
    YEAR("year"),
    /** Value is an integer month 1–12. */
    MONTH("month"),
    /** Value is an integer day of month 1–31. */
    DAY("day"),
    REGEX("regex"),
    IREGEX("iregex"),
    /**
     * Value is a {@link Value.Array}: a list column holds at least one element of it (PostgreSQL
     * {@code &&}). ({@link #CONTAINS} with an array value: the column holds every element, PostgreSQL
     * {@code @>}.) Since revision 1.2.
     */
    OVERLAP("overlap"),
    /** Value is an integer: the number of elements of a list column. Since revision 1.2. */
    LEN("len");

    private final String wireName;

    Lookup(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire and in error messages. */
    public String wireName() {
        return wireName;
    }

    /** The lookup with this wire name (or the alias {@code exact}), or {@code null}. */
    public static Lookup fromWireName(String name) {
        if ("exact".equals(name)) {
            return EQ;
        }
        for (Lookup lookup : values()) {
            if (lookup.wireName.equals(name)) {
                return lookup;
            }
        }
        return null;
    }
}
