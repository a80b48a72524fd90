package io.oxyde.spring.internal;

import io.oxyde.AtomicGuard;
import io.oxyde.migration.Migrations;
import io.oxyde.Oxyde;
import io.oxyde.migrate.MigrationRun;
import io.oxyde.dialect.Dialect;
import io.oxyde.spring.OxydeProperties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the starter's databases: migrations first (main database only), then the pool. */
public final class Connector {

    private static final Logger LOG = LoggerFactory.getLogger("io.oxyde.spring");

    private Connector() {
    }

    public static Oxyde main(OxydeProperties p, DataSource dataSource, AtomicGuard guard) {
        boolean useUrl = p.getUrl() != null && !p.getUrl().isBlank();
        if (!useUrl && dataSource == null) {
            throw new io.oxyde.exception.ConfigurationException("url", "oxyde.url is not set and the application has "
                    + "several DataSource beans, none of them @Primary: set oxyde.url or mark one @Primary");
        }
        String location = p.getMigrations().getLocation();
        if (location != null && !location.isBlank()) {
            MigrationRun run = useUrl ? Migrations.migrate(p.getUrl(), location) : Migrations.migrate(dataSource, location);
            LOG.info("Oxyde migrations from {}: applied {}", location,
                    run.applied().isEmpty() ? "none (up to date)" : run.applied());
        }
        Oxyde db;
        if (useUrl) {
            db = Oxyde.connect(p.getName(), p.getUrl(), Settings.of(p.getPool()));
        } else {
            Dialect dialect = p.getDialect() != null ? p.getDialect() : Dialects.detect(dataSource);
            db = Oxyde.connect(p.getName(), dataSource, dialect, Settings.of(p.getPool()));
        }
        return guard == null ? db : db.withAtomicGuard(guard);
    }

    public static Oxyde named(String name, OxydeProperties.Database d, AtomicGuard guard) {
        if (d.getUrl() == null || d.getUrl().isBlank()) {
            throw new io.oxyde.exception.ConfigurationException("url", "oxyde.databases." + name + ".url is not set");
        }
        Oxyde db = Oxyde.connect(name, d.getUrl(), Settings.of(d.getPool()));
        return guard == null ? db : db.withAtomicGuard(guard);
    }
}
