package io.oxyde.migrate.internal;

import io.oxyde.migrate.ColumnDefinition;
import io.oxyde.migrate.ColumnType;
import io.oxyde.migrate.Schema;
import io.oxyde.migrate.TableDefinition;
import io.oxyde.migrate.TypeKind;

/**
 * Fixes each enum column's PostgreSQL type name ({@code <table>_<column>} unless given) when a schema
 * enters the diff, so the name in a snapshot never changes silently when the table or column is renamed.
 */
public final class EnumNames {
    private EnumNames() {
    }

    public static Schema resolve(Schema schema) {
        return new Schema(schema.tables().stream().map(EnumNames::resolve).toList());
    }

    private static TableDefinition resolve(TableDefinition t) {
        return t.withColumns(t.columns().stream().map(c -> resolve(t, c)).toList());
    }

    private static ColumnDefinition resolve(TableDefinition t, ColumnDefinition c) {
        ColumnType type = c.type();
        if (type.kind() == TypeKind.ENUM && type.enumName() == null) {
            return c.withType(ColumnType.namedEnum(t.name() + "_" + c.name(), type.values().toArray(String[]::new)));
        }
        if (type.kind() == TypeKind.ARRAY && type.element().kind() == TypeKind.ENUM && type.element().enumName() == null) {
            ColumnType e = type.element();
            return c.withType(ColumnType.arrayOf(ColumnType.namedEnum(t.name() + "_" + c.name(), e.values().toArray(String[]::new))));
        }
        return c;
    }
}
