package io.oxyde.migrate;

/**
 * A possible rename the diff will not assume: a dropped and an added column (or table) that look alike.
 * The CLI asks the user; a "yes" becomes a {@code renamedFrom} hint.
 *
 * @param table  the table (for a table rename: its new name)
 * @param from   dropped column or table name
 * @param to     added column or table name
 * @param column true for a column rename, false for a table rename
 */
public record RenameSuggestion(String table, String from, String to, boolean column) {
}
