package io.oxyde;

import io.oxyde.codec.ArithmeticOperator;
import io.oxyde.codec.Assignment;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.UpdateIr;
import io.oxyde.codec.Value;
import io.oxyde.driver.OxydeFuture;
import io.oxyde.exception.FieldException;
import io.oxyde.exception.StaleObjectException;
import io.oxyde.internal.ir.Models;
import io.oxyde.internal.ir.Paths;
import io.oxyde.internal.ir.Target;
import io.oxyde.internal.mapping.ModelMapper;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.validation.ModelValidation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * bulkUpdate of a model with a composite key or a {@code @Version} field: one statement per
 * batch of models,
 * {@code UPDATE t SET c = CASE WHEN a = ? AND b = ? THEN ? … ELSE c END [, version = version + 1]
 * WHERE (a = ? AND b = ? [AND version = ?]) OR …}, which every dialect runs. All batches run in
 * one transaction (a savepoint inside the caller's). With a version, a batch that updates fewer
 * rows than it names has met a row whose version moved on: everything is rolled back and the
 * first such model (in the order given) is reported as a {@link StaleObjectException}.
 */
final class KeyedBulkUpdate {
    /**
     * At most this many models per statement: each CASE is a linear scan of its WHENs, and SQLite
     * parses the WHERE's {@code OR} chain as a tree at most 1,000 deep.
     */
    static final int MAX_BATCH = 500;

    private KeyedBulkUpdate() {
    }

    /** {@code idx}: the indexes (in {@code fields()}) of the fields to write. */
    static <T> CompletableFuture<Integer> run(Target target, ModelMapper<T> mapper, List<T> models, List<Integer> idx) {
        ModelMeta<T> meta = mapper.meta();
        Class<T> type = meta.modelClass();
        FieldMeta version = meta.version().orElse(null);
        if (version != null && idx.contains(meta.fields().indexOf(version))) {
            throw new FieldException(type, version.name(), "the @Version field is kept by Oxyde: bulkUpdate increments"
                    + " it and checks it, so do not name it", Paths.fieldNames(meta));
        }
        List<List<Value>> rows = new ArrayList<>(models.size());
        for (T m : models) {
            ModelValidation.validate(m);
            List<Value> all = mapper.toValues(m);
            for (FieldMeta k : meta.primaryKeys()) {
                if (all.get(meta.fields().indexOf(k)) instanceof Value.Null) {
                    throw new FieldException(type, k.name(), "bulkUpdate needs saved models (with keys)", List.of());
                }
            }
            rows.add(all);
        }
        int batch = batchSize(target, meta, idx.size());
        List<UpdateIr> statements = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += batch) {
            statements.add(statement(mapper, rows.subList(from, Math.min(rows.size(), from + batch)), idx, models, from));
        }
        int size = batch;
        CompletableFuture<Integer> done = Writes.allOrNothing(target, t -> {
            CompletableFuture<Integer> chain = OxydeFuture.of(0);
            for (int s = 0; s < statements.size(); s++) {
                UpdateIr update = statements.get(s);
                int from = s * size;
                int named = Math.min(rows.size(), from + size) - from;
                chain = chain.thenCompose(n -> t.mutate(update).thenCompose(r -> version != null && r.affected() < named
                        ? CompletableFuture.<Integer>failedFuture(new StaleBatch(from, from + named))
                        : CompletableFuture.completedFuture(n + (int) r.affected())));
            }
            return chain;
        });
        if (version == null) {
            return done;
        }
        return done.exceptionallyCompose(e -> Oxyde.unwrap(e) instanceof StaleBatch b
                ? firstStale(target, meta, version, models.subList(b.from, b.to))
                : CompletableFuture.failedFuture(Oxyde.unwrap(e)));
    }

    /** Models per statement: within the dialect's bind limit and {@link #MAX_BATCH}. */
    private static int batchSize(Target target, ModelMeta<?> meta, int columns) {
        int keys = meta.primaryKeys().size();
        int version = meta.version().isPresent() ? 1 : 0;
        int perRow = keys + version + columns * (keys + 1);
        int limit = target.dialect() == null ? 999 : target.dialect().maxBindParameters();
        return Math.max(1, Math.min(MAX_BATCH, limit / perRow));
    }

    /** The one UPDATE of {@code rows} (the column values of {@code models} from {@code first}). */
    private static <T> UpdateIr statement(ModelMapper<T> mapper, List<List<Value>> rows, List<Integer> idx, List<T> models,
                                          int first) {
        ModelMeta<T> meta = mapper.meta();
        FieldMeta version = meta.version().orElse(null);
        List<FilterNode> keys = new ArrayList<>(rows.size());
        List<FilterNode> matches = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            FilterNode key = Writes.keyFilter(meta, rows.get(r));
            keys.add(key);
            if (version == null) {
                matches.add(key);
            } else {
                Object current = Models.get(models.get(first + r), version.name());
                long v = current == null ? 0 : ((Number) current).longValue();
                matches.add(FilterNode.and(key, new FilterNode.Condition(ColumnRef.of(version.column()), Lookup.EQ,
                        Value.of(v))));
            }
        }
        List<Assignment> set = new ArrayList<>(idx.size() + 1);
        for (int i : idx) {
            String column = meta.fields().get(i).column();
            List<Expr.When> whens = new ArrayList<>(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                whens.add(new Expr.When(keys.get(r), new Expr.Literal(rows.get(r).get(i))));
            }
            set.add(new Assignment(column, new Expr.Case(whens, new Expr.Column(column))));
        }
        if (version != null) {
            set.add(new Assignment(version.column(), new Expr.Binary(ArithmeticOperator.ADD,
                    new Expr.Column(version.column()), new Expr.Literal(Value.of(1L)))));
        }
        FilterNode where = matches.size() == 1 ? matches.get(0) : new FilterNode.Or(matches);
        return new UpdateIr(meta.modelClass().getSimpleName(), meta.tableName(), set, where, List.of());
    }

    /**
     * After the rollback: the first of {@code models} whose row no longer has the version it was
     * read with, as a {@link StaleObjectException} (one read of the batch's rows).
     */
    private static <T> CompletableFuture<Integer> firstStale(Target target, ModelMeta<T> meta, FieldMeta version,
                                                             List<T> models) {
        Class<T> type = meta.modelClass();
        List<Q> wanted = new ArrayList<>(models.size());
        for (T m : models) {
            List<Q> parts = new ArrayList<>();
            Writes.keyMap(meta, m).forEach((k, v) -> parts.add(Q.of(k, v)));
            parts.add(Q.of(version.name(), expected(version, m)));
            wanted.add(Q.and(parts.toArray(Q[]::new)));
        }
        return Query.of(type, target.primary()).filter(Q.or(wanted.toArray(Q[]::new))).all().thenCompose(current -> {
            Set<Map<String, Object>> unchanged = new HashSet<>();
            current.forEach(c -> unchanged.add(Writes.keyMap(meta, c)));
            // (if a concurrent writer put every version back, the batch's first model is named)
            T stale = models.stream().filter(m -> !unchanged.contains(Writes.keyMap(meta, m))).findFirst()
                    .orElse(models.get(0));
            return Writes.stale(target, type, Writes.keyMap(meta, stale), expected(version, stale));
        });
    }

    /** The version a model was read with (a missing one is 0). */
    private static Object expected(FieldMeta version, Object model) {
        Object current = Models.get(model, version.name());
        return current == null ? Writes.versionValue(version, 0) : current;
    }

    /** A batch updated fewer rows than it named (a version moved on): rolls the work back. */
    private static final class StaleBatch extends RuntimeException {
        private final int from;
        private final int to;

        StaleBatch(int from, int to) {
            super("stale batch", null, false, false);
            this.from = from;
            this.to = to;
        }
    }
}
