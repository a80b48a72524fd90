package io.oxyde;

import io.oxyde.annotation.IdStrategy;
import io.oxyde.meta.ModelMeta;
import io.oxyde.meta.FieldMeta;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.MutationResult;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.Value;
import io.oxyde.internal.ir.Target;
import io.oxyde.dialect.Dialect;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * PostgreSQL keys after explicit ids (issue 19 item 5). An identity (or serial) column takes its
 * next key from a sequence that an INSERT with explicit keys does not move, so after loading
 * rows with ids 1…n the next {@code create} would get id 1 again and fail with a unique
 * violation. After every insert that wrote explicit keys into a database-generated key column,
 * Oxyde moves the sequence to the table's largest key ({@code setval}), never backwards, in the
 * same transaction as the insert. SQLite and MySQL/MariaDB move their counters themselves.
 */
final class IdentitySequences {

    private IdentitySequences() {
    }

    /** Runs {@code ir}; if it wrote explicit keys of an AUTO key on PostgreSQL, then moves the sequence. */
    static CompletableFuture<MutationResult> insert(Target target, ModelMeta<?> meta, InsertIr ir) {
        CompletableFuture<MutationResult> done = target.mutate(ir);
        FieldMeta pk = meta.primaryKey();
        if (target.dialect() != Dialect.POSTGRES || pk.idStrategy() != IdStrategy.AUTO || !ir.columns().contains(pk.column())) {
            return done;
        }
        return done.thenCompose(r -> target.query(sync(meta), null).thenApply(ignored -> r));
    }

    /**
     * {@code SELECT setval(seq, max)} when the table's largest key is beyond the sequence's last
     * value; nothing for a column without a sequence ({@code pg_get_serial_sequence} is NULL).
     */
    static RawIr sync(ModelMeta<?> meta) {
        String table = meta.schema().map(s -> quote(s) + ".").orElse("") + quote(meta.tableName());
        String key = quote(meta.primaryKey().column());
        String sql = "SELECT setval(x.s, x.m) FROM (SELECT CAST(pg_get_serial_sequence(?, ?) AS regclass) AS s,"
                + " (SELECT max(" + key + ") FROM " + table + ") AS m) x"
                + " WHERE x.s IS NOT NULL AND x.m IS NOT NULL AND x.m > COALESCE(pg_sequence_last_value(x.s), 0)";
        return new RawIr(sql, List.of(Value.of(table), Value.of(meta.primaryKey().column())));
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
