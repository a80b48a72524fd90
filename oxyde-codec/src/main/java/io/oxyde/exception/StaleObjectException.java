package io.oxyde.exception;

/**
 * An update of a model with a {@code @Version} field found the row changed (or deleted) since
 * the model was read: its stored version is no longer the one the model carries. Nothing was
 * changed (a {@code bulkUpdate} is rolled back as a whole). Read the row again, reapply the
 * change and save it, or report the conflict to the user; it is not retried by
 * {@code atomic(retries)}, because the function would usually write the same stale copy again.
 */
public class StaleObjectException extends OxydeException {

    private static final long serialVersionUID = 1L;

    private final Class<?> model;
    private final transient Object key;
    private final transient Object expectedVersion;

    /**
     * @param model the model class
     * @param key the primary key of the row (for a composite key, the list of its values)
     * @param expectedVersion the version the model carried
     * @param deleted whether the row no longer exists (rather than holding another version)
     */
    public StaleObjectException(Class<?> model, Object key, Object expectedVersion, boolean deleted) {
        super(model.getSimpleName() + " with key " + key + " is stale: "
                + (deleted ? "the row was deleted" : "the row was changed by another writer")
                + " since version " + expectedVersion + " was read; nothing was updated");
        this.model = model;
        this.key = key;
        this.expectedVersion = expectedVersion;
    }

    /** The model class. */
    public Class<?> model() {
        return model;
    }

    /** The primary key of the stale row (for a composite key, the list of its values in key order). */
    public Object key() {
        return key;
    }

    /** The version the model carried (the stored one differs, or the row is gone). */
    public Object expectedVersion() {
        return expectedVersion;
    }
}
