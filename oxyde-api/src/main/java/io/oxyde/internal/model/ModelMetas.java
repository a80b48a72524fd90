package io.oxyde.internal.model;

import io.oxyde.annotation.Check;
import io.oxyde.meta.CheckMeta;
import io.oxyde.annotation.Column;
import io.oxyde.meta.FieldMeta;
import io.oxyde.annotation.ForeignKey;
import io.oxyde.meta.ForeignKeyMeta;
import io.oxyde.annotation.Id;
import io.oxyde.annotation.Index;
import io.oxyde.meta.IndexMeta;
import io.oxyde.migrate.IndexMethod;
import io.oxyde.annotation.ManyToMany;
import io.oxyde.meta.ManyToManyMeta;
import io.oxyde.exception.ModelDefinitionException;
import io.oxyde.annotation.Nullability;
import io.oxyde.annotation.OneToMany;
import io.oxyde.migrate.ReferentialAction;
import io.oxyde.annotation.RenamedFrom;
import io.oxyde.meta.ReverseRelationMeta;
import io.oxyde.annotation.Table;
import io.oxyde.annotation.CreatedAt;
import io.oxyde.annotation.Unique;
import io.oxyde.annotation.UpdatedAt;
import io.oxyde.annotation.Version;
import io.oxyde.meta.UniqueMeta;
import io.oxyde.codec.ValueKind;
import io.oxyde.codec.internal.Identifiers;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and caches {@link ModelMetaImpl}s: the class's own {@link ModelShape} resolved against the
 * shapes of the models it relates to. Only shapes of other classes are consulted, never their
 * full metadata, so cycles (Album → Artist → albums, Employee → Employee) need no special case.
 */
public final class ModelMetas {

    private static final ClassValue<ModelMetaImpl<?>> CACHE = new ClassValue<>() {
        @Override
        protected ModelMetaImpl<?> computeValue(Class<?> type) {
            return resolve(type);
        }
    };

    private ModelMetas() {
    }

    /** The metadata of a model class, read once and cached. */
    @SuppressWarnings("unchecked")
    public static <T> ModelMetaImpl<T> of(Class<T> type) {
        return (ModelMetaImpl<T>) CACHE.get(type);
    }

    /**
     * The primary key value of a model instance; for a composite key the list of its values in
     * key order, or {@code null} when a part is {@code null}.
     */
    public static Object primaryKeyValue(Object model) {
        ModelShape shape = ModelShape.of(model.getClass());
        if (!shape.compositeKey()) {
            return shape.primaryKeyValue(model);
        }
        List<Object> key = new ArrayList<>(shape.keyFields().size());
        for (ShapeField f : shape.keyFields()) {
            Object part;
            try {
                part = (Object) f.getter().invokeExact(model);
            } catch (Throwable t) {
                throw Handles.rethrow(t);
            }
            if (part == null) {
                return null;
            }
            key.add(part);
        }
        return List.copyOf(key);
    }

    private static ModelMetaImpl<?> resolve(Class<?> type) {
        ModelShape shape = ModelShape.of(type);
        String table = shape.tableName();
        List<FieldMeta> fields = new ArrayList<>();
        List<ShapeField> stored = new ArrayList<>();
        List<IndexMeta> indexes = new ArrayList<>();
        List<ReverseRelationMeta> reverse = new ArrayList<>();
        List<ManyToManyMeta> m2m = new ArrayList<>();
        for (ShapeField f : shape.fields()) {
            switch (f.role()) {
                case COLUMN -> {
                    fields.add(column(shape, f));
                    stored.add(f);
                }
                case FOREIGN_KEY -> {
                    // a foreign key to a composite key has one column per key column: one FieldMeta each
                    for (FieldMeta part : foreignKey(shape, f)) {
                        fields.add(part);
                        stored.add(f);
                    }
                }
                case REVERSE -> reverse.add(reverse(type, f));
                case MANY_TO_MANY -> m2m.add(manyToMany(type, f));
                default -> {
                }
            }
        }
        for (FieldMeta f : fields) {
            if (f.indexed() && !f.unique()) {
                indexes.add(new IndexMeta("ix_" + table + "_" + f.column(), List.of(f.column()), false, IndexMethod.BTREE, null));
            } else if (CompositeForeignKeys.isFirstPart(f)) {
                // one index over the whole key, in key order (as the constraint needs on MariaDB)
                indexes.add(new IndexMeta("ix_" + table + "_" + String.join("_", f.foreignKey().columns()),
                        f.foreignKey().columns(), false, IndexMethod.BTREE, null));
            }
        }
        Table annotation = type.getAnnotation(Table.class);
        List<UniqueMeta> uniques = new ArrayList<>();
        List<CheckMeta> checks = new ArrayList<>();
        String schema = null;
        String comment = null;
        if (annotation != null) {
            schema = blankToNull(annotation.schema());
            comment = blankToNull(annotation.comment());
            for (Index index : annotation.indexes()) {
                List<String> columns = columns(type, fields, index.columns(), "@Index");
                String name = index.name().isEmpty() ? "ix_" + table + "_" + String.join("_", columns) : index.name();
                indexes.add(new IndexMeta(name, columns, index.unique(), index.method(), blankToNull(index.where())));
            }
            for (Unique unique : annotation.uniqueTogether()) {
                List<String> columns = columns(type, fields, unique.value(), "@Unique");
                String name = unique.name().isEmpty() ? "uq_" + table + "_" + String.join("_", columns) : unique.name();
                uniques.add(new UniqueMeta(name, columns));
            }
            Check[] declared = annotation.checks();
            for (int i = 0; i < declared.length; i++) {
                if (declared[i].expression().isBlank()) {
                    throw new ModelDefinitionException(type.getSimpleName() + ": @Check #" + (i + 1) + " has an empty expression");
                }
                String name = declared[i].name().isEmpty() ? "ck_" + table + "_" + (i + 1) : declared[i].name();
                checks.add(new CheckMeta(name, declared[i].expression()));
            }
        }
        checkDuplicates(type, fields);
        FieldMeta version = version(stored, fields);
        FieldMeta createdAt = timestamp(stored, fields, CreatedAt.class, UpdatedAt.class);
        FieldMeta updatedAt = timestamp(stored, fields, UpdatedAt.class, CreatedAt.class);
        RenamedFrom renamed = type.getAnnotation(RenamedFrom.class);
        checkSqlNames(type, table, schema, renamed, fields, indexes, uniques, checks);
        return new ModelMetaImpl<>(shape, schema, comment, renamed == null ? null : renamed.value(), fields, stored,
                reverse, m2m, indexes, uniques, checks, version, createdAt,
                updatedAt);
    }

    /**
     * The {@code @CreatedAt} or {@code @UpdatedAt} field: at most one each, an {@code Instant},
     * {@code OffsetDateTime} or {@code LocalDateTime} column that is not the key.
     */
    private static FieldMeta timestamp(List<ShapeField> stored, List<FieldMeta> fields,
                                       Class<? extends java.lang.annotation.Annotation> annotation,
                                       Class<? extends java.lang.annotation.Annotation> other) {
        String name = "@" + annotation.getSimpleName();
        FieldMeta found = null;
        for (int i = 0; i < stored.size(); i++) {
            ShapeField f = stored.get(i);
            if (!f.field().isAnnotationPresent(annotation)) {
                continue;
            }
            FieldMeta meta = fields.get(i);
            if (found != null) {
                throw new ModelDefinitionException(f.qualifiedName() + ": a model has at most one " + name + " field ("
                        + found.name() + " is one already)");
            }
            if (f.field().isAnnotationPresent(other) || f.field().isAnnotationPresent(Version.class)) {
                throw new ModelDefinitionException(f.qualifiedName() + ": " + name + " cannot be combined with @"
                        + (f.field().isAnnotationPresent(other) ? other.getSimpleName() : "Version"));
            }
            Class<?> t = f.type();
            if (meta.primaryKey() || meta.isForeignKey()
                    || !(t == java.time.Instant.class || t == java.time.OffsetDateTime.class
                    || t == java.time.LocalDateTime.class)) {
                throw new ModelDefinitionException(f.qualifiedName() + ": " + name + " needs an Instant, OffsetDateTime or"
                        + " LocalDateTime field that is not the key" + (meta.isForeignKey() ? " or a foreign key" : "")
                        + ", not " + (meta.primaryKey() ? "the primary key" : t.getSimpleName()));
            }
            found = meta;
        }
        return found;
    }

    /** The {@code @Version} field: at most one, an integer column that is neither the key nor a foreign key. */
    private static FieldMeta version(List<ShapeField> stored, List<FieldMeta> fields) {
        FieldMeta found = null;
        for (int i = 0; i < stored.size(); i++) {
            ShapeField f = stored.get(i);
            if (!f.field().isAnnotationPresent(Version.class)) {
                continue;
            }
            FieldMeta meta = fields.get(i);
            if (found != null) {
                throw new ModelDefinitionException(f.qualifiedName() + ": a model has at most one @Version field ("
                        + found.name() + " is one already)");
            }
            if (meta.primaryKey() || meta.isForeignKey()) {
                throw new ModelDefinitionException(f.qualifiedName() + ": @Version cannot be on the "
                        + (meta.primaryKey() ? "primary key" : "foreign key " + meta.name()));
            }
            Class<?> t = f.type();
            if (!(t == long.class || t == Long.class || t == int.class || t == Integer.class || t == short.class
                    || t == Short.class)) {
                throw new ModelDefinitionException(f.qualifiedName() + ": @Version needs an integer field (long, int or"
                        + " short, boxed or not), not " + t.getSimpleName());
            }
            found = meta;
        }
        return found;
    }

    /**
     * Every name the model puts into SQL follows the protocol's identifier rule (see
     * {@link Identifiers}), so a bad {@code @Table} / {@code @Column} name is reported once, by
     * model and field, rather than by each statement that would carry it.
     */
    private static void checkSqlNames(Class<?> type, String table, String schema, RenamedFrom renamed,
                                      List<FieldMeta> fields, List<IndexMeta> indexes, List<UniqueMeta> uniques,
                                      List<CheckMeta> checks) {
        checkSqlName(type.getSimpleName() + ": table name", table);
        if (schema != null) {
            checkSqlName(type.getSimpleName() + ": schema", schema);
        }
        if (renamed != null) {
            checkSqlName(type.getSimpleName() + ": @RenamedFrom", renamed.value());
        }
        for (FieldMeta f : fields) {
            checkSqlName(type.getSimpleName() + "." + f.name() + ": column name", f.column());
            if (f.renamedFrom() != null) {
                checkSqlName(type.getSimpleName() + "." + f.name() + ": @RenamedFrom", f.renamedFrom());
            }
        }
        indexes.forEach(i -> checkSqlName(type.getSimpleName() + ": index name", i.name()));
        uniques.forEach(u -> checkSqlName(type.getSimpleName() + ": unique constraint name", u.name()));
        checks.forEach(c -> checkSqlName(type.getSimpleName() + ": check constraint name", c.name()));
    }

    private static void checkSqlName(String where, String name) {
        String problem = Identifiers.problem(name);
        if (problem != null) {
            throw new ModelDefinitionException(where + ": " + problem);
        }
    }

    private static FieldMeta column(ModelShape shape, ShapeField f) {
        Field field = f.field();
        Column column = field.getAnnotation(Column.class);
        boolean pk = shape.keyFields().contains(f);
        boolean nullable = nullable(field, column, pk);
        ValueKind kind = f.scalar().kind();
        int length = 0;
        if (kind == ValueKind.TEXT && !f.type().isEnum() && !f.scalar().json()) {
            Size size = field.getAnnotation(Size.class);
            if (column != null && column.length() > 0) {
                length = column.length();
            } else if (size != null && size.max() < Integer.MAX_VALUE) {
                length = size.max();
            } else {
                length = 255;
            }
        } else if (kind == ValueKind.TEXT && f.type().isEnum()) {
            length = column != null && column.length() > 0 ? column.length() : 255;
        }
        int precision = 0;
        int scale = -1;
        if (kind == ValueKind.DECIMAL) {
            Digits digits = field.getAnnotation(Digits.class);
            if (column != null && column.precision() > 0) {
                precision = column.precision();
                scale = column.scale();
            } else if (digits != null) {
                precision = digits.integer() + digits.fraction();
                scale = digits.fraction();
            }
            if (column != null && column.scale() >= 0) {
                scale = column.scale();
            }
            if (precision > 0 && scale > precision) {
                throw new ModelDefinitionException(f.qualifiedName() + ": scale " + scale + " exceeds precision " + precision);
            }
        }
        return new FieldMeta(f.name(), f.column(), f.type(), f.genericType(), kind, f.scalar().elementKind(), nullable, pk,
                pk ? shape.idStrategy() : null, length, precision, scale, column != null && column.unique(),
                column != null && (column.index() || column.unique()),
                column == null ? null : blankToNull(column.sqlDefault()), column == null ? null : blankToNull(column.type()),
                column == null ? null : blankToNull(column.comment()), renamedFrom(field), f.scalar().json(), null);
    }

    private static List<FieldMeta> foreignKey(ModelShape shape, ShapeField f) {
        Field field = f.field();
        if (field.isAnnotationPresent(Id.class)) {
            throw new ModelDefinitionException(f.qualifiedName() + ": a foreign key cannot be the primary key");
        }
        ModelShape target = targetShape(f, "foreign key");
        ForeignKey fk = field.getAnnotation(ForeignKey.class);
        Column column = field.getAnnotation(Column.class);
        ReferentialAction onDelete = fk == null ? ReferentialAction.RESTRICT : fk.onDelete();
        ReferentialAction onUpdate = fk == null ? ReferentialAction.CASCADE : fk.onUpdate();
        boolean nullable = nullable(field, column, false);
        if (onDelete == ReferentialAction.SET_NULL && !nullable) {
            throw new ModelDefinitionException(f.qualifiedName() + ": onDelete = SET_NULL needs a nullable foreign key");
        }
        if (target.compositeKey() && (fk == null || fk.toField().isEmpty())) {
            return CompositeForeignKeys.parts(f, target, fk, column, nullable, onDelete, onUpdate);
        }
        ShapeField targetPk = referencedField(f, target, fk == null ? "" : fk.toField());
        ForeignKeyMeta meta = new ForeignKeyMeta(target.type(), target.tableName(), targetPk.name(), targetPk.column(),
                onDelete, onUpdate, f.ref(), List.of(f.column()), List.of(targetPk.column()));
        boolean unique = column != null && column.unique();
        // Foreign-key columns are always indexed (as in Django): joins and cascades need it.
        return List.of(new FieldMeta(f.name(), f.column(), f.type(), f.genericType(), targetPk.scalar().kind(), null, nullable, false,
                null, 0, 0, -1, unique, true,
                column == null ? null : blankToNull(column.sqlDefault()), column == null ? null : blankToNull(column.type()),
                column == null ? null : blankToNull(column.comment()), renamedFrom(field), false, meta));
    }

    /**
     * The field a foreign key references: the target's primary key, or {@code toField}, which
     * must be a unique column of the target (the database needs a unique key to reference).
     */
    static ShapeField referencedField(ShapeField f, ModelShape target, String toField) {
        if (toField.isEmpty() || toField.equals(target.primaryKey().name()) && !target.compositeKey()) {
            return target.primaryKey();
        }
        String owner = target.type().getSimpleName();
        ShapeField found = null;
        for (ShapeField candidate : target.fields()) {
            if (candidate.name().equals(toField)) {
                found = candidate;
            }
        }
        if (found == null || found.role() != ShapeField.Role.COLUMN) {
            throw new ModelDefinitionException(f.qualifiedName() + ": @ForeignKey(toField = \"" + toField + "\") is not"
                    + (found == null ? " a field" : " a plain column (a foreign key or a relation cannot be referenced)")
                    + " of " + owner + " (fields: " + target.fields().stream().filter(ShapeField::isStored)
                    .map(ShapeField::name).toList() + ")");
        }
        if (found.scalar().kind() == ValueKind.ARRAY || found.scalar().kind() == ValueKind.JSON) {
            throw new ModelDefinitionException(f.qualifiedName() + ": @ForeignKey(toField = \"" + toField + "\"): "
                    + owner + "." + toField + " is a " + found.scalar().kind() + " column, which cannot be referenced");
        }
        Column column = found.field().getAnnotation(Column.class);
        boolean unique = column != null && column.unique();
        Table table = target.type().getAnnotation(Table.class);
        if (!unique && table != null) {
            for (Unique u : table.uniqueTogether()) {
                if (u.value().length == 1 && (u.value()[0].equals(found.name()) || u.value()[0].equals(found.column()))) {
                    unique = true;
                }
            }
        }
        if (!unique) {
            throw new ModelDefinitionException(f.qualifiedName() + ": @ForeignKey(toField = \"" + toField + "\") needs "
                    + owner + "." + toField + " to be unique: mark it @Column(unique = true) or add"
                    + " @Table(uniqueTogether = @Unique(\"" + toField + "\")) to " + owner
                    + " (a foreign key references a primary or unique key)");
        }
        return found;
    }

    private static ReverseRelationMeta reverse(Class<?> type, ShapeField f) {
        ModelShape target = targetShape(f, "reverse relation");
        OneToMany annotation = f.field().getAnnotation(OneToMany.class);
        String mappedBy = annotation == null ? "" : annotation.mappedBy();
        ShapeField fk = fkTo(target, type, mappedBy, f, "mappedBy");
        return new ReverseRelationMeta(f.name(), target.type(), fk.name(), firstColumn(fk));
    }

    private static ManyToManyMeta manyToMany(Class<?> type, ShapeField f) {
        ModelShape target = targetShape(f, "many-to-many relation");
        ManyToMany annotation = f.field().getAnnotation(ManyToMany.class);
        ModelShape through;
        try {
            through = ModelShape.of(annotation.through());
        } catch (ModelDefinitionException e) {
            throw new ModelDefinitionException(f.qualifiedName() + ": the through model " + annotation.through().getSimpleName()
                    + " is not a valid model: " + e.getMessage(), e);
        }
        if (type == target.type() && (annotation.sourceField().isEmpty() || annotation.targetField().isEmpty())) {
            throw new ModelDefinitionException(f.qualifiedName() + ": a many-to-many relation of a model to itself must name"
                    + " both sourceField and targetField of " + through.type().getSimpleName());
        }
        ShapeField source = fkTo(through, type, annotation.sourceField(), f, "sourceField");
        ShapeField other = fkTo(through, target.type(), annotation.targetField(), f, "targetField");
        return new ManyToManyMeta(f.name(), target.type(), through.type(), through.tableName(), source.name(),
                firstColumn(source), other.name(), firstColumn(other));
    }

    /** The column of foreign key {@code fk}; to a composite key, the first of its columns (the others follow the key). */
    private static String firstColumn(ShapeField fk) {
        ForeignKey annotation = fk.field().getAnnotation(ForeignKey.class);
        ModelShape target = ModelShape.of(fk.target());
        boolean composite = target.compositeKey() && (annotation == null || annotation.toField().isEmpty());
        return composite ? CompositeForeignKeys.columnName(fk, target.keyFields().get(0)) : fk.column();
    }

    /** The FK field of {@code in} pointing to {@code to}: the named one, or the only one. */
    private static ShapeField fkTo(ModelShape in, Class<?> to, String named, ShapeField declaring, String attribute) {
        String owner = in.type().getSimpleName();
        if (!named.isEmpty()) {
            for (ShapeField candidate : in.fields()) {
                if (candidate.name().equals(named)) {
                    if (candidate.role() != ShapeField.Role.FOREIGN_KEY || candidate.target() != to) {
                        throw new ModelDefinitionException(declaring.qualifiedName() + ": " + attribute + " = \"" + named
                                + "\" must be a foreign key of " + owner + " to " + to.getSimpleName());
                    }
                    return candidate;
                }
            }
            throw new ModelDefinitionException(declaring.qualifiedName() + ": " + attribute + " = \"" + named + "\" is not a"
                    + " field of " + owner);
        }
        List<ShapeField> found = new ArrayList<>();
        for (ShapeField candidate : in.fields()) {
            if (candidate.role() == ShapeField.Role.FOREIGN_KEY && candidate.target() == to) {
                found.add(candidate);
            }
        }
        if (found.size() != 1) {
            throw new ModelDefinitionException(declaring.qualifiedName() + ": " + owner + " has "
                    + (found.isEmpty() ? "no foreign key" : found.size() + " foreign keys " + found.stream().map(ShapeField::name).toList())
                    + " to " + to.getSimpleName() + "; " + (found.isEmpty() ? "add one" : "set " + attribute + " to one of them"));
        }
        return found.get(0);
    }

    private static ModelShape targetShape(ShapeField f, String what) {
        try {
            return ModelShape.of(f.target());
        } catch (ModelDefinitionException e) {
            throw new ModelDefinitionException(f.qualifiedName() + ": the " + what + " target " + f.target().getName()
                    + " is not a model (" + e.getMessage() + "). If the field is a value, annotate it with @Json to store"
                    + " it as JSON or @Transient to skip it", e);
        }
    }

    private static boolean nullable(Field field, Column column, boolean pk) {
        Nullability declared = column == null ? Nullability.INFERRED : column.nullable();
        if (declared == Nullability.NULLABLE) {
            if (pk) {
                throw new ModelDefinitionException(field.getDeclaringClass().getSimpleName() + "." + field.getName()
                        + ": a primary key cannot be nullable");
            }
            return true;
        }
        if (declared == Nullability.NOT_NULL) {
            return false;
        }
        return !(pk || field.getType().isPrimitive() || field.isAnnotationPresent(NotNull.class)
                || field.isAnnotationPresent(NotBlank.class) || field.isAnnotationPresent(NotEmpty.class));
    }

    private static String renamedFrom(Field field) {
        RenamedFrom r = field.getAnnotation(RenamedFrom.class);
        return r == null ? null : r.value();
    }

    private static List<String> columns(Class<?> type, List<FieldMeta> fields, String[] names, String what) {
        if (names.length == 0) {
            throw new ModelDefinitionException(type.getSimpleName() + ": " + what + " lists no columns");
        }
        List<String> out = new ArrayList<>();
        for (String name : names) {
            boolean found = false;
            for (FieldMeta f : fields) {
                // a field name stands for all its columns (several for a foreign key to a composite key)
                if (f.name().equals(name) || f.column().equals(name)) {
                    out.add(f.column());
                    found = true;
                    if (f.column().equals(name)) {
                        break;
                    }
                }
            }
            if (!found) {
                throw new ModelDefinitionException(type.getSimpleName() + ": " + what + " names unknown field \"" + name
                        + "\" (fields: " + fields.stream().map(FieldMeta::name).toList() + ")");
            }
        }
        return out;
    }

    private static void checkDuplicates(Class<?> type, List<FieldMeta> fields) {
        for (int i = 0; i < fields.size(); i++) {
            for (int j = i + 1; j < fields.size(); j++) {
                if (fields.get(i).column().equals(fields.get(j).column())) {
                    throw new ModelDefinitionException(type.getSimpleName() + ": fields " + fields.get(i).name() + " and "
                            + fields.get(j).name() + " both map to column \"" + fields.get(i).column() + "\"");
                }
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
