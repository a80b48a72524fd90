package io.oxyde.internal.ir;

import io.oxyde.exception.FieldException;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ManyToManyMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.Ref;
import io.oxyde.meta.ReverseRelationMeta;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.driver.OxydeFuture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Loads relations of already-read models with separate {@code IN (…)} queries (chunked by
 * {@value #CHUNK} keys): reverse FK lists, many-to-many lists through the join model, and
 * forward FKs. Nested paths are loaded level by level on the related models.
 */
public final class Prefetcher {

    /** Keys per IN query, well below every dialect's bind limit. */
    public static final int CHUNK = 500;

    private Prefetcher() {
    }

    /** Checks a path against the model, failing with a {@link FieldException} that lists the relations. */
    public static void check(ModelMeta<?> meta, String path) {
        ModelMeta<?> current = meta;
        for (String part : PathSyntax.split(meta.modelClass(), path, relationNames(meta))) {
            current = ModelMeta.of(relationTarget(current, part));
        }
    }

    /**
     * The model a prefetch path ends on, failing with a {@link FieldException} unless its last
     * relation is to-many (a reverse FK or a many-to-many): only those take a query of their own.
     */
    public static Class<?> toManyTarget(ModelMeta<?> meta, String path) {
        ModelMeta<?> current = meta;
        String[] parts = PathSyntax.split(meta.modelClass(), path, relationNames(meta));
        for (int i = 0; i < parts.length; i++) {
            ModelMeta<?> owner = current;
            current = ModelMeta.of(relationTarget(owner, parts[i]));
            if (i == parts.length - 1 && owner.field(parts[i]).filter(FieldMeta::isForeignKey).isPresent()) {
                throw new FieldException(owner.modelClass(), parts[i], "Prefetch.of(\"" + path + "\", query): a query"
                        + " filters and orders a to-many relation (a reverse foreign key or a many-to-many); \""
                        + parts[i] + "\" is a foreign key, load it with prefetch(\"" + path + "\") or join(...)",
                        relationNames(owner));
            }
        }
        return current.modelClass();
    }

    /**
     * The query of a {@code Prefetch.of(path, query)}: its select (filter, joins, order), how its
     * rows are read, and the prefetches of its own models.
     *
     * @param select the query's select, to which the relation's IN condition is added
     * @param kinds the kinds of its columns
     * @param partial whether it selects only some fields
     * @param joins its joins, for the readers of eagerly joined models
     * @param eager the aliases it loads eagerly
     * @param nested the prefetch paths of its own models
     * @param nestedQueries their queries, by path
     */
    public record Custom(SelectIr select, List<ValueKind> kinds, boolean partial, Map<String, JoinStep> joins,
                         Set<String> eager, List<String> nested, Map<String, Custom> nestedQueries) {
    }

    private static Class<?> relationTarget(ModelMeta<?> meta, String name) {
        for (ReverseRelationMeta r : meta.reverseRelations()) {
            if (r.name().equals(name)) {
                return r.target();
            }
        }
        for (ManyToManyMeta m : meta.manyToMany()) {
            if (m.name().equals(name)) {
                return m.target();
            }
        }
        FieldMeta fk = meta.field(name).filter(FieldMeta::isForeignKey).orElse(null);
        if (fk != null) {
            return fk.foreignKey().target();
        }
        throw new FieldException(meta.modelClass(), name, "not a relation to prefetch", relationNames(meta));
    }

    private static List<String> relationNames(ModelMeta<?> meta) {
        List<String> choices = new ArrayList<>();
        meta.reverseRelations().forEach(r -> choices.add(r.name()));
        meta.manyToMany().forEach(m -> choices.add(m.name()));
        meta.foreignKeys().forEach(f -> choices.add(f.name()));
        return choices;
    }

    /** Loads the relations named by {@code paths} into (copies of) {@code models}. */
    public static <T> CompletableFuture<List<T>> load(Target target, ModelMeta<?> meta, List<T> models, List<String> paths) {
        return load(target, meta, models, paths, Map.of());
    }

    /**
     * Loads the relations named by {@code paths} into (copies of) {@code models}; a path in
     * {@code custom} loads its last relation through that query ({@code Prefetch.of}).
     */
    public static <T> CompletableFuture<List<T>> load(Target target, ModelMeta<?> meta, List<T> models, List<String> paths,
                                                      Map<String, Custom> custom) {
        if (paths.isEmpty() || models.isEmpty()) {
            return CompletableFuture.completedFuture(models);
        }
        Map<String, List<String>> byFirst = new LinkedHashMap<>();
        Map<String, Map<String, Custom>> customByFirst = new LinkedHashMap<>();
        for (String p : paths) {
            String[] parts = PathSyntax.head(p);
            List<String> rest = byFirst.computeIfAbsent(parts[0], k -> new ArrayList<>());
            if (parts.length > 1) {
                rest.add(parts[1]);
            }
        }
        Map<String, Custom> here = new LinkedHashMap<>();
        custom.forEach((p, q) -> {
            String[] parts = PathSyntax.head(p);
            if (parts.length == 1) {
                here.put(p, q);
            } else {
                customByFirst.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], q);
            }
        });
        CompletableFuture<List<T>> chain = OxydeFuture.of(models);
        for (Map.Entry<String, List<String>> e : byFirst.entrySet()) {
            Custom q = here.get(e.getKey());
            Map<String, Custom> deeper = customByFirst.getOrDefault(e.getKey(), Map.of());
            chain = chain.thenCompose(current -> one(target, meta, current, e.getKey(), e.getValue(), q, deeper));
        }
        return chain;
    }

    private static <T> CompletableFuture<List<T>> one(Target target, ModelMeta<?> meta, List<T> models, String name,
                                                      List<String> rest, Custom q, Map<String, Custom> deeper) {
        List<String> after = rest;
        Map<String, Custom> afterQueries = deeper;
        if (q != null && !q.nested().isEmpty()) {
            after = new ArrayList<>(rest);
            after.addAll(q.nested());
            afterQueries = new LinkedHashMap<>(deeper);
            afterQueries.putAll(q.nestedQueries());
        }
        for (ReverseRelationMeta r : meta.reverseRelations()) {
            if (r.name().equals(name)) {
                return reverse(target, meta, models, r, after, q, afterQueries);
            }
        }
        for (ManyToManyMeta m : meta.manyToMany()) {
            if (m.name().equals(name)) {
                return q == null ? manyToMany(target, meta, models, m, after, afterQueries)
                        : manyToManyQueried(target, meta, models, m, after, q, afterQueries);
            }
        }
        FieldMeta fk = meta.field(name).orElseThrow();
        return forward(target, models, fk, rest, deeper);
    }

    private static <T> CompletableFuture<List<T>> reverse(Target target, ModelMeta<?> meta, List<T> models,
                                                          ReverseRelationMeta r, List<String> rest, Custom q,
                                                          Map<String, Custom> deeper) {
        ModelMeta<?> child = ModelMeta.of(r.target());
        FieldMeta fk = child.field(r.mappedBy()).orElseThrow();
        String referenced = fk.foreignKey().targetField(); // the parent's key, or the FK's toField
        boolean composite = fk.foreignKey().composite(); // then a parent's id is the list of its key values
        Set<Object> ids = composite ? compositeKeys(models) : keys(models, referenced);
        return select(target, child, fk, ids, q).thenCompose(children -> load(target, child, children, rest, deeper))
                .thenApply(children -> {
                    Map<Object, List<Object>> groups = new LinkedHashMap<>();
                    for (Object c : children) {
                        groups.computeIfAbsent(idOf(Models.get(c, fk.name()), fk), k -> new ArrayList<>()).add(c);
                    }
                    List<T> out = new ArrayList<>(models.size());
                    for (T m : models) {
                        Object id = composite ? io.oxyde.internal.model.ModelMetas.primaryKeyValue(m)
                                : Models.get(m, referenced);
                        out.add(Models.with(m, r.name(), List.copyOf(groups.getOrDefault(id, List.of()))));
                    }
                    return out;
                });
    }

    private static <T> CompletableFuture<List<T>> manyToMany(Target target, ModelMeta<?> meta, List<T> models,
                                                             ManyToManyMeta m, List<String> rest,
                                                             Map<String, Custom> deeper) {
        ModelMeta<?> through = ModelMeta.of(m.through());
        ModelMeta<?> targetMeta = ModelMeta.of(m.target());
        FieldMeta source = through.field(m.sourceField()).orElseThrow();
        FieldMeta dest = through.field(m.targetField()).orElseThrow();
        String sourceKey = source.foreignKey().targetField();
        FieldMeta destKey = targetMeta.field(dest.foreignKey().targetField()).orElseThrow();
        // a side with a composite key is found by the list of its key values
        boolean compositeSource = source.foreignKey().composite();
        boolean compositeDest = dest.foreignKey().composite();
        Set<Object> ids = compositeSource ? compositeKeys(models) : keys(models, sourceKey);
        return select(target, through, source, ids, null).thenCompose(links -> {
            Set<Object> targetIds = new LinkedHashSet<>();
            for (Object link : links) {
                targetIds.add(idOf(Models.get(link, dest.name()), dest));
            }
            return select(target, targetMeta, destKey, targetIds, null)
                    .thenCompose(found -> load(target, targetMeta, found, rest, deeper))
                    .thenApply(found -> {
                        Map<Object, Object> byId = new LinkedHashMap<>();
                        for (Object t : found) {
                            byId.put(compositeDest ? io.oxyde.internal.model.ModelMetas.primaryKeyValue(t)
                                    : Models.get(t, destKey.name()), t);
                        }
                        Map<Object, List<Object>> groups = new LinkedHashMap<>();
                        for (Object link : links) {
                            Object t = byId.get(idOf(Models.get(link, dest.name()), dest));
                            if (t != null) {
                                groups.computeIfAbsent(idOf(Models.get(link, source.name()), source), k -> new ArrayList<>())
                                        .add(t);
                            }
                        }
                        List<T> out = new ArrayList<>(models.size());
                        for (T model : models) {
                            Object id = compositeSource ? io.oxyde.internal.model.ModelMetas.primaryKeyValue(model)
                                    : Models.get(model, sourceKey);
                            out.add(Models.with(model, m.name(), List.copyOf(groups.getOrDefault(id, List.of()))));
                        }
                        return out;
                    });
        });
    }

    /**
     * A many-to-many relation through a {@code Prefetch} query, per chunk of parents: the links of
     * the chunk, then the query's rows whose key is among the chunk's targets ({@code IN (SELECT
     * target FROM through WHERE source IN …)}), so each parent's list comes from one query in its
     * order.
     */
    private static <T> CompletableFuture<List<T>> manyToManyQueried(Target target, ModelMeta<?> meta, List<T> models,
                                                                    ManyToManyMeta m, List<String> rest, Custom q,
                                                                    Map<String, Custom> deeper) {
        ModelMeta<?> through = ModelMeta.of(m.through());
        ModelMeta<?> targetMeta = ModelMeta.of(m.target());
        FieldMeta source = through.field(m.sourceField()).orElseThrow();
        FieldMeta dest = through.field(m.targetField()).orElseThrow();
        String sourceKey = source.foreignKey().targetField(); // the parent's key, or the link's toField
        FieldMeta destKey = targetMeta.field(dest.foreignKey().targetField()).orElseThrow();
        boolean compositeSource = source.foreignKey().composite();
        boolean compositeDest = dest.foreignKey().composite();
        List<Object> ids = new ArrayList<>(compositeSource ? compositeKeys(models) : keys(models, sourceKey));
        Map<Object, List<Object>> groups = new LinkedHashMap<>();
        CompletableFuture<Void> chain = OxydeFuture.of(null);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            Set<Object> chunk = new LinkedHashSet<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            chain = chain.thenCompose(none -> select(target, through, source, chunk, null).thenCompose(links -> {
                FilterNode in;
                if (compositeSource || compositeDest) {
                    // the chunk's targets by their keys, read from its links (whole keys: no one-column IN subquery)
                    Set<Object> targetIds = new LinkedHashSet<>();
                    links.forEach(link -> targetIds.add(idOf(Models.get(link, dest.name()), dest)));
                    if (targetIds.isEmpty()) {
                        return OxydeFuture.of(null);
                    }
                    in = in(targetMeta, destKey, new ArrayList<>(targetIds));
                } else {
                    List<Value> values = new ArrayList<>();
                    for (Object id : chunk) {
                        values.add(Lookups.scalar(through.modelClass(), source, id, "in"));
                    }
                    SelectIr targets = SelectIr.from(through.tableName()).column(ColumnRef.of(dest.column()))
                            .filter(new FilterNode.Condition(ColumnRef.of(source.column()), Lookup.IN, new Value.Array(values)))
                            .build();
                    in = new FilterNode.InSelect(ColumnRef.of(destKey.column()), targets);
                }
                SelectIr.Builder b = q.select().toBuilder();
                b.filter(q.select().filter() == null ? in : new FilterNode.And(List.of(q.select().filter(), in)));
                b.orderBy(OrderBy.asc(targetMeta.primaryKey().column()));
                RowLoader<?> loader = RowLoader.of(targetMeta.modelClass(), q.kinds(), q.partial(), q.joins(), q.eager());
                return target.read(b.build(), loader)
                        .thenCompose(frame -> load(target, targetMeta, new ArrayList<Object>(loader.models()), rest, deeper))
                        .thenApply(found -> {
                            Map<Object, List<Object>> sourcesOf = new LinkedHashMap<>();
                            for (Object link : links) {
                                sourcesOf.computeIfAbsent(idOf(Models.get(link, dest.name()), dest), k -> new ArrayList<>())
                                        .add(idOf(Models.get(link, source.name()), source));
                            }
                            for (Object t : found) {
                                Object key = compositeDest ? io.oxyde.internal.model.ModelMetas.primaryKeyValue(t)
                                        : Models.get(t, destKey.name());
                                for (Object s : sourcesOf.getOrDefault(key, List.of())) {
                                    groups.computeIfAbsent(s, k -> new ArrayList<>()).add(t);
                                }
                            }
                            return null;
                        });
            }));
        }
        return chain.thenApply(none -> {
            List<T> out = new ArrayList<>(models.size());
            for (T model : models) {
                Object id = compositeSource ? io.oxyde.internal.model.ModelMetas.primaryKeyValue(model)
                        : Models.get(model, sourceKey);
                out.add(Models.with(model, m.name(), List.copyOf(groups.getOrDefault(id, List.of()))));
            }
            return out;
        });
    }

    private static <T> CompletableFuture<List<T>> forward(Target target, List<T> models, FieldMeta fk, List<String> rest,
                                                          Map<String, Custom> deeper) {
        ModelMeta<?> targetMeta = ModelMeta.of(fk.foreignKey().target());
        FieldMeta referenced = targetMeta.field(fk.foreignKey().targetField()).orElseThrow(); // key, or toField
        Set<Object> ids = new LinkedHashSet<>();
        for (T m : models) {
            Object ref = Models.get(m, fk.name());
            if (ref != null) {
                ids.add(idOf(ref, fk));
            }
        }
        return select(target, targetMeta, referenced, ids, null)
                .thenCompose(found -> load(target, targetMeta, found, rest, deeper))
                .thenApply(found -> {
                    Map<Object, Object> byId = new LinkedHashMap<>();
                    for (Object t : found) {
                        byId.put(fk.foreignKey().composite() ? io.oxyde.internal.model.ModelMetas.primaryKeyValue(t)
                                : Models.get(t, referenced.name()), t);
                    }
                    List<T> out = new ArrayList<>(models.size());
                    for (T m : models) {
                        Object ref = Models.get(m, fk.name());
                        Object loaded = ref == null ? null : byId.get(idOf(ref, fk));
                        out.add(loaded == null ? m : Models.with(m, fk.name(), RowLoader.wrap(fk, loaded)));
                    }
                    return out;
                });
    }

    /** Rows of {@code meta} whose {@code field} is in {@code ids}, by key order, in chunks. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static CompletableFuture<List<Object>> select(Target target, ModelMeta<?> meta, FieldMeta field,
                                                          Set<Object> ids, Custom q) {
        List<Object> all = new ArrayList<>(ids);
        CompletableFuture<List<Object>> chain = OxydeFuture.of(new ArrayList<>());
        List<ValueKind> kinds = meta.fields().stream().map(f -> f.kind() == ValueKind.ARRAY ? null : f.kind()).toList();
        for (int from = 0; from < all.size(); from += CHUNK) {
            FilterNode in = in(meta, field, all.subList(from, Math.min(all.size(), from + CHUNK)));
            SelectIr ir;
            if (q == null) {
                SelectIr.Builder b = SelectIr.from(meta.tableName()).model(meta.modelClass().getSimpleName());
                meta.fields().forEach(f -> b.column(ColumnRef.of(f.column())));
                ir = b.filter(in).orderBy(OrderBy.asc(meta.primaryKey().column())).build();
            } else {
                // the query's own filter, joins and order, then the key (chunks stay in one order)
                SelectIr.Builder b = q.select().toBuilder();
                b.filter(q.select().filter() == null ? in : new FilterNode.And(List.of(q.select().filter(), in)));
                b.orderBy(OrderBy.asc(meta.primaryKey().column()));
                ir = b.build();
            }
            List<ValueKind> readKinds = q == null ? kinds : q.kinds();
            chain = chain.thenCompose(acc -> {
                RowLoader<?> loader = q == null ? RowLoader.of(meta.modelClass(), kinds, false, Map.of(), Set.of())
                        : RowLoader.of(meta.modelClass(), readKinds, q.partial(), q.joins(), q.eager());
                return target.read(ir, loader).thenApply(frame -> {
                    acc.addAll(loader.models());
                    return acc;
                });
            });
        }
        return chain;
    }

    /**
     * Rows whose {@code field} is one of {@code ids}: {@code field IN (…)}, or, when {@code field}
     * is part of {@code meta}'s composite key or of a foreign key to a composite key and the ids
     * are whole keys (lists of key values), {@code (a = ? AND b = ?) OR …}.
     */
    private static FilterNode in(ModelMeta<?> meta, FieldMeta field, List<Object> ids) {
        boolean compositeKey = field.primaryKey() && meta.hasCompositeKey();
        if (compositeKey || io.oxyde.internal.model.CompositeForeignKeys.isPart(field)) {
            List<FieldMeta> keys = compositeKey ? meta.primaryKeys()
                    : io.oxyde.internal.model.CompositeForeignKeys.columnsOf(meta, field);
            List<FilterNode> any = new ArrayList<>(ids.size());
            for (Object id : ids) {
                List<?> key = (List<?>) id;
                List<FilterNode> all = new ArrayList<>(keys.size());
                for (int i = 0; i < keys.size(); i++) {
                    all.add(new FilterNode.Condition(ColumnRef.of(keys.get(i).column()), Lookup.EQ,
                            Lookups.scalar(meta.modelClass(), keys.get(i), key.get(i), "in")));
                }
                any.add(new FilterNode.And(all));
            }
            return new FilterNode.Or(any);
        }
        List<Value> values = new ArrayList<>(ids.size());
        for (Object id : ids) {
            values.add(Lookups.scalar(meta.modelClass(), field, id, "in"));
        }
        return new FilterNode.Condition(ColumnRef.of(field.column()), Lookup.IN, new Value.Array(values));
    }

    /** The composite keys of {@code models}, each the list of its values. */
    private static Set<Object> compositeKeys(List<?> models) {
        Set<Object> ids = new LinkedHashSet<>();
        for (Object m : models) {
            Object id = io.oxyde.internal.model.ModelMetas.primaryKeyValue(m);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static Set<Object> keys(List<?> models, String pk) {
        Set<Object> ids = new LinkedHashSet<>();
        for (Object m : models) {
            Object id = Models.get(m, pk);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * The value a FK field value stands for, the referenced field's (the key, or the FK's
     * {@code toField}): a Ref's id, or that field of a stub or loaded model.
     */
    static Object idOf(Object refOrModel, FieldMeta fk) {
        if (refOrModel == null) {
            return null;
        }
        String field = fk.foreignKey().targetField();
        if (fk.foreignKey().composite()) { // the list of key values
            return refOrModel instanceof Ref<?> r ? r.id() : io.oxyde.internal.model.ModelMetas.primaryKeyValue(refOrModel);
        }
        if (refOrModel instanceof Ref<?> r) {
            return r.isLoaded() ? Models.get(r.get(), field) : r.id();
        }
        return Models.get(refOrModel, field);
    }
}
