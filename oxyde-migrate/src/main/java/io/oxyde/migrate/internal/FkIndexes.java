package io.oxyde.migrate.internal;

import io.oxyde.migrate.ForeignKeyDefinition;
import io.oxyde.migrate.IndexDefinition;
import io.oxyde.migrate.TableDefinition;
import java.util.List;

/**
 * The MySQL / MariaDB rule for foreign-key indexes, decided by the schema alone: a foreign key has an
 * explicit index of its own name exactly when no index of its table covers it (has the foreign key's
 * columns first, in order). Every operation keeps that true, so the live indexes never depend on history.
 */
final class FkIndexes {
    private FkIndexes() {
    }

    /** Whether {@code index} can serve {@code fk}. */
    static boolean covers(IndexDefinition index, ForeignKeyDefinition fk) {
        List<String> cols = index.columns();
        return cols.size() >= fk.columns().size() && cols.subList(0, fk.columns().size()).equals(fk.columns());
    }

    /** Whether some index of {@code t} covers {@code fk}. */
    static boolean covered(TableDefinition t, ForeignKeyDefinition fk) {
        return t.indexes().stream().anyMatch(i -> covers(i, fk));
    }

    /** Foreign keys of {@code t} that only {@code added} (not yet in {@code t}) will cover: their own index goes. */
    static List<ForeignKeyDefinition> newlyCovered(TableDefinition t, IndexDefinition added) {
        return t.foreignKeys().stream().filter(fk -> covers(added, fk) && !covered(t, fk)).toList();
    }

    /** Foreign keys of {@code t} that nothing covers once {@code dropped} is gone: they get their own index. */
    static List<ForeignKeyDefinition> uncoveredWithout(TableDefinition t, IndexDefinition dropped) {
        return t.foreignKeys().stream().filter(fk -> covers(dropped, fk)
                && t.indexes().stream().noneMatch(i -> !i.name().equals(dropped.name()) && covers(i, fk))).toList();
    }
}
