package io.oxyde.migrate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import io.oxyde.exception.MigrationException;

/**
 * One column of a {@link TableDefinition}.
 *
 * @param name          column name
 * @param type          dialect-neutral type
 * @param nullable      whether NULL is allowed
 * @param defaultValue  default as a SQL expression (e.g. {@code 0}, {@code 'x'}, {@code CURRENT_TIMESTAMP}), or null
 * @param autoIncrement identity / auto-increment primary key
 * @param comment       column comment, or null
 * @param renamedFrom   hint: the column's previous name, so the diff emits a rename instead of drop + add;
 *                      never stored in snapshots
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnDefinition(String name, ColumnType type, boolean nullable, String defaultValue,
                     boolean autoIncrement, String comment, String renamedFrom) {

    public ColumnDefinition {
        if (name == null || name.isBlank()) {
            throw new MigrationException("a column needs a name");
        }
        Objects.requireNonNull(type, () -> "column " + name + " needs a type");
    }

    /** A NOT NULL column without default. */
    public static ColumnDefinition of(String name, ColumnType type) {
        return new ColumnDefinition(name, type, false, null, false, null, null);
    }

    /** A nullable column without default. */
    public static ColumnDefinition nullable(String name, ColumnType type) {
        return new ColumnDefinition(name, type, true, null, false, null, null);
    }

    /** An auto-increment (identity) column, meant for a one-column primary key. */
    public static ColumnDefinition identity(String name, ColumnType type) {
        return new ColumnDefinition(name, type, false, null, true, null, null);
    }

    public ColumnDefinition withName(String newName) {
        return new ColumnDefinition(newName, type, nullable, defaultValue, autoIncrement, comment, renamedFrom);
    }

    public ColumnDefinition withType(ColumnType newType) {
        return new ColumnDefinition(name, newType, nullable, defaultValue, autoIncrement, comment, renamedFrom);
    }

    public ColumnDefinition withNullable(boolean newNullable) {
        return new ColumnDefinition(name, type, newNullable, defaultValue, autoIncrement, comment, renamedFrom);
    }

    public ColumnDefinition withDefault(String newDefault) {
        return new ColumnDefinition(name, type, nullable, newDefault, autoIncrement, comment, renamedFrom);
    }

    public ColumnDefinition withComment(String newComment) {
        return new ColumnDefinition(name, type, nullable, defaultValue, autoIncrement, newComment, renamedFrom);
    }

    /** This column, renamed from {@code oldName} (the diff then emits a rename, never drop + add). */
    public ColumnDefinition renamedFrom(String oldName) {
        return new ColumnDefinition(name, type, nullable, defaultValue, autoIncrement, comment, oldName);
    }

    /** The same column without its rename hint, as stored in snapshots. */
    public ColumnDefinition withoutHint() {
        return renamedFrom == null ? this : new ColumnDefinition(name, type, nullable, defaultValue, autoIncrement, comment, null);
    }

    /** Whether the definition (everything but name and hint) equals the other column's. */
    public boolean sameDefinition(ColumnDefinition other) {
        return type.equals(other.type) && nullable == other.nullable && Objects.equals(defaultValue, other.defaultValue)
                && autoIncrement == other.autoIncrement && Objects.equals(comment, other.comment);
    }
}
