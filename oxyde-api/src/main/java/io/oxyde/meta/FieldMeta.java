package io.oxyde.meta;

import io.oxyde.codec.ValueKind;
import java.lang.reflect.Type;
import io.oxyde.Ref;
import io.oxyde.annotation.IdStrategy;

/**
 * Read-only metadata of one column of a model: what the schema, the query builder and the row
 * mapper need to know about a field, resolved once from the class, its annotations and the
 * conventions. A foreign key to a model with a composite key has one {@code FieldMeta} per column,
 * all named after the Java field (see {@link ForeignKeyMeta#columns()}).
 *
 * @param name the Java field name, e.g. {@code unitPrice}
 * @param column the column name, e.g. {@code unit_price} (for a foreign key {@code artist_id})
 * @param javaType the field's declared class ({@code Ref} for a {@code Ref<Artist>} foreign key)
 * @param genericType the field's generic type, e.g. {@code List<String>}
 * @param kind the IR value kind of the column (for a foreign key, the kind of the target's key)
 * @param elementKind the kind of the elements of an {@link ValueKind#ARRAY} column, else {@code null}
 * @param nullable whether the column accepts NULL
 * @param primaryKey whether this is the primary key
 * @param idStrategy who produces the key; {@code null} unless {@code primaryKey}
 * @param length the VARCHAR length of a text column, else 0
 * @param precision the total digits of a decimal column, 0 when unspecified
 * @param scale the fraction digits of a decimal column, -1 when unspecified
 * @param unique whether the column alone is unique
 * @param indexed whether the column alone is indexed
 * @param sqlDefault a verbatim SQL default expression, or {@code null}
 * @param sqlType a verbatim DDL type overriding the mapped one, or {@code null}
 * @param comment a column comment, or {@code null}
 * @param renamedFrom the previous column name (for migrations), or {@code null}
 * @param json whether the value is stored as a JSON document through Jackson
 * @param foreignKey the foreign key, or {@code null} for a plain column
 */
public record FieldMeta(
        String name,
        String column,
        Class<?> javaType,
        Type genericType,
        ValueKind kind,
        ValueKind elementKind,
        boolean nullable,
        boolean primaryKey,
        IdStrategy idStrategy,
        int length,
        int precision,
        int scale,
        boolean unique,
        boolean indexed,
        String sqlDefault,
        String sqlType,
        String comment,
        String renamedFrom,
        boolean json,
        ForeignKeyMeta foreignKey) {

    /** Whether this column is a foreign key. */
    public boolean isForeignKey() {
        return foreignKey != null;
    }

    /** Whether the Java type is an enum stored by constant name. */
    public boolean isEnum() {
        return javaType.isEnum();
    }
}
