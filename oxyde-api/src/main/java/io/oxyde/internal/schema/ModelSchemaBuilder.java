package io.oxyde.internal.schema;

import io.oxyde.CheckMeta;
import io.oxyde.FieldMeta;
import io.oxyde.ForeignKeyMeta;
import io.oxyde.IdStrategy;
import io.oxyde.IndexMeta;
import io.oxyde.ManyToManyMeta;
import io.oxyde.ModelDefinitionException;
import io.oxyde.ModelMeta;
import io.oxyde.UniqueMeta;
import io.oxyde.migrate.Check;
import io.oxyde.migrate.Column;
import io.oxyde.migrate.ColumnType;
import io.oxyde.migrate.ForeignKey;
import io.oxyde.migrate.Index;
import io.oxyde.migrate.IndexMethod;
import io.oxyde.migrate.ReferentialAction;
import io.oxyde.migrate.Schema;
import io.oxyde.migrate.Table;
import io.oxyde.migrate.TypeKind;
import io.oxyde.migrate.UniqueConstraint;
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
        List<Table> tables = new ArrayList<>();
        for (ModelMeta<?> meta : metas.values()) {
            Class<?> previous = byTable.put(qualified(meta), meta.modelClass());
            if (previous != null) {
                throw new ModelDefinitionException("models " + previous.getName() + " and " + meta.modelClass().getName()
                        + " both map to table " + qualified(meta));
            }
            tables.add(table(meta));
        }
        tables.sort(Comparator.comparing(Table::name).thenComparing(t -> t.schema() == null ? "" : t.schema()));
        Schema schema = new Schema(tables);
        schema.validate();
        return schema;
    }

    /** The table of one model. */
    public static Table table(ModelMeta<?> meta) {
        Class<?> model = meta.modelClass();
        Table table = Table.named(meta.tableName());
        if (meta.schema().isPresent()) {
            table = table.withSchema(meta.schema().get());
        }
        List<Column> columns = new ArrayList<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (FieldMeta f : meta.fields()) {
            columns.add(column(model, f));
            if (f.unique() && !f.primaryKey()) {
                uniques.add(UniqueConstraint.of("uq_" + meta.tableName() + "_" + f.column(), f.column()));
            }
            if (f.isForeignKey()) {
                ForeignKeyMeta fk = f.foreignKey();
                foreignKeys.add(new ForeignKey("fk_" + meta.tableName() + "_" + f.column(), List.of(f.column()),
                        fk.targetTable(), List.of(fk.targetColumn()), action(fk.onDelete()), action(fk.onUpdate())));
            }
        }
        for (UniqueMeta u : meta.uniqueTogether()) {
            uniques.add(new UniqueConstraint(u.name(), u.columns()));
        }
        List<Index> indexes = new ArrayList<>();
        for (IndexMeta i : meta.indexes()) {
            indexes.add(new Index(i.name(), i.columns(), i.unique(), IndexMethod.valueOf(i.method().name()), i.where()));
        }
        List<Check> checks = new ArrayList<>();
        for (CheckMeta c : meta.checks()) {
            checks.add(Check.of(c.name(), c.expression()));
        }
        table = table.withColumns(columns).withPrimaryKey(meta.primaryKey().column()).withUniques(uniques)
                .withIndexes(indexes).withForeignKeys(foreignKeys).withChecks(checks)
                .withComment(meta.comment().orElse(null));
        if (meta.renamedFrom().isPresent()) {
            table = table.renamedFrom(meta.renamedFrom().get());
        }
        return table;
    }

    private static Column column(Class<?> model, FieldMeta f) {
        ColumnType type;
        if (f.isForeignKey()) {
            type = f.sqlType() != null ? ColumnTypes.of(model, f) : keyType(f.foreignKey().target());
        } else {
            type = ColumnTypes.of(model, f);
        }
        boolean identity = f.primaryKey() && f.idStrategy() == IdStrategy.AUTO;
        if (identity && type.kind() != TypeKind.BIGINT && type.kind() != TypeKind.INTEGER && type.kind() != TypeKind.SMALLINT) {
            throw new ModelDefinitionException(model.getSimpleName() + "." + f.name()
                    + ": a database-generated (AUTO) key needs an integer type, got " + type.describe());
        }
        Column column = new Column(f.column(), type, f.nullable() && !f.primaryKey(), f.sqlDefault(), identity,
                f.comment(), null);
        return f.renamedFrom() == null ? column : column.renamedFrom(f.renamedFrom());
    }

    /** The column type of a foreign key: the type of the target's primary key, never an identity. */
    private static ColumnType keyType(Class<?> target) {
        ModelMeta<?> meta = ModelMeta.of(target);
        FieldMeta pk = meta.primaryKey();
        return pk.isForeignKey() ? keyType(pk.foreignKey().target()) : ColumnTypes.of(target, pk);
    }

    private static ReferentialAction action(io.oxyde.ReferentialAction action) {
        return action == null ? ReferentialAction.NO_ACTION : ReferentialAction.valueOf(action.name());
    }

    private static String qualified(ModelMeta<?> meta) {
        return meta.schema().map(s -> s + ".").orElse("") + meta.tableName();
    }
}
