package io.oxyde.internal.model;

import io.oxyde.meta.CheckMeta;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.IndexMeta;
import io.oxyde.meta.ManyToManyMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.meta.ReverseRelationMeta;
import io.oxyde.meta.UniqueMeta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved metadata of a model: its {@link ModelShape} plus the public views of columns,
 * relations and constraints, with relations checked against their targets.
 */
public final class ModelMetaImpl<T> implements ModelMeta<T> {

    private final ModelShape shape;
    private final String schema;
    private final String comment;
    private final String renamedFrom;
    private final List<FieldMeta> fields;
    private final List<ShapeField> storedFields;
    private final FieldMeta primaryKey;
    private final List<FieldMeta> primaryKeys;
    private final List<FieldMeta> foreignKeys;
    private final List<ReverseRelationMeta> reverseRelations;
    private final List<ManyToManyMeta> manyToMany;
    private final List<IndexMeta> indexes;
    private final List<UniqueMeta> uniqueTogether;
    private final List<CheckMeta> checks;
    private final FieldMeta version;
    private final FieldMeta createdAt;
    private final FieldMeta updatedAt;
    private final Map<String, FieldMeta> byName = new HashMap<>();
    private final Map<String, FieldMeta> byColumn = new HashMap<>();

    ModelMetaImpl(ModelShape shape, String schema, String comment, String renamedFrom, List<FieldMeta> fields,
            List<ShapeField> storedFields, List<ReverseRelationMeta> reverseRelations, List<ManyToManyMeta> manyToMany,
            List<IndexMeta> indexes, List<UniqueMeta> uniqueTogether, List<CheckMeta> checks, FieldMeta version,
            FieldMeta createdAt, FieldMeta updatedAt) {
        this.shape = shape;
        this.schema = schema;
        this.comment = comment;
        this.renamedFrom = renamedFrom;
        this.fields = List.copyOf(fields);
        this.storedFields = List.copyOf(storedFields);
        this.reverseRelations = List.copyOf(reverseRelations);
        this.manyToMany = List.copyOf(manyToMany);
        this.indexes = List.copyOf(indexes);
        this.uniqueTogether = List.copyOf(uniqueTogether);
        this.checks = List.copyOf(checks);
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        List<FieldMeta> keys = new java.util.ArrayList<>();
        for (FieldMeta f : fields) {
            byName.putIfAbsent(f.name(), f); // a multi-column foreign key: its first column
            byColumn.put(f.column(), f);
            if (f.primaryKey()) {
                keys.add(f);
            }
        }
        this.primaryKeys = List.copyOf(keys);
        this.primaryKey = keys.get(0);
        this.foreignKeys = fields.stream().filter(FieldMeta::isForeignKey).toList();
    }

    /** The underlying shape (handles, codecs). */
    public ModelShape shape() {
        return shape;
    }

    /** The shape fields of {@link #fields()}, index for index. */
    public List<ShapeField> storedFields() {
        return storedFields;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<T> modelClass() {
        return (Class<T>) shape.type();
    }

    @Override
    public boolean isRecord() {
        return shape.record();
    }

    @Override
    public String tableName() {
        return shape.tableName();
    }

    @Override
    public Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    @Override
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    @Override
    public Optional<String> renamedFrom() {
        return Optional.ofNullable(renamedFrom);
    }

    @Override
    public List<FieldMeta> fields() {
        return fields;
    }

    @Override
    public Optional<FieldMeta> field(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public Optional<FieldMeta> fieldByColumn(String column) {
        return Optional.ofNullable(byColumn.get(column));
    }

    @Override
    public FieldMeta primaryKey() {
        return primaryKey;
    }

    @Override
    public Optional<FieldMeta> version() {
        return Optional.ofNullable(version);
    }

    @Override
    public Optional<FieldMeta> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    @Override
    public Optional<FieldMeta> updatedAt() {
        return Optional.ofNullable(updatedAt);
    }

    @Override
    public List<FieldMeta> primaryKeys() {
        return primaryKeys;
    }

    @Override
    public List<FieldMeta> foreignKeys() {
        return foreignKeys;
    }

    @Override
    public List<ReverseRelationMeta> reverseRelations() {
        return reverseRelations;
    }

    @Override
    public List<ManyToManyMeta> manyToMany() {
        return manyToMany;
    }

    @Override
    public List<IndexMeta> indexes() {
        return indexes;
    }

    @Override
    public List<UniqueMeta> uniqueTogether() {
        return uniqueTogether;
    }

    @Override
    public List<CheckMeta> checks() {
        return checks;
    }

    @Override
    public String toString() {
        return "ModelMeta[" + shape.type().getSimpleName() + " -> " + tableName() + " "
                + fields.stream().map(FieldMeta::column).toList() + "]";
    }
}
