package io.oxyde.cli.internal;

import io.oxyde.migrate.RenameSuggestion;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Parses {@code --rename} answers: {@code table.old=new} confirms a column rename, {@code old=new} a
 * table rename.
 */
final class RenameAnswers {
    private RenameAnswers() {
    }

    static List<RenameSuggestion> parse(List<String> values, CommandLine cmd) {
        List<RenameSuggestion> out = new ArrayList<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new CommandLine.ParameterException(cmd, "--rename " + v
                        + ": expected table.old_column=new_column or old_table=new_table");
            }
            String left = v.substring(0, eq).trim();
            String to = v.substring(eq + 1).trim();
            int dot = left.lastIndexOf('.');
            if (dot > 0 && dot < left.length() - 1) {
                out.add(new RenameSuggestion(left.substring(0, dot), left.substring(dot + 1), to, true));
            } else if (dot < 0) {
                out.add(new RenameSuggestion(to, left, to, false));
            } else {
                throw new CommandLine.ParameterException(cmd, "--rename " + v
                        + ": expected table.old_column=new_column or old_table=new_table");
            }
        }
        return out;
    }
}
