package io.oxyde.examples;

import io.oxyde.meta.ModelMeta;
import io.oxyde.Oxyde;
import io.oxyde.examples.chinook.ChinookData;
import io.oxyde.dialect.Dialect;
import java.io.PrintStream;
import java.util.List;

/**
 * Step 2 of the tour: every Chinook row goes in through {@code bulkCreate}, table by table in
 * foreign-key order, in batches whose progress is printed. {@code bulkCreate} validates each
 * batch with Bean Validation before sending multi-row {@code INSERT … RETURNING} statements.
 */
public final class ChinookLoader {
    /** Rows per {@code bulkCreate} call, and so per progress step. */
    static final int BATCH = 1000;

    private static final int BAR = 30;

    private ChinookLoader() {
    }

    /** Loads every table of {@code data} into {@code db}; returns the number of rows inserted. */
    public static int load(Oxyde db, ChinookData data, PrintStream out, Expect expect) {
        int total = 0;
        for (Class<?> model : ChinookData.MODELS) {
            total += loadTable(db, model, data, out, expect);
        }
        if (db.dialect() == Dialect.POSTGRES) {
            advanceIdentities(db);
        }
        return total;
    }

    private static <T> int loadTable(Oxyde db, Class<T> model, ChinookData data, PrintStream out, Expect expect) {
        List<T> rows = data.rows(model);
        String table = ModelMeta.of(model).tableName();
        long started = System.nanoTime();
        int done = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<T> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            List<T> stored = Oxyde.await(db.objects(model).bulkCreate(batch));
            done += stored.size();
            if (System.console() != null) {
                out.print("\r" + progressLine(table, done, rows.size(), started));
                out.flush();
            }
        }
        if (System.console() != null) {
            out.print("\r");
        }
        out.println(progressLine(table, done, rows.size(), started));
        expect.equal(table + " rows stored", rows.size(), Oxyde.await(db.objects(model).count()));
        return done;
    }

    private static String progressLine(String table, int done, int of, long started) {
        int filled = of == 0 ? BAR : (int) ((long) done * BAR / of);
        long ms = (System.nanoTime() - started) / 1_000_000;
        return String.format("  %-15s [%s%s] %5d / %-5d %5d ms", table, "#".repeat(filled), ".".repeat(BAR - filled),
                done, of, ms);
    }

    /**
     * PostgreSQL does not move an identity column's sequence when rows are inserted with their
     * own keys, so the next generated key would collide; move each sequence past the largest key.
     */
    private static void advanceIdentities(Oxyde db) {
        for (Class<?> model : ChinookData.MODELS) {
            String table = ModelMeta.of(model).tableName();
            Oxyde.await(db.raw("SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT max(id) FROM " + table + "))",
                    table).all());
        }
    }
}
