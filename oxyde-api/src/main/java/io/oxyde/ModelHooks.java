package io.oxyde;

/**
 * Callbacks a model may implement to run code around its own writes through
 * {@code create}, {@code bulkCreate}, {@code save} and instance {@code delete}. They run on
 * the thread that completes the preceding step; a {@code before…} hook that throws cancels the
 * write (nothing is sent) and fails the returned future with that exception. Bulk
 * {@code update()} / {@code delete()} on a query do not call them (no instances are loaded).
 */
public interface ModelHooks {

    /** Before an insert or update of this instance (after validation). */
    default void beforeSave() {
    }

    /** After a successful insert or update; {@code saved} is the stored copy (with its key). */
    default void afterSave(Object saved) {
    }

    /** Before this instance is deleted. */
    default void beforeDelete() {
    }

    /** After this instance was deleted. */
    default void afterDelete() {
    }
}
