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
        if (paths.isEmpty() || models.isEmpty()) {
            return CompletableFuture.completedFuture(models);
        }
        Map<String, List<String>> byFirst = new LinkedHashMap<>();
        for (String p : paths) {
            String[] parts = p.split("__", 2);
            List<String> rest = byFirst.computeIfAbsent(parts[0], k -> new ArrayList<>());
            if (parts.length > 1) {
                rest.add(parts[1]);
            }
        }
        CompletableFuture<List<T>> chain = OxydeFuture.of(models);
        for (Map.Entry<String, List<String>> e : byFirst.entrySet()) {
            chain = chain.thenCompose(current -> one(target, meta, current, e.getKey(), e.getValue()));
        }
        return chain;
    }

    private static <T> CompletableFuture<List<T>> one(Target target, ModelMeta<?> meta, List<T> models, String name,
                                                      List<String> rest) {
        for (ReverseRelationMeta r : meta.reverseRelations()) {
            if (r.name().equals(name)) {
                return reverse(target, meta, models, r, rest);
            }
        }
        for (ManyToManyMeta m : meta.manyToMany()) {
            if (m.name().equals(name)) {
                return manyToMany(target, meta, models, m, rest);
            }
        }
        FieldMeta fk = meta.field(name).orElseThrow();
        return forward(target, models, fk, rest);
    }

    private static <T> CompletableFuture<List<T>> reverse(Target target, ModelMeta<?> meta, List<T> models,
                                                          ReverseRelationMeta r, List<String> rest) {
        ModelMeta<?> child = ModelMeta.of(r.target());
        FieldMeta fk = child.field(r.mappedBy()).orElseThrow();
        String referenced = fk.foreignKey().targetField(); // the parent's key, or the FK's toField
        Set<Object> ids = keys(models, referenced);
        return select(target, child, fk, ids).thenCompose(children -> load(target, child, children, rest))
                .thenApply(children -> {
                    Map<Object, List<Object>> groups = new LinkedHashMap<>();
                    for (Object c : children) {
                        groups.computeIfAbsent(idOf(Models.get(c, fk.name()), fk), k -> new ArrayList<>()).add(c);
                    }
                    List<T> out = new ArrayList<>(models.size());
                    for (T m : models) {
                        Object id = Models.get(m, referenced);
                        out.add(Models.with(m, r.name(), List.copyOf(groups.getOrDefault(id, List.of()))));
                    }
                    return out;
                });
    }

    private static <T> CompletableFuture<List<T>> manyToMany(Target target, ModelMeta<?> meta, List<T> models,
                                                             ManyToManyMeta m, List<String> rest) {
        ModelMeta<?> through = ModelMeta.of(m.through());
        ModelMeta<?> targetMeta = ModelMeta.of(m.target());
        FieldMeta source = through.field(m.sourceField()).orElseThrow();
        FieldMeta dest = through.field(m.targetField()).orElseThrow();
        String sourceKey = source.foreignKey().targetField();
        FieldMeta destKey = targetMeta.field(dest.foreignKey().targetField()).orElseThrow();
        Set<Object> ids = keys(models, sourceKey);
        return select(target, through, source, ids).thenCompose(links -> {
            Set<Object> targetIds = new LinkedHashSet<>();
            for (Object link : links) {
                targetIds.add(idOf(Models.get(link, dest.name()), dest));
            }
            return select(target, targetMeta, destKey, targetIds)
                    .thenCompose(found -> load(target, targetMeta, found, rest))
                    .thenApply(found -> {
                        Map<Object, Object> byId = new LinkedHashMap<>();
                        for (Object t : found) {
                            byId.put(Models.get(t, destKey.name()), t);
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
                            Object id = Models.get(model, sourceKey);
                            out.add(Models.with(model, m.name(), List.copyOf(groups.getOrDefault(id, List.of()))));
                        }
                        return out;
                    });
        });
    }

    private static <T> CompletableFuture<List<T>> forward(Target target, List<T> models, FieldMeta fk, List<String> rest) {
        ModelMeta<?> targetMeta = ModelMeta.of(fk.foreignKey().target());
        FieldMeta referenced = targetMeta.field(fk.foreignKey().targetField()).orElseThrow(); // key, or toField
        Set<Object> ids = new LinkedHashSet<>();
        for (T m : models) {
            Object ref = Models.get(m, fk.name());
            if (ref != null) {
                ids.add(idOf(ref, fk));
            }
        }
        return select(target, targetMeta, referenced, ids)
                .thenCompose(found -> load(target, targetMeta, found, rest))
                .thenApply(found -> {
                    Map<Object, Object> byId = new LinkedHashMap<>();
                    for (Object t : found) {
                        byId.put(Models.get(t, referenced.name()), t);
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
                                                          Set<Object> ids) {
        List<Object> all = new ArrayList<>(ids);
        CompletableFuture<List<Object>> chain = OxydeFuture.of(new ArrayList<>());
        List<ValueKind> kinds = meta.fields().stream().map(f -> f.kind() == ValueKind.ARRAY ? null : f.kind()).toList();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Value> values = new ArrayList<>();
            for (Object id : all.subList(from, Math.min(all.size(), from + CHUNK))) {
                values.add(Lookups.scalar(meta.modelClass(), field, id, "in"));
            }
            SelectIr.Builder b = SelectIr.from(meta.tableName()).model(meta.modelClass().getSimpleName());
            meta.fields().forEach(f -> b.column(ColumnRef.of(f.column())));
            SelectIr ir = b.filter(new FilterNode.Condition(ColumnRef.of(field.column()), Lookup.IN, new Value.Array(values)))
                    .orderBy(OrderBy.asc(meta.primaryKey().column())).build();
            chain = chain.thenCompose(acc -> {
                RowLoader<?> loader = RowLoader.of(meta.modelClass(), kinds, false, Map.of(), Set.of());
                return target.read(ir, loader).thenApply(frame -> {
                    acc.addAll(loader.models());
                    return acc;
                });
            });
        }
        return chain;
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
        if (refOrModel instanceof Ref<?> r) {
            return r.isLoaded() ? Models.get(r.get(), field) : r.id();
        }
        return Models.get(refOrModel, field);
    }
}
