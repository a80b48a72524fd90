package io.oxyde.internal.ir;

import io.oxyde.exception.FieldException;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ManyToManyMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.meta.ReverseRelationMeta;
import io.oxyde.codec.Lookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves Django-style paths ({@code "album__artist__name__icontains"}) against a model:
 * foreign keys, reverse foreign keys and many-to-many relations become joins, the last part
 * may be a lookup. Every mistake is a
 * {@link FieldException} naming the model, the part and the valid choices.
 */
public final class Paths {

    private Paths() {
    }

    /** Resolved paths kept per model: most code names the same few paths over and over. */
    private static final ConcurrentHashMap<ModelMeta<?>, Cache> CACHES = new ConcurrentHashMap<>();
    /** Paths kept per model and kind; beyond this (paths built from user input?) they are resolved each time. */
    private static final int MAX_CACHED_PER_MODEL = 1024;

    /** The resolutions of one model, with and without a trailing lookup allowed. */
    private static final class Cache {
        final ConcurrentHashMap<String, Resolved> withLookup = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, Resolved> plain = new ConcurrentHashMap<>();
    }

    /**
     * Resolves a path that may end in a lookup (default {@code exact}). Resolutions are
     * immutable and cached per model; failures are not cached (each call throws afresh).
     */
    public static Resolved resolve(ModelMeta<?> root, String path, boolean allowLookup) {
        if (path == null) {
            return compute(root, null, allowLookup);
        }
        Cache cache = CACHES.get(root);
        if (cache == null) {
            cache = CACHES.computeIfAbsent(root, k -> new Cache());
        }
        ConcurrentHashMap<String, Resolved> byPath = allowLookup ? cache.withLookup : cache.plain;
        Resolved r = byPath.get(path);
        if (r == null) {
            r = compute(root, path, allowLookup);
            if (byPath.size() < MAX_CACHED_PER_MODEL) {
                byPath.putIfAbsent(path, r);
            }
        }
        return r;
    }

    private static Resolved compute(ModelMeta<?> root, String path, boolean allowLookup) {
        String[] parts = PathSyntax.split(root.modelClass(), path, pathNames(root));
        ModelMeta<?> current = root;
        String alias = null;
        List<JoinStep> joins = new ArrayList<>();
        List<JoinStep> toMany = null;
        ModelMeta<?> toManyOwner = null;
        FieldMeta viaForeignKey = null;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            Optional<FieldMeta> found = current.field(part);
            if (found.isEmpty() && !last) {
                List<JoinStep> hops = relationHops(current, part, alias);
                if (!hops.isEmpty()) {
                    toManyOwner = current;
                    joins.addAll(hops);
                    JoinStep end = hops.get(hops.size() - 1);
                    alias = end.alias();
                    current = end.target();
                    toMany = hops;
                    viaForeignKey = null;
                    continue;
                }
            }
            if (found.isEmpty() && last && allowLookup && toMany != null && Lookups.names().contains(part)) {
                return relationIsNull(path, part, joins, toMany, toManyOwner, parts[i - 1]);
            }
            if (found.isEmpty() && last && !relationHops(current, part, alias).isEmpty()) {
                throw new FieldException(current.modelClass(), part, "the path \"" + path + "\" ends on the to-many relation \""
                        + part + "\"; name one of its fields or add __isnull", List.of(part + "__isnull"));
            }
            if (found.isEmpty()) {
                List<String> choices = pathNames(current);
                if (last && allowLookup && (toMany != null || viaForeignKey != null)) {
                    choices = new ArrayList<>(choices);
                    choices.addAll(toMany != null ? List.of("isnull") : Lookups.allowed(viaForeignKey));
                }
                throw new FieldException(current.modelClass(), part, "unknown field"
                        + (parts.length > 1 ? " in path \"" + path + "\"" : ""), choices);
            }
            FieldMeta field = found.get();
            boolean more = i < parts.length - 1;
            if (field.isForeignKey() && more && !isLookupHere(parts, i + 1, allowLookup, field)) {
                ModelMeta<?> target = ModelMeta.of(field.foreignKey().target());
                String next = alias == null ? part : alias + "__" + part;
                joins.add(new JoinStep(next, alias, field, target));
                alias = next;
                current = target;
                toMany = null;
                viaForeignKey = field;
                continue;
            }
            Lookup lookup = null;
            if (more) {
                if (!allowLookup || i + 2 != parts.length) {
                    throw new FieldException(current.modelClass(), parts[i + 1], "\"" + part + "\" is not a foreign key"
                            + " (path \"" + path + "\"), so nothing can follow it"
                            + (allowLookup ? " but one lookup" : ""),
                            allowLookup ? Lookups.allowed(field) : List.of());
                }
                lookup = Lookups.parse(current.modelClass(), field, parts[i + 1]);
            }
            return new Resolved(path, alias, field, current, lookup, joins);
        }
        throw new FieldException(current.modelClass(), path, "the path ends on a relation; name a field or a lookup",
                fieldNames(current));
    }

    /**
     * {@code relation__isnull} on a reverse foreign key or a many-to-many: the test is on the
     * column of the joined row that references the parent (the join model's, for a
     * many-to-many, without joining the target), which is NULL exactly when no row is joined.
     */
    private static Resolved relationIsNull(String path, String lookupName, List<JoinStep> joins, List<JoinStep> hops,
                                           ModelMeta<?> parent, String relation) {
        JoinStep first = hops.get(0);
        if (!"isnull".equals(lookupName)) {
            throw new FieldException(parent.modelClass(), relation, "lookup \"" + lookupName + "\" does not apply to the"
                    + " to-many relation \"" + relation + "\" (path \"" + path + "\"); a relation takes isnull, or name"
                    + " one of its fields", List.of("isnull"));
        }
        List<JoinStep> kept = joins.subList(0, joins.size() - hops.size() + 1);
        ModelMeta<?> owner = first.target();
        FieldMeta back = owner.fields().stream().filter(f -> f.column().equals(first.rightColumn())).findFirst()
                .orElseThrow(() -> new IllegalStateException(owner.modelClass().getSimpleName() + " has no column "
                        + first.rightColumn()));
        return new Resolved(path, first.alias(), back, owner, Lookup.ISNULL, kept, true);
    }

    /**
     * The joins for a to-many relation: a reverse FK ({@code albums}) or a many-to-many
     * ({@code tracks}, through the join model). Such joins repeat parent rows; use distinct().
     */
    private static List<JoinStep> relationHops(ModelMeta<?> meta, String name, String alias) {
        String next = alias == null ? name : alias + "__" + name;
        // each hop joins on the column the foreign key references: the key, or its toField
        for (ReverseRelationMeta r : meta.reverseRelations()) {
            if (r.name().equals(name)) {
                ModelMeta<?> child = ModelMeta.of(r.target());
                FieldMeta back = child.field(r.mappedBy()).orElseThrow();
                return List.of(new JoinStep(next, alias, null, child, back.foreignKey().targetColumn(), r.column(), back));
            }
        }
        for (ManyToManyMeta m : meta.manyToMany()) {
            if (m.name().equals(name)) {
                ModelMeta<?> target = ModelMeta.of(m.target());
                ModelMeta<?> throughMeta = ModelMeta.of(m.through());
                String through = next + "__through";
                FieldMeta source = throughMeta.field(m.sourceField()).orElseThrow();
                FieldMeta dest = throughMeta.field(m.targetField()).orElseThrow();
                // back from the parent to the join rows, then forward along the join model's foreign key
                return List.of(new JoinStep(through, alias, null, throughMeta, source.foreignKey().targetColumn(),
                                m.sourceColumn(), source),
                        new JoinStep(next, through, dest, target, m.targetColumn(), dest.foreignKey().targetColumn()));
            }
        }
        return List.of();
    }

    private static boolean isLookupHere(String[] parts, int index, boolean allowLookup, FieldMeta fk) {
        if (!allowLookup || index != parts.length - 1) {
            return false;
        }
        ModelMeta<?> target = ModelMeta.of(fk.foreignKey().target());
        return target.field(parts[index]).isEmpty() && Lookups.names().contains(parts[index]);
    }

    /** The column field names of a model, for error messages. */
    public static List<String> fieldNames(ModelMeta<?> meta) {
        return meta.fields().stream().map(FieldMeta::name).distinct().toList();
    }

    /** The column fields and to-many relations of a model: what a path may name. */
    public static List<String> pathNames(ModelMeta<?> meta) {
        List<String> names = new ArrayList<>(fieldNames(meta));
        meta.reverseRelations().forEach(r -> names.add(r.name()));
        meta.manyToMany().forEach(m -> names.add(m.name()));
        return names;
    }
}
