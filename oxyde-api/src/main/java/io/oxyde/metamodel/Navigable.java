package io.oxyde.metamodel;

/**
 * A relation that a path can continue through: a foreign key ({@link RelationAttribute}) or a
 * to-many collection ({@link CollectionAttribute}) from model {@code M} to model {@code T}.
 * {@code then(next)} appends an attribute of {@code T} and keeps its kind, so
 * {@code Track_.ALBUM.then(Album_.ARTIST).then(Artist_.NAME)} is a {@code TextAttribute<Track>}
 * for the path {@code "album__artist__name"} and offers exactly the text lookups.
 *
 * @param <M> the model the path starts from
 * @param <T> the model the relation leads to
 */
public interface Navigable<M, T> {

    /** The model the path starts from. */
    Class<M> model();

    /** The path of the relation, e.g. {@code "album__artist"}. */
    String path();

    /** Continues into a text field of {@code T}. */
    default TextAttribute<M> then(TextAttribute<T> next) {
        return next.rebase(model(), path() + "__" + next.path());
    }

    /** Continues into a numeric field of {@code T}. */
    default <V extends Number> NumberAttribute<M, V> then(NumberAttribute<T, V> next) {
        return next.rebase(model(), path() + "__" + next.path());
    }

    /** Continues into a date/timestamp field of {@code T}. */
    default <V> TemporalAttribute<M, V> then(TemporalAttribute<T, V> next) {
        return next.rebase(model(), path() + "__" + next.path());
    }

    /** Continues into an ordered field of {@code T} (enum, UUID, time…). */
    default <V> ComparableAttribute<M, V> then(ComparableAttribute<T, V> next) {
        return next.rebase(model(), path() + "__" + next.path());
    }

    /** Continues into a boolean field of {@code T}. */
    default BooleanAttribute<M> then(BooleanAttribute<T> next) {
        return next.rebase(model(), path() + "__" + next.path());
    }

    /** Continues into a JSON field of {@code T}. */
    default <V> JsonAttribute<M, V> then(JsonAttribute<T, V> next) {
        return next.rebase(model(), path() + "__" + next.path());
    }

    /** Continues into an array field of {@code T}. */
    default <E> ArrayAttribute<M, E> then(ArrayAttribute<T, E> next) {
        return next.rebase(model(), path() + "__" + next.path());
    }

    /** Continues into a bytes field of {@code T}. */
    default BytesAttribute<M> then(BytesAttribute<T> next) {
        return next.rebase(model(), path() + "__" + next.path());
    }

    /** Continues into any other column of {@code T}. */
    default <V> ScalarAttribute<M, V> then(ScalarAttribute<T, V> next) {
        return next.rebase(model(), path() + "__" + next.path());
    }

    /** Continues through a foreign key of {@code T}. */
    default <U> RelationAttribute<M, U> then(RelationAttribute<T, U> next) {
        return next.rebase(model(), path() + "__" + next.path());
    }

    /** Continues through a to-many relation of {@code T}. */
    default <U> CollectionAttribute<M, U> then(CollectionAttribute<T, U> next) {
        return next.rebase(model(), path() + "__" + next.path());
    }
}
