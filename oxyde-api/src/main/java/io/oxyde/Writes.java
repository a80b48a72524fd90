package io.oxyde;

import io.oxyde.codec.ArithmeticOperator;
import io.oxyde.codec.Assignment;
import io.oxyde.codec.BulkUpdateIr;
import io.oxyde.codec.BulkUpdateRow;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.DeleteIr;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.MutationResult;
import io.oxyde.codec.OnConflict;
import io.oxyde.codec.UpdateIr;
import io.oxyde.codec.Value;
import io.oxyde.driver.OxydeFuture;
import io.oxyde.exception.UniqueViolationException;
import io.oxyde.internal.mapping.ModelMapper;
import io.oxyde.internal.mapping.RowReader;
import io.oxyde.driver.ResultRow;
import io.oxyde.internal.ir.Lookups;
import io.oxyde.internal.ir.Models;
import io.oxyde.internal.ir.Paths;
import io.oxyde.internal.ir.StoredAsSent;
import io.oxyde.internal.ir.Target;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import io.oxyde.annotation.IdStrategy;
import io.oxyde.exception.FieldException;
import io.oxyde.exception.FieldViolation;
import io.oxyde.exception.StaleObjectException;
import io.oxyde.exception.ValidationException;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.validation.ModelValidation;

/**
 * The write paths: inserts (with validation, hooks, defaults and generated keys), updates,
 * deletes, get-or-create and upserts. Everything is validated before the first statement is
 * sent.
 */
final class Writes {

    private Writes() {
    }

    // ---- insert ---------------------------------------------------------------------------------

    private record Prepared<T>(T model, List<Value> values) {
    }

    /** A model about to be inserted, stamped with the current time. */
    private static <T> Prepared<T> prepare(T model) {
        return prepare(model, clock(), true);
    }

    /**
     * Validates a model about to be written and converts it to column values: a UUID key and a
     * {@code null} version filled in, and the library-kept times set ({@code @UpdatedAt} always,
     * {@code @CreatedAt} when {@code creating} and the model holds none) to {@code now}.
     */
    @SuppressWarnings("unchecked")
    private static <T> Prepared<T> prepare(T model, Instant now, boolean creating) {
        ModelMapper<T> mapper = ModelMapper.of((Class<T>) model.getClass());
        model = stamp(model, mapper.meta(), now, creating);
        FieldMeta pk = mapper.meta().primaryKey();
        if (pk.idStrategy() == IdStrategy.UUID && mapper.get(model, mapper.primaryKeyIndex()) == null) {
            model = Models.with(model, pk.name(), UUID.randomUUID());
        }
        if (mapper.meta().hasCompositeKey()) {
            for (FieldMeta k : mapper.meta().primaryKeys()) {
                if (Models.get(model, k.name()) == null) {
                    throw new FieldException(mapper.meta().modelClass(), k.name(), "is part of the composite primary key ("
                            + keyNames(mapper.meta()) + ") and must be set: the application chooses composite keys",
                            List.of());
                }
            }
        }
        FieldMeta version = mapper.meta().version().orElse(null);
        if (version != null && Models.get(model, version.name()) == null) {
            model = Models.with(model, version.name(), versionValue(version, 0));
        }
        ModelValidation.validate(model);
        return new Prepared<>(model, mapper.toValues(model));
    }

    static <T> CompletableFuture<T> create(Target target, T model) {
        try {
            @SuppressWarnings("unchecked")
            Class<T> type = (Class<T>) model.getClass();
            Prepared<T> p = prepare(model);
            beforeSave(p.model());
            return insert(target, type, List.of(p), null).thenApply(list -> afterSave(list.get(0)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static <T> CompletableFuture<List<T>> bulkCreate(Target target, Class<T> type, List<T> models, int batchSize) {
        if (batchSize < 1) {
            return CompletableFuture.failedFuture(new FieldException(type, "batchSize", "must be positive, got " + batchSize,
                    List.of()));
        }
        List<Prepared<T>> prepared = new ArrayList<>(models.size());
        List<FieldViolation> violations = new ArrayList<>();
        try {
            Instant now = clock();
            for (int i = 0; i < models.size(); i++) {
                try {
                    prepared.add(prepare(models.get(i), now, true));
                } catch (ValidationException e) {
                    for (FieldViolation v : e.violations()) {
                        violations.add(new FieldViolation("[" + i + "]." + v.path(), v.message(), v.invalidValue(),
                                v.constraint()));
                    }
                }
            }
            if (!violations.isEmpty()) {
                throw new ValidationException(type, violations);
            }
            prepared.forEach(p -> beforeSave(p.model()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (prepared.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Function<Target, CompletableFuture<List<T>>> work = t -> {
            CompletableFuture<List<T>> chain = OxydeFuture.of(new ArrayList<>(prepared.size()));
            for (int from = 0; from < prepared.size(); from += batchSize) {
                List<Prepared<T>> batch = prepared.subList(from, Math.min(prepared.size(), from + batchSize));
                chain = chain.thenCompose(acc -> insert(t, type, batch, null).thenApply(saved -> {
                    acc.addAll(saved);
                    return acc;
                }));
            }
            return chain;
        };
        // several messages (batches, or models with and without keys, inserted as two groups) run in one transaction
        boolean severalMessages = prepared.size() > batchSize || mixedKeys(type, prepared);
        CompletableFuture<List<T>> result = severalMessages ? Transactions.auto(target, work) : work.apply(target);
        return result.thenApply(saved -> {
            saved.forEach(Writes::afterSave);
            return saved;
        });
    }

    /** Whether some models carry a key and others do not (so they are inserted as two groups). */
    private static <T> boolean mixedKeys(Class<T> type, List<Prepared<T>> prepared) {
        int keyless = keyless(ModelMapper.of(type).primaryKeyIndex(), prepared);
        return keyless > 0 && keyless < prepared.size();
    }

    /** Whether column {@code i} is NULL in every row (stops at the first value). */
    private static boolean allNull(List<List<Value>> rows, int i) {
        for (List<Value> row : rows) {
            if (!(row.get(i) instanceof Value.Null)) {
                return false;
            }
        }
        return true;
    }

    private static <T> int keyless(int pkIndex, List<Prepared<T>> prepared) {
        int keyless = 0;
        for (Prepared<T> p : prepared) {
            keyless += p.values().get(pkIndex) instanceof Value.Null ? 1 : 0;
        }
        return keyless;
    }

    /** One multi-row INSERT for models that all have, or all lack, a key; returns the stored copies. */
    private static <T> CompletableFuture<List<T>> insert(Target target, Class<T> type, List<Prepared<T>> batch,
                                                         OnConflict onConflict) {
        ModelMapper<T> mapper = ModelMapper.of(type);
        ModelMeta<T> meta = mapper.meta();
        int pkIndex = mapper.primaryKeyIndex();
        int keyless = keyless(pkIndex, batch);
        if (keyless > 0 && keyless < batch.size()) {
            List<Prepared<T>> withKey = new ArrayList<>();
            List<Prepared<T>> withoutKey = new ArrayList<>();
            for (Prepared<T> p : batch) {
                (p.values().get(pkIndex) instanceof Value.Null ? withoutKey : withKey).add(p);
            }
            List<T> out = new ArrayList<>();
            return insert(target, type, withKey, onConflict).thenCompose(a -> insert(target, type, withoutKey, onConflict)
                    .thenApply(b -> {
                        // by identity: equal models (records without a key) are still distinct rows
                        Map<Prepared<T>, T> byPrepared = new IdentityHashMap<>();
                        for (int i = 0; i < withKey.size(); i++) {
                            byPrepared.put(withKey.get(i), a.get(i));
                        }
                        for (int i = 0; i < withoutKey.size(); i++) {
                            byPrepared.put(withoutKey.get(i), b.get(i));
                        }
                        for (Prepared<T> p : batch) {
                            out.add(byPrepared.get(p));
                        }
                        return out;
                    }));
        }
        List<FieldMeta> fields = meta.fields();
        List<List<Value>> values = new ArrayList<>(batch.size());
        for (Prepared<T> p : batch) {
            values.add(p.values());
        }
        int[] used = new int[fields.size()];
        int usedCount = 0;
        for (int i = 0; i < fields.size(); i++) {
            FieldMeta f = fields.get(i);
            if ((f.primaryKey() || f.sqlDefault() != null) && allNull(values, i)) {
                continue;
            }
            used[usedCount++] = i;
        }
        List<String> columns = new ArrayList<>(usedCount);
        for (int u = 0; u < usedCount; u++) {
            columns.add(fields.get(used[u]).column());
        }
        List<List<Value>> rows = new ArrayList<>(batch.size());
        for (List<Value> all : values) {
            Value[] row = new Value[usedCount];
            for (int u = 0; u < usedCount; u++) {
                row[u] = all.get(used[u]);
            }
            rows.add(List.of(row));
        }
        boolean returning = target.dialect().supportsReturning();
        List<String> ret;
        int[] returnedAt = null;
        if (returning) {
            // Read back only what the database may have filled in or changed; the rest is the
            // values sent (see StoredAsSent).
            returnedAt = new int[fields.size()];
            Arrays.fill(returnedAt, -1);
            List<String> back = new ArrayList<>();
            for (int i = 0, u = 0; i < fields.size(); i++) {
                boolean sent = u < usedCount && used[u] == i;
                if (sent) {
                    u++;
                }
                if (!sent || !StoredAsSent.holds(fields.get(i), i, values)) {
                    returnedAt[i] = back.size();
                    back.add(fields.get(i).column());
                }
            }
            ret = back;
        } else {
            ret = List.of(meta.primaryKey().column());
        }
        InsertIr ir = new InsertIr(type.getSimpleName(), meta.tableName(), columns, rows, ret, onConflict);
        int[] readBack = returnedAt;
        return IdentitySequences.insert(target, meta, ir).thenApply(r -> stored(mapper, batch, r, readBack));
    }

    /**
     * The stored copies: with RETURNING, each row rebuilt from the values sent and the columns
     * read back ({@code returnedAt}: per field, its position in a returned row or -1 when it was
     * stored as sent); otherwise the models with their generated keys.
     */
    private static <T> List<T> stored(ModelMapper<T> mapper, List<Prepared<T>> batch, MutationResult r,
                                      int[] returnedAt) {
        List<List<Value>> returned = r.returned().rows();
        boolean allSent = returnedAt != null && Arrays.stream(returnedAt).allMatch(at -> at < 0);
        if (returnedAt != null && (allSent || returned.size() == batch.size())) {
            RowReader<T> reader = mapper.reader(mapper.columns());
            List<T> out = new ArrayList<>(batch.size());
            // One row buffer for the whole batch: the reader builds the model before returning.
            Value[] row = new Value[returnedAt.length];
            ResultRow rowView = ResultRow.of(row); // a view of the buffer, not a copy
            for (int i = 0; i < batch.size(); i++) {
                List<Value> sent = batch.get(i).values();
                List<Value> back = allSent ? null : returned.get(i);
                for (int c = 0; c < row.length; c++) {
                    row[c] = returnedAt[c] < 0 ? sent.get(c) : back.get(returnedAt[c]);
                }
                out.add(reader.readValues(rowView));
            }
            return out;
        }
        List<T> out = new ArrayList<>(batch.size());
        FieldMeta pk = mapper.meta().primaryKey();
        int pkIndex = mapper.primaryKeyIndex();
        RowReader<T> keyReader = null;
        for (int i = 0; i < batch.size(); i++) {
            T model = batch.get(i).model();
            if (batch.get(i).values().get(pkIndex) instanceof Value.Null && i < r.generatedKeys().size()) {
                if (keyReader == null) {
                    keyReader = mapper.partialReader(List.of(pk.column()));
                }
                Object key = keyReader.read(List.of(r.generatedKeys().get(i)));
                model = Models.with(model, pk.name(), Models.get(key, pk.name()));
            }
            out.add(model);
        }
        return out;
    }

    // ---- library-kept times (@CreatedAt, @UpdatedAt) ------------------------------------------------

    /** One reading of the clock for a write call, cut to whole microseconds (the time rule of docs/dialects.md). */
    private static Instant clock() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code now} in the field's type: the instant, at offset UTC, or the UTC date-time. */
    private static Object timeValue(FieldMeta f, Instant now) {
        if (f.javaType() == OffsetDateTime.class) {
            return now.atOffset(ZoneOffset.UTC);
        }
        if (f.javaType() == LocalDateTime.class) {
            return LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        }
        return now;
    }

    /** The model with {@code @UpdatedAt} (and, when creating, a missing {@code @CreatedAt}) set to {@code now}. */
    private static <T> T stamp(T model, ModelMeta<T> meta, Instant now, boolean creating) {
        FieldMeta created = meta.createdAt().orElse(null);
        FieldMeta updated = meta.updatedAt().orElse(null);
        if (created != null && creating && Models.get(model, created.name()) == null) {
            model = Models.with(model, created.name(), timeValue(created, now));
        }
        if (updated != null) {
            model = Models.with(model, updated.name(), timeValue(updated, now));
        }
        return model;
    }

    // ---- update / delete -----------------------------------------------------------------------

    static CompletableFuture<Integer> update(QueryCore core, Map<String, ?> values) {
        List<Assignment> assignments;
        try {
            assignments = assignments(core, values);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (DecimalArithmetic.computedHere(core, assignments)) { // SQLite: exact decimals, computed by Oxyde
            return DecimalArithmetic.update(core, assignments);
        }
        String table = core.meta.tableName();
        String model = core.model().getSimpleName();
        return filterByKeys(core, filter -> core.target.mutate(new UpdateIr(model, table, assignments, filter, List.of())));
    }

    /**
     * {@code update(values)} giving the updated models, in key order. Where the dialect has
     * UPDATE … RETURNING (PostgreSQL, SQLite) the one statement returns every column; elsewhere
     * (MySQL, MariaDB), and on SQLite where Oxyde computes decimal arithmetic itself, one
     * transaction selects the matching keys (FOR UPDATE where there are row locks), updates by key
     * and reads the rows back by key.
     */
    @SuppressWarnings("unchecked")
    static <T> CompletableFuture<List<T>> updateReturning(QueryCore core, Map<String, ?> values) {
        List<Assignment> assignments;
        try {
            assignments = assignments(core, values);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        Class<T> type = (Class<T>) core.model();
        ModelMapper<T> mapper = ModelMapper.of(type);
        FieldMeta pk = core.meta.primaryKey();
        if (core.target.dialect().supportsUpdateReturning() && !DecimalArithmetic.computedHere(core, assignments)) {
            List<String> columns = mapper.columns();
            RowReader<T> reader = mapper.reader(columns);
            List<T> out = java.util.Collections.synchronizedList(new ArrayList<>());
            String table = core.meta.tableName();
            String model = core.model().getSimpleName();
            return filterByKeys(core, filter -> core.target.mutate(new UpdateIr(model, table, assignments, filter, columns))
                    .thenApply(r -> {
                        for (List<Value> row : r.returned().rows()) {
                            out.add(reader.read(row));
                        }
                        return r;
                    })).thenApply(n -> byKey(out, pk));
        }
        return Transactions.auto(core.target, t -> {
            QueryCore c = core.copy(t);
            c.eager().clear();
            c.prefetch().clear();
            Query<T> matching = new Query<>(c);
            if (t.dialect().supportsRowLocks()) {
                matching = matching.forUpdate();
            }
            return matching.flatValues(pk.name()).all().thenCompose(keys -> {
                CompletableFuture<List<T>> chain = OxydeFuture.of(new ArrayList<>());
                for (int from = 0; from < keys.size(); from += 500) {
                    List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
                    Query<T> byKeys = Query.of(type, t).filter(pk.name() + "__in", chunk);
                    chain = chain.thenCompose(acc -> update(byKeys.core(), values)
                            .thenCompose(n -> byKeys.orderBy(pk.name()).all())
                            .thenApply(rows -> {
                                acc.addAll(rows);
                                return acc;
                            }));
                }
                return chain.thenApply(all -> byKey(all, pk));
            });
        });
    }

    /** The models in key order (keys are comparable: numbers, strings, UUIDs). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> List<T> byKey(List<T> models, FieldMeta pk) {
        List<T> out = new ArrayList<>(models);
        out.sort((a, b) -> ((Comparable) Models.get(a, pk.name())).compareTo(Models.get(b, pk.name())));
        return out;
    }

    /** The assignments of a foreign key to a composite key: each column its part of the key (all NULL for null). */
    private static void compositeAssignments(QueryCore core, FieldMeta f, Object v, List<Assignment> out) {
        if (v instanceof F || v instanceof io.oxyde.expression.Expression) {
            throw new FieldException(core.model(), f.name(), "a foreign key to the composite key of "
                    + f.foreignKey().target().getSimpleName() + " is set to a Ref, a model, its key values or null, not to"
                    + " an expression", List.of("Ref"));
        }
        List<Value> parts;
        try {
            parts = io.oxyde.internal.mapping.ModelMapper.of(core.model()).toValues(f.name(), v);
        } catch (io.oxyde.exception.MappingException e) {
            throw new FieldException(core.model(), f.name(), e.getMessage(), List.of("Ref"));
        }
        List<String> columns = f.foreignKey().columns();
        for (int i = 0; i < columns.size(); i++) {
            out.add(new Assignment(columns.get(i), new Expr.Literal(parts.get(i))));
        }
    }

    private static List<Assignment> assignments(QueryCore core, Map<String, ?> values) {
        List<Assignment> assignments = new ArrayList<>();
        Map<String, Object> plain = new LinkedHashMap<>();
        {
            if (values.isEmpty()) {
                throw new FieldException(core.model(), "update", "no fields to set", Paths.fieldNames(core.meta));
            }
            for (Map.Entry<String, ?> e : values.entrySet()) {
                FieldMeta f = core.meta.field(e.getKey()).orElseThrow(() -> new FieldException(core.model(), e.getKey(),
                        "unknown field in update", Paths.fieldNames(core.meta)));
                Object v = e.getValue();
                if (io.oxyde.internal.model.CompositeForeignKeys.isPart(f)) {
                    compositeAssignments(core, f, v, assignments);
                    continue;
                }
                Expr expr;
                if (v instanceof F fx) {
                    expr = core.expr(fx);
                } else if (v instanceof io.oxyde.expression.FunctionCall || v instanceof io.oxyde.expression.Case) {
                    expr = FunctionExprs.ofUpdate(core, v);
                } else {
                    expr = new Expr.Literal(v == null ? Value.nullValue() : Lookups.scalar(core.model(), f, v, "update"));
                    if (!f.isForeignKey()) {
                        plain.put(f.name(), v);
                    }
                }
                assignments.add(new Assignment(f.column(), expr));
            }
            ModelValidation.validateValues(core.model(), plain);
            FieldMeta updated = core.meta.updatedAt().orElse(null);
            if (updated != null && !values.containsKey(updated.name())) {
                assignments.add(new Assignment(updated.column(), new Expr.Literal(Lookups.scalar(core.model(), updated,
                        timeValue(updated, clock()), "update"))));
            }
            FieldMeta version = core.meta.version().orElse(null);
            if (version != null && !values.containsKey(version.name())) {
                // every update through the model moves the version on (docs/models.md, optimistic locking)
                assignments.add(new Assignment(version.column(), new Expr.Binary(ArithmeticOperator.ADD,
                        new Expr.Column(version.column()), new Expr.Literal(Value.of(1L)))));
            }
        }
        return assignments;
    }

    static CompletableFuture<Integer> delete(QueryCore core) {
        String table = core.meta.tableName();
        String model = core.model().getSimpleName();
        return filterByKeys(core, filter -> core.target.mutate(new DeleteIr(model, table, filter, List.of())));
    }

    /**
     * UPDATE and DELETE take no joins: a filter across relations (or a limit/offset) first
     * selects the matching keys, then writes by key in chunks.
     */
    private static CompletableFuture<Integer> filterByKeys(QueryCore core,
                                                          Function<FilterNode, CompletableFuture<MutationResult>> write) {
        if (core.joins.isEmpty() && core.limit == null && core.offset == null && core.unions.isEmpty()) {
            return write.apply(core.where()).thenApply(r -> (int) r.affected());
        }
        QueryCore keys = core.copy();
        FieldMeta pk = core.meta.primaryKey();
        List<FieldMeta> keyFields = core.meta.primaryKeys();
        keys.values = keyFields.stream().map(k -> new QueryCore.ValueColumn(k.name(), ColumnRef.of(k.column()), k)).toList();
        keys.eager().clear();
        // the keys to write come from the primary, never from a lagging replica
        return core.target.primary().query(keys.toIr(), keys.kinds()).thenCompose(rs -> {
            CompletableFuture<Integer> chain = OxydeFuture.of(0);
            for (int from = 0; from < rs.rows().size(); from += 500) {
                List<Value> ids = new ArrayList<>();
                List<FilterNode> rows = new ArrayList<>();
                for (List<Value> row : rs.rows().subList(from, Math.min(rs.rows().size(), from + 500))) {
                    ids.add(row.get(0));
                    if (keyFields.size() > 1) { // a composite key: (a = ? AND b = ?) OR …
                        List<FilterNode> parts = new ArrayList<>();
                        for (int k = 0; k < keyFields.size(); k++) {
                            parts.add(new FilterNode.Condition(ColumnRef.of(keyFields.get(k).column()), Lookup.EQ, row.get(k)));
                        }
                        rows.add(new FilterNode.And(parts));
                    }
                }
                FilterNode byKey = keyFields.size() > 1 ? new FilterNode.Or(rows)
                        : new FilterNode.Condition(ColumnRef.of(pk.column()), Lookup.IN, new Value.Array(ids));
                chain = chain.thenCompose(n -> write.apply(byKey).thenApply(r -> n + (int) r.affected()));
            }
            return chain;
        });
    }

    static <T> CompletableFuture<Integer> bulkUpdate(Target target, Class<T> type, List<T> models, String... fields) {
        ModelMapper<T> mapper = ModelMapper.of(type);
        ModelMeta<T> meta = mapper.meta();
        try {
            if (fields.length == 0) {
                throw new FieldException(type, "bulkUpdate", "name the fields to update", Paths.fieldNames(meta));
            }
            List<Integer> idx = new ArrayList<>();
            for (String f : fields) {
                FieldMeta fm = meta.field(f).orElseThrow(() -> new FieldException(type, f, "unknown field in bulkUpdate",
                        Paths.fieldNames(meta)));
                for (FieldMeta column : io.oxyde.internal.model.CompositeForeignKeys.columnsOf(meta, fm)) {
                    idx.add(meta.fields().indexOf(column)); // a foreign key to a composite key: each of its columns
                }
            }
            if (models.isEmpty()) {
                return CompletableFuture.completedFuture(0);
            }
            FieldMeta updated = meta.updatedAt().orElse(null);
            if (updated != null) {
                // the last-write time moves on with every bulkUpdate, named or not
                Instant now = clock();
                List<T> stamped = new ArrayList<>(models.size());
                for (T m : models) {
                    stamped.add(stamp(m, meta, now, false));
                }
                models = stamped;
                int at = meta.fields().indexOf(updated);
                if (!idx.contains(at)) {
                    idx.add(at);
                }
            }
            if (meta.version().isPresent() || meta.hasCompositeKey()) {
                return KeyedBulkUpdate.run(target, mapper, models, idx);
            }
            int pkIndex = meta.fields().indexOf(meta.primaryKey());
            List<BulkUpdateRow> rows = new ArrayList<>();
            for (T m : models) {
                ModelValidation.validate(m);
                List<Value> all = mapper.toValues(m);
                if (all.get(pkIndex) instanceof Value.Null) {
                    throw new FieldException(type, meta.primaryKey().name(), "bulkUpdate needs saved models (with keys)",
                            List.of());
                }
                List<Value> vals = new ArrayList<>();
                idx.forEach(i -> vals.add(all.get(i)));
                rows.add(new BulkUpdateRow(all.get(pkIndex), vals));
            }
            List<String> columns = idx.stream().map(i -> meta.fields().get(i).column()).toList();
            BulkUpdateIr ir = new BulkUpdateIr(type.getSimpleName(), meta.tableName(), meta.primaryKey().column(), columns,
                    rows);
            return target.mutate(ir).thenApply(r -> (int) r.affected());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Fails with {@link StaleObjectException}, telling a changed row from a deleted one. */
    static <T, R> CompletableFuture<R> stale(Target target, Class<T> type, Map<String, Object> key,
                                                     Object expectedVersion) {
        Object named = key.size() == 1 ? key.values().iterator().next() : new ArrayList<>(key.values());
        return Query.of(type, target.primary()).filter(key).exists()
                .thenCompose(found -> CompletableFuture.failedFuture(new StaleObjectException(type, named, expectedVersion,
                        !found)));
    }

    // ---- keys (one field, or several for a composite key) -----------------------------------------

    /** The key field names, comma-separated, for messages. */
    private static String keyNames(ModelMeta<?> meta) {
        return String.join(", ", meta.primaryKeys().stream().map(FieldMeta::name).toList());
    }

    /** A model's key by field name (every key field, in order): the filter that finds its row. */
    static Map<String, Object> keyMap(ModelMeta<?> meta, Object model) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldMeta k : meta.primaryKeys()) {
            out.put(k.name(), Models.get(model, k.name()));
        }
        return out;
    }

    /**
     * The lookups of {@code getByKey(key...)}: one value per key field in declaration order, or
     * one record whose components are named like the key fields.
     */
    static Map<String, Object> keyLookups(ModelMeta<?> meta, Object[] key) {
        List<FieldMeta> fields = meta.primaryKeys();
        Class<?> type = meta.modelClass();
        if (key.length == 1 && key[0] instanceof Record r && fields.size() > 1) {
            Map<String, Object> out = new LinkedHashMap<>();
            java.lang.reflect.RecordComponent[] components = r.getClass().getRecordComponents();
            for (FieldMeta f : fields) {
                java.lang.reflect.RecordComponent c = java.util.Arrays.stream(components)
                        .filter(x -> x.getName().equals(f.name())).findFirst()
                        .orElseThrow(() -> new FieldException(type, "getByKey", "the key record " + r.getClass().getSimpleName()
                                + " has no component " + f.name() + " (the key is " + keyNames(meta) + ")", List.of()));
                out.put(f.name(), Models.get(r, c.getName()));
            }
            if (components.length != fields.size()) {
                throw new FieldException(type, "getByKey", "the key record " + r.getClass().getSimpleName() + " has "
                        + components.length + " components; the key is " + keyNames(meta), List.of());
            }
            return out;
        }
        if (key.length != fields.size()) {
            throw new FieldException(type, "getByKey", "the primary key takes " + fields.size() + " value"
                    + (fields.size() == 1 ? "" : "s") + " (" + keyNames(meta) + "), got " + key.length, List.of());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < key.length; i++) {
            if (key[i] == null) {
                throw new FieldException(type, fields.get(i).name(), "getByKey needs every key value, got null", List.of());
            }
            out.put(fields.get(i).name(), key[i]);
        }
        return out;
    }

    /** The filter of one row by the key values among a model's column values (fields() order). */
    static FilterNode keyFilter(ModelMeta<?> meta, List<Value> all) {
        List<FilterNode> parts = new ArrayList<>();
        for (FieldMeta k : meta.primaryKeys()) {
            parts.add(new FilterNode.Condition(ColumnRef.of(k.column()), Lookup.EQ, all.get(meta.fields().indexOf(k))));
        }
        return parts.size() == 1 ? parts.get(0) : new FilterNode.And(parts);
    }

    /**
     * Runs {@code work} so that it changes nothing if it fails: in a transaction of its own, or
     * under a savepoint when the target is already in one (the caller's transaction goes on).
     */
    static <R> CompletableFuture<R> allOrNothing(Target target, Function<Target, CompletableFuture<R>> work) {
        if (!target.inTransaction()) {
            return Transactions.auto(target, work);
        }
        String sp = target.savepoints().next();
        long tx = target.transactionId();
        return target.driver().savepoint(tx, sp)
                .thenCompose(v -> work.apply(target))
                .thenCompose(r -> target.driver().release(tx, sp).thenApply(v -> r))
                .exceptionallyCompose(e -> {
                    Throwable cause = Oxyde.unwrap(e);
                    return target.driver().rollbackTo(tx, sp).thenCompose(v -> target.driver().release(tx, sp))
                            .<R>handle((v, e2) -> {
                                if (e2 != null) {
                                    cause.addSuppressed(Oxyde.unwrap(e2));
                                }
                                throw Oxyde.rethrow(cause);
                            });
                });
    }

    /** A version number in the field's own type ({@code long}, {@code int} or {@code short}). */
    static Object versionValue(FieldMeta version, long v) {
        Class<?> t = version.javaType();
        if (t == int.class || t == Integer.class) {
            return Math.toIntExact(v);
        }
        if (t == short.class || t == Short.class) {
            if (v > Short.MAX_VALUE) {
                throw new ArithmeticException("version overflow: " + v + " does not fit a short");
            }
            return (short) v;
        }
        return v;
    }

    // ---- instances --------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static <T> CompletableFuture<T> save(Target target, T model) {
        Class<T> type = (Class<T>) model.getClass();
        ModelMapper<T> mapper = ModelMapper.of(type);
        FieldMeta pk = mapper.meta().primaryKey();
        boolean composite = mapper.meta().hasCompositeKey();
        Map<String, Object> key = keyMap(mapper.meta(), model);
        Object id = composite ? (key.containsValue(null) ? null : new ArrayList<>(key.values())) : key.get(pk.name());
        if (id == null) {
            return create(target, model); // (a composite key with a part missing is refused there, by field)
        }
        try {
            Instant now = clock();
            Prepared<T> p = prepare(model, now, false);
            beforeSave(p.model());
            FieldMeta version = mapper.meta().version().orElse(null);
            FieldMeta created = mapper.meta().createdAt().orElse(null);
            // with @Version: write version + 1 where the stored version is still the one read
            Object expected = version == null ? null : Models.get(p.model(), version.name());
            List<Value> values = p.values();
            if (version != null) {
                // the new version is written, but set on the model only once the update succeeded
                // (a class model is changed in place, and a stale one must keep the version it had)
                values = new ArrayList<>(values);
                values.set(mapper.meta().fields().indexOf(version), Value.of(((Number) expected).longValue() + 1));
            }
            List<Assignment> set = new ArrayList<>();
            for (int i = 0; i < mapper.meta().fields().size(); i++) {
                FieldMeta f = mapper.meta().fields().get(i);
                if (!f.primaryKey() && f != created) { // the creation time is never rewritten
                    set.add(new Assignment(f.column(), new Expr.Literal(values.get(i))));
                }
            }
            FilterNode byKey = composite ? keyFilter(mapper.meta(), values) : byKey(type, pk, id);
            if (version != null) {
                byKey = FilterNode.and(byKey, new FilterNode.Condition(ColumnRef.of(version.column()), Lookup.EQ,
                        Lookups.scalar(type, version, expected, "version")));
            }
            UpdateIr ir = new UpdateIr(type.getSimpleName(), mapper.meta().tableName(), set, byKey, List.of());
            return target.mutate(ir).thenCompose(r -> {
                if (r.affected() > 0) {
                    T changed = version == null ? p.model() : Models.with(p.model(), version.name(),
                            versionValue(version, ((Number) expected).longValue() + 1));
                    return CompletableFuture.completedFuture(afterSave(changed));
                }
                return Query.of(type, target.primary()).filter(key).exists().thenCompose(found -> {
                    if (version != null && (found || ((Number) expected).longValue() != 0)) {
                        // changed by another writer, or deleted since it was read (a version 0 row
                        // that does not exist is a new model with a client key: inserted below)
                        return CompletableFuture.failedFuture(new StaleObjectException(type, id, expected, !found));
                    }
                    if (found) {
                        return CompletableFuture.completedFuture(afterSave(p.model()));
                    }
                    Prepared<T> inserted = created == null ? p : prepare(model, now, true);
                    return insert(target, type, List.of(inserted), null).thenApply(l -> afterSave(l.get(0)));
                });
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> CompletableFuture<Boolean> deleteInstance(Target target, T model) {
        Class<T> type = (Class<T>) model.getClass();
        ModelMeta<T> meta = ModelMeta.of(type);
        FieldMeta pk = meta.primaryKey();
        Map<String, Object> key = keyMap(meta, model);
        try {
            for (Map.Entry<String, Object> k : key.entrySet()) {
                if (k.getValue() == null) {
                    throw new FieldException(type, k.getKey(), "cannot delete a model without a key", List.of());
                }
            }
            if (model instanceof ModelHooks h) {
                h.beforeDelete();
            }
            FilterNode where = meta.hasCompositeKey() ? keyFilter(meta, ModelMapper.of(type).toValues(model))
                    : byKey(type, pk, key.get(pk.name()));
            DeleteIr ir = new DeleteIr(type.getSimpleName(), meta.tableName(), where, List.of());
            return target.mutate(ir).thenApply(r -> {
                if (model instanceof ModelHooks h) {
                    h.afterDelete();
                }
                return r.affected() > 0;
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static FilterNode byKey(Class<?> type, FieldMeta pk, Object id) {
        return new FilterNode.Condition(ColumnRef.of(pk.column()), Lookup.EQ, Lookups.scalar(type, pk, id, "key"));
    }

    // ---- get or create / upsert ---------------------------------------------------------------------

    static <T> CompletableFuture<Created<T>> getOrCreate(Query<T> base, Target target, Class<T> type,
                                                       Map<String, ?> lookups, Map<String, ?> defaults) {
        Query<T> match;
        T fresh;
        try {
            // look up on the primary: a lagging replica would miss the row and make this create a duplicate
            match = new Query<T>(base.core().copy(target.primary())).filter(lookups);
            fresh = build(type, lookups, defaults);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return match.getOrNone().thenCompose(found -> {
            if (found.isPresent()) {
                return CompletableFuture.completedFuture(new Created<>(found.get(), false));
            }
            if (!target.inTransaction()) {
                return create(target, fresh).thenApply(c -> new Created<>(c, true))
                        .exceptionallyCompose(e -> lostRace(e, match));
            }
            String sp = target.savepoints().next();
            io.oxyde.driver.TxHandle tx = target.txHandle();
            return target.driver().savepoint(tx, sp)
                    .thenCompose(v -> create(target, fresh))
                    .thenCompose(c -> target.driver().release(tx, sp).thenApply(v -> new Created<>(c, true)))
                    .exceptionallyCompose(e -> target.driver().rollbackTo(tx, sp)
                            .thenCompose(v -> target.driver().release(tx, sp))
                            .thenCompose(v -> lostRace(e, match)));
        });
    }

    private static <T> CompletableFuture<Created<T>> lostRace(Throwable e, Query<T> match) {
        Throwable cause = Oxyde.unwrap(e);
        if (cause instanceof UniqueViolationException) {
            // Another writer inserted a matching row first: return it. If no row matches, the
            // conflict was on some other unique key; report it.
            return match.getOrNone().thenCompose(o -> o.isPresent()
                    ? CompletableFuture.completedFuture(new Created<>(o.get(), false))
                    : CompletableFuture.failedFuture(cause));
        }
        return CompletableFuture.failedFuture(cause);
    }

    static <T> CompletableFuture<Created<T>> updateOrCreate(Query<T> base, Target target, Class<T> type,
                                                          Map<String, ?> lookups, Map<String, ?> defaults) {
        return Transactions.auto(target, tx -> {
            Query<T> onTx = new Query<>(base.core().copy(tx));
            return onTx.filter(lookups).forUpdate().getOrNone().thenCompose(found -> {
                if (found.isEmpty()) {
                    return getOrCreate(onTx, tx, type, lookups, defaults);
                }
                T changed = Models.with(found.get(), convert(type, defaults));
                return save(tx, changed).thenApply(s -> new Created<>(s, false));
            });
        });
    }

    static <T> CompletableFuture<T> upsert(Query<T> base, Target target, T model, String... conflictFields) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) model.getClass();
        ModelMeta<T> meta = ModelMeta.of(type);
        Query<T> match = base;
        List<String> targetCols = new ArrayList<>();
        Prepared<T> p;
        try {
            if (conflictFields.length == 0) {
                throw new FieldException(type, "upsert", "name the unique field(s) that detect a conflict",
                        Paths.fieldNames(meta));
            }
            p = prepare(model);
            for (String f : conflictFields) {
                FieldMeta fm = meta.field(f).orElseThrow(() -> new FieldException(type, f, "unknown conflict field",
                        Paths.fieldNames(meta)));
                for (FieldMeta column : io.oxyde.internal.model.CompositeForeignKeys.columnsOf(meta, fm)) {
                    targetCols.add(column.column());
                }
                match = match.filter(f, Models.get(p.model(), f));
            }
            beforeSave(p.model());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        Set<String> update = new LinkedHashSet<>();
        FieldMeta created = meta.createdAt().orElse(null);
        for (FieldMeta f : meta.fields()) {
            if (!f.primaryKey() && !targetCols.contains(f.column()) && f != created) { // an existing row keeps its creation time
                update.add(f.column());
            }
        }
        Query<T> reread = match;
        Prepared<T> prepared = p;
        FieldMeta version = meta.version().orElse(null);
        if (version != null) {
            // The stored row's version moves on (it is not overwritten by the proposed model's):
            // lock the matching row, insert or overwrite it, then increment its version if it existed.
            update.remove(version.column());
            OnConflict keepVersion = OnConflict.doUpdate(targetCols, List.copyOf(update));
            return Transactions.auto(target, t -> {
                Query<T> onTx = new Query<>(reread.core().copy(t));
                return onTx.forUpdate().exists().thenCompose(existed -> insertNoReturn(t, type, prepared, keepVersion)
                        .thenCompose(v -> existed
                                ? update(onTx.core(), Map.of(version.name(), F.col(version.name()).add(1)))
                                : CompletableFuture.completedFuture(0))
                        .thenCompose(n -> onTx.get()));
            }).thenApply(Writes::afterSave);
        }
        OnConflict onConflict = OnConflict.doUpdate(targetCols, List.copyOf(update));
        return insertNoReturn(target, type, prepared, onConflict).thenCompose(v -> reread.get()).thenApply(Writes::afterSave);
    }

    private static <T> CompletableFuture<Void> insertNoReturn(Target target, Class<T> type, Prepared<T> p, OnConflict oc) {
        ModelMeta<T> meta = ModelMeta.of(type);
        List<String> cols = new ArrayList<>();
        List<Value> row = new ArrayList<>();
        for (int i = 0; i < meta.fields().size(); i++) {
            FieldMeta f = meta.fields().get(i);
            if (p.values().get(i) instanceof Value.Null && (f.primaryKey() || f.sqlDefault() != null)) {
                continue;
            }
            cols.add(f.column());
            row.add(p.values().get(i));
        }
        return IdentitySequences.insert(target, meta, new InsertIr(type.getSimpleName(), meta.tableName(), cols, List.of(row),
                List.of(), oc)).thenApply(r -> null);
    }

    /** A new model from lookups (plain field names or {@code field__exact}) and defaults. */
    private static <T> T build(Class<T> type, Map<String, ?> lookups, Map<String, ?> defaults) {
        Map<String, Object> values = new LinkedHashMap<>();
        lookups.forEach((k, v) -> {
            String name = k.endsWith("__exact") ? k.substring(0, k.length() - 7) : k;
            if (!name.contains("__")) {
                values.put(name, v);
            }
        });
        values.putAll(defaults);
        return Models.create(type, convert(type, values));
    }

    /** Field values as the model holds them: ids for {@code Ref} fields become {@code Ref.id}. */
    private static Map<String, Object> convert(Class<?> type, Map<String, ?> values) {
        ModelMeta<?> meta = ModelMeta.of(type);
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            FieldMeta f = meta.field(k).orElseThrow(() -> new FieldException(type, k, "unknown field", Paths.fieldNames(meta)));
            Object value = v;
            if (f.isForeignKey() && f.javaType() == Ref.class && v != null && !(v instanceof Ref<?>)) {
                value = f.foreignKey().target().isInstance(v) ? Ref.of(v) : Ref.id(f.foreignKey().target(), v);
            }
            out.put(k, value);
        });
        return out;
    }

    // ---- hooks ------------------------------------------------------------------------------------

    private static void beforeSave(Object model) {
        if (model instanceof ModelHooks h) {
            h.beforeSave();
        }
    }

    private static <T> T afterSave(T saved) {
        if (saved instanceof ModelHooks h) {
            h.afterSave(saved);
        }
        return saved;
    }
}
