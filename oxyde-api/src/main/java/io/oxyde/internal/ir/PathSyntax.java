package io.oxyde.internal.ir;

import io.oxyde.exception.FieldException;
import io.oxyde.codec.internal.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * The syntax of the names a query takes as strings, checked before anything is looked up:
 * a field path is names joined by {@code "__"} with no empty part ({@code "__gte"},
 * {@code "album____title"}, {@code "__"} and {@code ""} are refused), and an annotation alias
 * is one SQL identifier by the protocol's rule ({@link Identifiers}) without {@code "__"}.
 * Every refusal is a {@link FieldException} at the call that passed the name.
 */
public final class PathSyntax {

    /** What joins the parts of a path. */
    public static final String SEPARATOR = "__";

    /**
     * {@link #SEPARATOR} as a compiled pattern: {@code String.split} compiles a two-character
     * separator again on every call, and paths are split on every filter of every query.
     */

    private PathSyntax() {
    }

    /**
     * The parts of {@code path}.
     *
     * @param choices what the first part may be, for the error message
     * @throws FieldException if the path is null, blank or has an empty part
     */
    public static String[] split(Class<?> model, String path, List<String> choices) {
        if (path == null || path.isBlank()) {
            throw new FieldException(model, String.valueOf(path), "empty field path", choices);
        }
        String[] parts = parts(path);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new FieldException(model, path, "malformed path: an empty part (a path is field names joined"
                        + " by \"" + SEPARATOR + "\", e.g. album__artist__name__icontains)", choices);
            }
        }
        return parts;
    }

    /** The parts of {@code path} between separators, empty parts kept (no checks: see {@link #split}). */
    public static String[] parts(String path) {
        int cut = path.indexOf(SEPARATOR);
        if (cut < 0) {
            return new String[] {path};
        }
        ArrayList<String> out = new ArrayList<>(4);
        int from = 0;
        while (cut >= 0) {
            out.add(path.substring(from, cut));
            from = cut + SEPARATOR.length();
            cut = path.indexOf(SEPARATOR, from);
        }
        out.add(path.substring(from));
        return out.toArray(new String[0]);
    }

    /** {@code path} cut at its first separator: one part, or the first and the rest. */
    public static String[] head(String path) {
        int cut = path.indexOf(SEPARATOR);
        return cut < 0 ? new String[] {path}
                : new String[] {path.substring(0, cut), path.substring(cut + SEPARATOR.length())};
    }

    /**
     * Refuses an annotation alias that could not be one column label on every dialect.
     *
     * @throws FieldException naming the alias and what is wrong with it
     */
    public static void checkAlias(Class<?> model, String alias) {
        String problem = Identifiers.problem(alias);
        if (problem != null) {
            throw new FieldException(model, String.valueOf(alias), "invalid annotation alias: " + problem, List.of());
        }
        if (alias.contains(SEPARATOR)) {
            throw new FieldException(model, alias, "invalid annotation alias: it may not contain \"" + SEPARATOR
                    + "\", which separates a path's parts (having(\"" + alias + "__gt\", …) could not be read)", List.of());
        }
    }
}
