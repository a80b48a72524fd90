package io.oxyde.migration;

import io.oxyde.exception.MigrationException;
import io.oxyde.migrate.RenameSuggestion;
import java.util.List;
import java.util.stream.Collectors;
import io.oxyde.annotation.RenamedFrom;

/**
 * {@link Migrations#makeMigrations} refused to write a migration that drops and adds look-alike
 * columns (or tables) nobody confirmed or rejected as renames: doing so silently would lose the
 * data of the dropped column. {@link #suggestions()} lists them; answer with
 * {@link MigrationOptions#withRename} or {@link MigrationOptions#withAcceptDrops}, or add
 * {@code @RenamedFrom} to the model.
 */
public class MigrationRenameException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final transient List<RenameSuggestion> suggestions;

    public MigrationRenameException(List<RenameSuggestion> suggestions) {
        super(message(suggestions));
        this.suggestions = List.copyOf(suggestions);
    }

    /** The unanswered possible renames. */
    public List<RenameSuggestion> suggestions() {
        return suggestions;
    }

    /** {@code table.old -> new} for a column, {@code old -> new} for a table. */
    public static String describe(RenameSuggestion s) {
        return s.column() ? s.table() + "." + s.from() + " -> " + s.to() : "table " + s.from() + " -> " + s.to();
    }

    private static String message(List<RenameSuggestion> suggestions) {
        return "refusing to drop and re-add what may be renames (the dropped data would be lost): "
                + suggestions.stream().map(MigrationRenameException::describe).collect(Collectors.joining(", "))
                + "; confirm a rename (@RenamedFrom on the model, or --rename table.old=new in the CLI) or accept the"
                + " drops (--accept-drops)";
    }
}
