package io.oxyde.metamodel;

/**
 * A date or timestamp attribute ({@code LocalDate}, {@code LocalDateTime}, {@code Instant},
 * {@code OffsetDateTime}): the ordered lookups plus {@link #year} (an index-friendly half-open
 * range), {@link #month} and {@link #day}. Other kinds have no date parts, so
 * {@code Track_.NAME.year(2020)} does not compile.
 *
 * @param <M> the model the path starts from
 * @param <V> the Java type of the field's values
 */
public final class TemporalAttribute<M, V> extends ComparableAttribute<M, V> {

    TemporalAttribute(Class<M> model, String path, Class<?> javaType) {
        super(model, path, javaType);
    }

    /** A date/timestamp attribute. */
    public static <M, V> TemporalAttribute<M, V> of(Class<M> model, String path, Class<?> javaType) {
        return new TemporalAttribute<>(model, path, javaType);
    }

    /** In calendar year {@code year}. */
    public Condition<M> year(int year) {
        return lookup("year", year);
    }

    /** In month {@code month} (1–12) of any year. */
    public Condition<M> month(int month) {
        return lookup("month", month);
    }

    /** On day {@code day} (1–31) of any month. */
    public Condition<M> day(int day) {
        return lookup("day", day);
    }

    @Override
    <N> TemporalAttribute<N, V> rebase(Class<N> newModel, String newPath) {
        return new TemporalAttribute<>(newModel, newPath, javaType());
    }
}
