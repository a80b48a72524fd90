package io.oxyde.examples.spring;

import io.oxyde.Oxyde;
import io.oxyde.examples.ChinookLoader;
import io.oxyde.examples.Expect;
import io.oxyde.examples.TourSchema;
import io.oxyde.examples.chinook.ChinookData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With {@code chinook.setup=true}: at start-up (before the application reports ready) drops any
 * earlier Chinook tables, migrates the schema from the models and loads the whole data set, as
 * the tour does. Off by default: a real application applies committed migrations instead
 * ({@code oxyde.migrations.location}).
 */
@Component
@ConditionalOnProperty(name = "chinook.setup", havingValue = "true")
public class ChinookSetup implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ChinookSetup.class);

    private final Oxyde db;
    private final String url;

    /** The database and its URL (the migrator opens its own connection). */
    public ChinookSetup(Oxyde db, @Value("${oxyde.url}") String url) {
        this.db = db;
        this.url = url;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        Path migrations;
        try {
            migrations = Files.createTempDirectory("chinook-migrations");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Expect expect = new Expect();
        TourSchema.create(db, url, migrations, quiet, expect);
        int rows = ChinookLoader.load(db, ChinookData.load(), quiet, expect);
        LOG.info("Chinook: {} rows loaded into {} in {} ms", rows, db, (System.nanoTime() - started) / 1_000_000);
    }
}
