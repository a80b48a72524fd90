package io.oxyde.metamodel;

/**
 * A {@code String} attribute: the ordered lookups plus pattern matching. {@code contains},
 * {@code startswith} and {@code endswith} are case-sensitive {@code LIKE}s with the wildcards
 * escaped; the {@code i…} variants fold case; {@code regex}/{@code iregex} are refused on SQLite
 * at run time (see dialects.md).
 *
 * @param <M> the model the path starts from
 */
public final class TextAttribute<M> extends ComparableAttribute<M, String> {

    TextAttribute(Class<M> model, String path) {
        super(model, path, String.class);
    }

    /** A text attribute. */
    public static <M> TextAttribute<M> of(Class<M> model, String path) {
        return new TextAttribute<>(model, path);
    }

    /** {@code lower(c) = lower(value)}. */
    public Condition<M> iexact(String value) {
        return lookup("iexact", value);
    }

    /** Contains {@code value} (case-sensitive). */
    public Condition<M> contains(String value) {
        return lookup("contains", value);
    }

    /** Contains {@code value}, ignoring case. */
    public Condition<M> icontains(String value) {
        return lookup("icontains", value);
    }

    /** Starts with {@code value} (case-sensitive). */
    public Condition<M> startswith(String value) {
        return lookup("startswith", value);
    }

    /** Starts with {@code value}, ignoring case. */
    public Condition<M> istartswith(String value) {
        return lookup("istartswith", value);
    }

    /** Ends with {@code value} (case-sensitive). */
    public Condition<M> endswith(String value) {
        return lookup("endswith", value);
    }

    /** Ends with {@code value}, ignoring case. */
    public Condition<M> iendswith(String value) {
        return lookup("iendswith", value);
    }

    /** Matches the regular expression (PostgreSQL {@code ~}, MySQL/MariaDB {@code REGEXP}). */
    public Condition<M> regex(String pattern) {
        return lookup("regex", pattern);
    }

    /** Matches the regular expression, ignoring case. */
    public Condition<M> iregex(String pattern) {
        return lookup("iregex", pattern);
    }

    @Override
    <N> TextAttribute<N> rebase(Class<N> newModel, String newPath) {
        return new TextAttribute<>(newModel, newPath);
    }
}
