package io.oxyde.query.internal;

import io.oxyde.dialect.Dialect;
import java.util.EnumMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultVisitListenerProvider;

/**
 * One connection-less {@link DSLContext} per dialect, configured once: quoted names (on SQLite
 * through {@link SqliteQuotedNames}), indexed binds, no banner.
 */
final class Jooq {
    static {
        // jOOQ prints a logo and tips on first use unless told not to.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static final Map<Dialect, DSLContext> CONTEXTS = new EnumMap<>(Dialect.class);

    static {
        for (Dialect d : Dialect.values()) {
            Settings settings = new Settings()
                    .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
                    .withRenderNameCase(RenderNameCase.AS_IS)
                    .withParamType(ParamType.INDEXED)
                    .withStatementType(StatementType.PREPARED_STATEMENT)
                    .withRenderFormatted(false)
                    .withRenderSchema(false)
                    .withRenderCatalog(false)
                    .withExecuteLogging(false);
            DefaultConfiguration configuration = new DefaultConfiguration();
            configuration.set(sqlDialect(d));
            configuration.set(settings);
            if (d == Dialect.SQLITE) {
                configuration.set(new DefaultVisitListenerProvider(new SqliteQuotedNames()));
            }
            CONTEXTS.put(d, DSL.using(configuration));
        }
    }

    private Jooq() {
    }

    /** The jOOQ dialect for an Oxyde dialect (the newest of each family jOOQ's open-source edition knows). */
    public static SQLDialect sqlDialect(Dialect d) {
        return switch (d) {
            case POSTGRES -> SQLDialect.POSTGRES;
            case SQLITE -> SQLDialect.SQLITE;
            case MYSQL -> SQLDialect.MYSQL;
            case MARIADB -> SQLDialect.MARIADB;
            default -> throw new AssertionError(d);
        };
    }

    /** The shared, thread-safe rendering context of a dialect. */
    public static DSLContext context(Dialect d) {
        return CONTEXTS.get(d);
    }
}
