package io.oxyde.cli.internal;

import io.oxyde.migrate.MigrationOperation;
import io.oxyde.migrate.MigrationOperation.AddCheck;
import io.oxyde.migrate.MigrationOperation.AddColumn;
import io.oxyde.migrate.MigrationOperation.AddForeignKey;
import io.oxyde.migrate.MigrationOperation.AddUnique;
import io.oxyde.migrate.MigrationOperation.AlterColumn;
import io.oxyde.migrate.MigrationOperation.CreateIndex;
import io.oxyde.migrate.MigrationOperation.CreateTable;
import io.oxyde.migrate.MigrationOperation.DropCheck;
import io.oxyde.migrate.MigrationOperation.DropColumn;
import io.oxyde.migrate.MigrationOperation.DropForeignKey;
import io.oxyde.migrate.MigrationOperation.DropIndex;
import io.oxyde.migrate.MigrationOperation.DropTable;
import io.oxyde.migrate.MigrationOperation.DropUnique;
import io.oxyde.migrate.MigrationOperation.ManualStep;
import io.oxyde.migrate.MigrationOperation.RenameColumn;
import io.oxyde.migrate.MigrationOperation.RenameTable;

/** One line per operation for {@code makemigrations} output, in the spirit of Django's {@code - Add field x to y}. */
final class OperationText {
    private OperationText() {
    }

    static String of(MigrationOperation op) {
        if (op instanceof CreateTable o) {
            return "Create table " + o.table().name();
        } else if (op instanceof DropTable o) {
            return "Drop table " + o.table().name();
        } else if (op instanceof RenameTable o) {
            return "Rename table " + o.from() + " to " + o.to();
        } else if (op instanceof AddColumn o) {
            return "Add column " + o.table() + "." + o.column().name() + " " + o.column().type().describe();
        } else if (op instanceof DropColumn o) {
            return "Drop column " + o.table() + "." + o.column().name();
        } else if (op instanceof RenameColumn o) {
            return "Rename column " + o.table() + "." + o.from() + " to " + o.to();
        } else if (op instanceof AlterColumn o) {
            return "Alter column " + o.table() + "." + o.to().name() + " (" + o.from().type().describe() + " -> "
                    + o.to().type().describe() + ")";
        } else if (op instanceof CreateIndex o) {
            return "Create " + (o.index().unique() ? "unique " : "") + "index " + o.index().name() + " on " + o.table();
        } else if (op instanceof DropIndex o) {
            return "Drop index " + o.index().name() + " on " + o.table();
        } else if (op instanceof AddUnique o) {
            return "Add unique " + o.unique().name() + " on " + o.table() + " " + o.unique().columns();
        } else if (op instanceof DropUnique o) {
            return "Drop unique " + o.unique().name() + " on " + o.table();
        } else if (op instanceof AddForeignKey o) {
            return "Add foreign key " + o.foreignKey().name() + " " + o.table() + o.foreignKey().columns() + " -> "
                    + o.foreignKey().targetTable();
        } else if (op instanceof DropForeignKey o) {
            return "Drop foreign key " + o.foreignKey().name() + " on " + o.table();
        } else if (op instanceof AddCheck o) {
            return "Add check " + o.check().name() + " on " + o.table();
        } else if (op instanceof DropCheck o) {
            return "Drop check " + o.check().name() + " on " + o.table();
        } else if (op instanceof ManualStep o) {
            return "MANUAL STEP: " + o.description();
        } else if (op instanceof MigrationOperation.RunJava o) {
            return "Run Java " + o.className() + (o.backwards() == null ? "" : " backwards");
        } else if (op instanceof MigrationOperation.RawSql o) {
            return "Raw SQL (" + o.forward().size() + " statements" + (o.dialects().isEmpty() ? "" : " on " + o.dialects()) + ")";
        }
        return op.getClass().getSimpleName() + (op.tableName() == null ? "" : " on " + op.tableName());
    }
}
