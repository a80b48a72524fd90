package io.oxyde.spring;

import io.oxyde.Oxyde;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The named databases of {@code oxyde.databases.<name>.url}, opened at start-up and closed with
 * the application context. Why a bean of its own rather than one {@code Oxyde} bean per name:
 * the names come from configuration, so one injection point serves them all; each is also
 * open in Oxyde's registry, so {@code db.using(name)} and {@code Oxyde.database(name)} find it.
 */
public final class OxydeDatabases implements AutoCloseable {

    private final Map<String, Oxyde> databases;

    public OxydeDatabases(Map<String, Oxyde> databases) {
        this.databases = Map.copyOf(databases);
    }

    /**
     * The database configured under {@code name}.
     *
     * @throws IllegalArgumentException naming the configured databases when there is none by that name
     */
    public Oxyde get(String name) {
        Oxyde db = databases.get(name);
        if (db == null) {
            throw new IllegalArgumentException("no database '" + name + "' under oxyde.databases (configured: "
                    + names() + ")");
        }
        return db;
    }

    /** The configured names, sorted. */
    public List<String> names() {
        return new ArrayList<>(new TreeSet<>(databases.keySet()));
    }

    /** Closes every named database's pool. */
    @Override
    public void close() {
        for (Oxyde db : databases.values()) {
            db.close();
        }
    }
}
