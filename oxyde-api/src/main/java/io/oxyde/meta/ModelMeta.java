package io.oxyde.meta;

import io.oxyde.internal.model.ModelMetas;
import java.util.List;
import java.util.Optional;
import io.oxyde.annotation.Column;
import io.oxyde.annotation.Id;
import io.oxyde.annotation.RenamedFrom;
import io.oxyde.exception.ModelDefinitionException;

/**
 * The read-only description of a model class: its table, columns, keys, relations and
 * constraints. It is read once per class (annotations, conventions, Bean Validation hints) and
 * cached, so asking again is a cheap lookup; every mistake in the model is reported here, by
 * class and field, before any query runs.
 *
 * <p>Conventions: the table is the snake_case class name ({@code InvoiceLine} →
 * {@code invoice_line}), a column the snake_case field name ({@code unitPrice} →
 * {@code unit_price}), a foreign key column {@code <field>_id} (to a composite key, one column
 * {@code <field>_<key column>} per key column, each its own {@link FieldMeta}), and the field named
 * {@code id} is the primary key unless a field carries {@link Id}. Models are records (built
 * through their canonical constructor) or classes with a no-argument constructor (fields set
 * through setters or directly); fields inherited from superclasses belong to the model.
 *
 * @param <T> the model class
 */
public interface ModelMeta<T> {

    /**
     * The metadata of a model class.
     *
     * @throws ModelDefinitionException naming the class and field when the class is not a valid model
     */
    static <T> ModelMeta<T> of(Class<T> modelClass) {
        return ModelMetas.of(modelClass);
    }

    /** The model class. */
    Class<T> modelClass();

    /** Whether the model is a record. */
    boolean isRecord();

    /** The table name. */
    String tableName();

    /** The schema, if one is declared. */
    Optional<String> schema();

    /** The table comment, if one is declared. */
    Optional<String> comment();

    /** The previous table name from {@link RenamedFrom}, if any. */
    Optional<String> renamedFrom();

    /** The columns, in declaration order (superclass fields first), including foreign keys. */
    List<FieldMeta> fields();

    /** The column of a Java field name. */
    Optional<FieldMeta> field(String name);

    /** The field stored in a column. */
    Optional<FieldMeta> fieldByColumn(String column);

    /** The primary key; for a composite key its first field (see {@link #primaryKeys()}). */
    FieldMeta primaryKey();

    /**
     * The primary key's fields: one, or several ({@code @Id} on each) for a composite key, in
     * declaration order. Each has {@link FieldMeta#primaryKey()} set.
     */
    List<FieldMeta> primaryKeys();

    /** Whether the primary key has several fields. */
    default boolean hasCompositeKey() {
        return primaryKeys().size() > 1;
    }

    /**
     * The optimistic-locking version field ({@link io.oxyde.annotation.Version}), if the model
     * has one: every update through the model increments it and checks it.
     */
    Optional<FieldMeta> version();

    /** The creation time field ({@link io.oxyde.annotation.CreatedAt}), set by Oxyde on insert. */
    Optional<FieldMeta> createdAt();

    /** The last-write time field ({@link io.oxyde.annotation.UpdatedAt}), set by Oxyde on every write. */
    Optional<FieldMeta> updatedAt();

    /** The foreign-key columns, in declaration order. */
    List<FieldMeta> foreignKeys();

    /** The reverse foreign-key collections. */
    List<ReverseRelationMeta> reverseRelations();

    /** The many-to-many collections. */
    List<ManyToManyMeta> manyToMany();

    /** Secondary indexes, including those of {@link Column#index()}. */
    List<IndexMeta> indexes();

    /** Multi-column unique constraints. */
    List<UniqueMeta> uniqueTogether();

    /** CHECK constraints. */
    List<CheckMeta> checks();
}
