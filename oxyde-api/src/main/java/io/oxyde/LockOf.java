package io.oxyde;

import java.util.List;
import java.util.Objects;

/**
 * The tables a row lock takes ({@code FOR UPDATE OF …}, Django's {@code select_for_update(of=…)}):
 * {@code forUpdate(LockOf.of("album"))} on a track query locks the albums' rows, not the tracks';
 * {@link #SELF} names the query's own model. A path is a foreign-key path ({@code "album"},
 * {@code "album__artist"}); it is joined INNER (rows without that relation are not selected),
 * since PostgreSQL cannot lock the nullable side of an outer join. PostgreSQL and MySQL have it;
 * MariaDB has not, and {@code forUpdate(LockOf)} throws {@link
 * io.oxyde.exception.UnsupportedFeatureException} there; SQLite has no row locks, so there, as
 * with {@code forUpdate()}, the lock is left out.
 */
public final class LockOf {

    /** The query's own model. */
    public static final String SELF = "self";

    private final List<String> paths;

    private LockOf(List<String> paths) {
        this.paths = paths;
    }

    /** The tables of these paths ({@link #SELF} for the model itself). */
    public static LockOf of(String... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("LockOf.of() needs at least one path (\"self\" for the model itself)");
        }
        for (String p : paths) {
            Objects.requireNonNull(p, "LockOf.of: a null path");
        }
        return new LockOf(List.of(paths));
    }

    /** The paths, as given. */
    public List<String> paths() {
        return paths;
    }

    @Override
    public String toString() {
        return "LockOf" + paths;
    }
}
