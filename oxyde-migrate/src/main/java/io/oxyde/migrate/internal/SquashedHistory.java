package io.oxyde.migrate.internal;

import io.oxyde.migrate.Migration;
import io.oxyde.exception.MigrationException;
import java.util.ArrayList;
import java.util.List;

/**
 * The history rows as the migration files see them after a squash: the rows of the migrations a
 * squashed migration replaces count as one row of the squashed migration (the rows themselves are
 * never rewritten). A database that applied only some of them is refused.
 */
final class SquashedHistory {
    private SquashedHistory() {
    }

    static List<HistoryTable.Row> collapse(List<HistoryTable.Row> rows, List<Migration> migrations) {
        List<HistoryTable.Row> out = new ArrayList<>();
        int r = 0;
        for (int i = 0; i < migrations.size() && r < rows.size(); i++) {
            Migration m = migrations.get(i);
            List<String> replaced = m.replaces();
            int n = 0;
            while (n < replaced.size() && r + n < rows.size() && rows.get(r + n).name().equals(replaced.get(n))) {
                n++;
            }
            if (n == 0) {
                out.add(rows.get(r++));
                continue;
            }
            if (n < replaced.size()) {
                throw new MigrationException("this database has applied " + replaced.subList(0, n) + " of the migrations "
                        + "squashed into " + m.name() + " " + replaced + "; apply the rest with the migration files from "
                        + "before the squash, then use " + m.name());
            }
            out.add(new HistoryTable.Row(m.name(), m.checksum(), rows.get(r + n - 1).appliedAt()));
            r += n;
        }
        while (r < rows.size()) {
            out.add(rows.get(r++));
        }
        return out;
    }
}
