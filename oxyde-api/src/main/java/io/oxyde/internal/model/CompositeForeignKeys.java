package io.oxyde.internal.model;

import io.oxyde.annotation.Column;
import io.oxyde.annotation.ForeignKey;
import io.oxyde.annotation.RenamedFrom;
import io.oxyde.exception.FieldException;
import io.oxyde.exception.ModelDefinitionException;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ForeignKeyMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.migrate.ReferentialAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Foreign keys to a model whose primary key has several fields: the referencing model stores
 * one column per key column, {@code <field>_<key column>} in the target key's order (field
 * {@code stock} to {@code Stock(warehouse, sku)}: {@code stock_warehouse}, {@code stock_sku}),
 * each described by its own {@link FieldMeta} carrying the Java field's name.
 */
public final class CompositeForeignKeys {

    private CompositeForeignKeys() {
    }

    /** The column metas of a foreign key from {@code f} to {@code target}'s composite key. */
    static List<FieldMeta> parts(ShapeField f, ModelShape target, ForeignKey fk, Column column, boolean nullable,
                                 ReferentialAction onDelete, ReferentialAction onUpdate) {
        String where = f.qualifiedName() + ": a foreign key to " + target.type().getSimpleName() + ", whose primary key ("
                + String.join(", ", target.keyFields().stream().map(ShapeField::name).toList()) + ") has "
                + target.keyFields().size() + " columns,";
        List<String> columns = new ArrayList<>();
        List<String> targetColumns = new ArrayList<>();
        for (ShapeField key : target.keyFields()) {
            columns.add(columnName(f, key));
            targetColumns.add(key.column());
        }
        if (fk != null && !fk.column().isEmpty() || column != null && !column.name().isEmpty()) {
            throw new ModelDefinitionException(where + " is stored in one column per key column " + columns
                    + ", named after the field; a single column name (@ForeignKey(column) or @Column(name)) does not apply");
        }
        if (column != null && (!column.type().isEmpty() || !column.sqlDefault().isEmpty())) {
            throw new ModelDefinitionException(where + " takes its column types from the key; @Column(type) and"
                    + " @Column(sqlDefault) do not apply");
        }
        if (column != null && column.unique()) {
            throw new ModelDefinitionException(where + " is unique over all its columns: declare"
                    + " @Table(uniqueTogether = @Unique(\"" + f.name() + "\")) instead of @Column(unique = true)");
        }
        // @RenamedFrom("old") names the field's previous column prefix: old_warehouse, old_sku
        RenamedFrom renamed = f.field().getAnnotation(RenamedFrom.class);
        String comment = column == null || column.comment().isEmpty() ? null : column.comment();
        List<FieldMeta> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ShapeField key = target.keyFields().get(i);
            ForeignKeyMeta meta = new ForeignKeyMeta(target.type(), target.tableName(), key.name(), key.column(), onDelete,
                    onUpdate, f.ref(), columns, targetColumns);
            // indexed as a whole (one index over every column, see isFirstPart), not column by column
            parts.add(new FieldMeta(f.name(), columns.get(i), f.type(), f.genericType(), key.scalar().kind(), null, nullable,
                    false, null, 0, 0, -1, false, false, null, null, comment,
                    renamed == null ? null : renamed.value() + "_" + key.column(), false, meta));
        }
        return parts;
    }

    /** The column of foreign key {@code f} that holds the key field {@code key}: {@code <field>_<key column>}. */
    static String columnName(ShapeField f, ShapeField key) {
        return Naming.snakeCase(f.name()) + "_" + key.column();
    }

    /** Whether {@code f} is the first column of a multi-column foreign key. */
    public static boolean isFirstPart(FieldMeta f) {
        return f.isForeignKey() && f.foreignKey().composite() && f.foreignKey().columns().get(0).equals(f.column());
    }

    /** Whether {@code f} is a column of a multi-column foreign key. */
    public static boolean isPart(FieldMeta f) {
        return f.isForeignKey() && f.foreignKey().composite();
    }

    /**
     * {@code f} itself where one column is needed; a {@code FieldException} naming the key fields
     * to use when it is a column of a multi-column foreign key ({@code path} as the caller named it).
     */
    public static FieldMeta single(Class<?> model, FieldMeta f, String path) {
        if (!isPart(f)) {
            return f;
        }
        List<String> parts = f.foreignKey().targetColumns().stream().map(c -> f.name() + "__" + c).toList();
        throw new FieldException(model, f.name(), "\"" + path + "\" is a foreign key to the composite key of "
                + f.foreignKey().target().getSimpleName() + ", which has " + parts.size() + " columns; here name one"
                + " key field through the relation", parts);
    }

    /** Every column meta of the Java field {@code f} belongs to: itself, or all columns of a multi-column foreign key. */
    public static List<FieldMeta> columnsOf(ModelMeta<?> meta, FieldMeta f) {
        if (!isPart(f)) {
            return List.of(f);
        }
        return meta.fields().stream().filter(p -> p.name().equals(f.name())).toList();
    }
}
