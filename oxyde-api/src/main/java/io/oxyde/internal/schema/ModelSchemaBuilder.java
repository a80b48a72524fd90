package io.oxyde.internal.schema;

import io.oxyde.meta.CheckMeta;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ForeignKeyMeta;
import io.oxyde.annotation.IdStrategy;
import io.oxyde.meta.IndexMeta;
import io.oxyde.meta.ManyToManyMeta;
import io.oxyde.exception.ModelDefinitionException;
import io.oxyde.meta.ModelMeta;
import io.oxyde.meta.UniqueMeta;
import io.oxyde.migrate.CheckDefinition;
import io.oxyde.migrate.ColumnDefinition;
import io.oxyde.migrate.ColumnType;
import io.oxyde.migrate.ForeignKeyDefinition;
import io.oxyde.migrate.IndexDefinition;
import io.oxyde.migrate.IndexMethod;
import io.oxyde.migrate.ReferentialAction;
import io.oxyde.migrate.Schema;
import io.oxyde.migrate.TableDefinition;
import io.oxyde.migrate.TypeKind;
import io.oxyde.migrate.UniqueDefinition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the migration {@link Schema} the given models describe. Models referenced by a foreign key
 * or used as a many-to-many {@code through} model are added even when not listed, so the schema is
 * always complete. Tables are sorted by name (so the result does not depend on the order models were
 * listed or scanned in); columns, indexes, unique constraints and checks keep declaration order.
 */
public final class ModelSchemaBuilder {
    private ModelSchemaBuilder() {
    }

    /** The schema of {@code models} plus every model they reference. */
    public static Schema build(Collection<? extends Class<?>> models) {
        Map<Class<?>, ModelMeta<?>> metas = new LinkedHashMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>(models);
        while (!todo.isEmpty()) {
            Class<?> type = todo.poll();
            if (type == null || metas.containsKey(type)) {
                continue;
            }
            ModelMeta<?> meta = ModelMeta.of(type);
            metas.put(type, meta);
            for (FieldMeta f : meta.foreignKeys()) {
                todo.add(f.foreignKey().target());
            }
            for (ManyToManyMeta m : meta.manyToMany()) {
                todo.add(m.through());
                todo.add(m.target());
            }
        }
        Map<String, Class<?>> byTable = new LinkedHashMap<>();
        List<TableDefinition> tables = new ArrayList<>();
        for (ModelMeta<?> meta : metas.values()) {
            Class<?> previous = byTable.put(qualified(meta), meta.modelClass());
            if (previous != null) {
                throw new ModelDefinitionException("models " + previous.getName() + " and " + meta.modelClass().getName()
                        + " both map to table " + qualified(meta));
            }
            tables.add(table(meta));
        }
        tables.sort(Comparator.comparing(TableDefinition::name).thenComparing(t -> t.schema() == null ? "" : t.schema()));
        Schema schema = new Schema(tables);
        schema.validate();
        return schema;
    }

    /** The table of one model. */
    public static TableDefinition table(ModelMeta<?> meta) {
        Class<?> model = meta.modelClass();
        TableDefinition table = TableDefinition.named(meta.tableName());
        if (meta.schema().isPresent()) {
            table = table.withSchema(meta.schema().get());
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        List<UniqueDefinition> uniques = new ArrayList<>();
        List<ForeignKeyDefinition> foreignKeys = new ArrayList<>();
        for (FieldMeta f : meta.fields()) {
            columns.add(column(model, f));
            if (f.unique() && !f.primaryKey()) {
                uniques.add(UniqueDefinition.of("uq_" + meta.tableName() + "_" + f.column(), f.column()));
            }
            // one constraint per foreign key: a composite one (to a composite key) at its first column
            if (f.isForeignKey() && f.foreignKey().columns().get(0).equals(f.column())) {
                ForeignKeyMeta fk = f.foreignKey();
                foreignKeys.add(new ForeignKeyDefinition("fk_" + meta.tableName() + "_" + String.join("_", fk.columns()),
                        fk.columns(), fk.targetTable(), fk.targetColumns(), action(fk.onDelete()), action(fk.onUpdate())));
            }
        }
        for (UniqueMeta u : meta.uniqueTogether()) {
            uniques.add(new UniqueDefinition(u.name(), u.columns()));
        }
        List<IndexDefinition> indexes = new ArrayList<>();
        for (IndexMeta i : meta.indexes()) {
            indexes.add(new IndexDefinition(i.name(), i.columns(), i.unique(), IndexMethod.valueOf(i.method().name()), i.where()));
        }
        List<CheckDefinition> checks = new ArrayList<>();
        for (CheckMeta c : meta.checks()) {
            checks.add(CheckDefinition.of(c.name(), c.expression()));
        }
        table = table.withColumns(columns).withPrimaryKey(meta.primaryKeys().stream().map(FieldMeta::column).toList()).withUniques(uniques)
                .withIndexes(indexes).withForeignKeys(foreignKeys).withChecks(checks)
                .withComment(meta.comment().orElse(null));
        if (meta.renamedFrom().isPresent()) {
            table = table.renamedFrom(meta.renamedFrom().get());
        }
        return table;
    }

    private static ColumnDefinition column(Class<?> model, FieldMeta f) {
        ColumnType type;
        if (f.isForeignKey()) {
            type = f.sqlType() != null ? ColumnTypes.of(model, f) : referencedType(f);
        } else {
            type = ColumnTypes.of(model, f);
        }
        boolean identity = f.primaryKey() && f.idStrategy() == IdStrategy.AUTO;
        if (identity && type.kind() != TypeKind.BIGINT && type.kind() != TypeKind.INTEGER && type.kind() != TypeKind.SMALLINT) {
            throw new ModelDefinitionException(model.getSimpleName() + "." + f.name()
                    + ": a database-generated (AUTO) key needs an integer type, got " + type.describe());
        }
        ColumnDefinition column = new ColumnDefinition(f.column(), type, f.nullable() && !f.primaryKey(), f.sqlDefault(), identity,
                f.comment(), null);
        return f.renamedFrom() == null ? column : column.renamedFrom(f.renamedFrom());
    }

    /** The column type of a foreign key: the type of the column it references (the key, or its toField). */
    private static ColumnType referencedType(FieldMeta fk) {
        ModelMeta<?> target = ModelMeta.of(fk.foreignKey().target());
        FieldMeta referenced = target.field(fk.foreignKey().targetField()).orElseThrow();
        return referenced.primaryKey() && !target.hasCompositeKey() ? keyType(fk.foreignKey().target())
                : ColumnTypes.of(target.modelClass(), referenced);
    }

    /** The column type of a foreign key: the type of the target's primary key, never an identity. */
    private static ColumnType keyType(Class<?> target) {
        ModelMeta<?> meta = ModelMeta.of(target);
        FieldMeta pk = meta.primaryKey();
        return pk.isForeignKey() ? keyType(pk.foreignKey().target()) : ColumnTypes.of(target, pk);
    }

    private static ReferentialAction action(io.oxyde.migrate.ReferentialAction action) {
        return action == null ? ReferentialAction.NO_ACTION : ReferentialAction.valueOf(action.name());
    }

    private static String qualified(ModelMeta<?> meta) {
        return meta.schema().map(s -> s + ".").orElse("") + meta.tableName();
    }
}
