package io.oxyde.codec;

import java.util.Objects;

/**
 * An expression in the select list under a name, e.g. {@code (SELECT count(*) FROM album WHERE
 * album.artist_id = artist.id) AS n}. ORDER BY terms may name it by {@code alias}; a filter
 * on it repeats the expression (WHERE cannot name select-list aliases). Since protocol
 * revision 1.2.
 *
 * @param alias the result column name
 * @param expr the expression
 */
public record Annotation(String alias, Expr expr) {

    public Annotation {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(expr, "expr");
    }
}
