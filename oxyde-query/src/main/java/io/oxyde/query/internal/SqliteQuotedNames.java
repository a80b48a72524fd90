package io.oxyde.query.internal;

import org.jooq.Context;
import org.jooq.Name;
import org.jooq.QueryPart;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.impl.CustomQueryPart;

/**
 * Quotes every name the renderer made with {@code DSL.quotedName} on SQLite, with backticks.
 *
 * <p>Why: jOOQ 3.19's SQLite dialect ignores {@code RenderQuotedNames.ALWAYS} and quotes a name
 * only when it is in jOOQ's own (dated) list of SQLite keywords, so a column named
 * {@code returning}, {@code user} or {@code fetch} came out bare and broke the statement
 * ({@code near "returning": syntax error}). Backticks rather than double quotes because SQLite
 * reads a double-quoted name that matches no column as a string literal; a back-quoted one is
 * always an identifier (jOOQ 3.20 makes the same choice, but needs Java 21). Names jOOQ makes
 * itself (function names, {@code excluded}) are not explicitly quoted and are left alone. The
 * protocol's identifier rule keeps backticks out of names; they are doubled here all the same.
 * Rendering happens once per query shape (the plan cache), so the listener costs nothing per call.
 */
final class SqliteQuotedNames implements VisitListener {

    @Override
    public void visitStart(VisitContext ctx) {
        QueryPart part = ctx.queryPart();
        if (part instanceof Name name && !(part instanceof BackQuoted) && name.quoted() == Name.Quoted.QUOTED) {
            ctx.queryPart(new BackQuoted(name));
        }
    }

    /** A (possibly qualified) name rendered with each part in backticks. */
    private static final class BackQuoted extends CustomQueryPart {
        private static final long serialVersionUID = 1L;
        private final transient Name name;

        BackQuoted(Name name) {
            this.name = name;
        }

        @Override
        public void accept(Context<?> ctx) {
            Name[] parts = name.parts();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    ctx.sql('.');
                }
                ctx.sql('`').sql(parts[i].last().replace("`", "``")).sql('`');
            }
        }
    }
}
