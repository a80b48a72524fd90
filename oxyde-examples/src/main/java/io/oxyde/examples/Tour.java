package io.oxyde.examples;

import io.oxyde.Oxyde;
import io.oxyde.examples.chinook.ChinookData;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The runnable tour: {@code ./tour.sh} (or {@code java -jar oxyde-examples/target/oxyde-tour.jar})
 * creates a database from the Chinook models through the migrations API, loads the whole Chinook
 * data set with {@code bulkCreate}, and runs the {@link Showcase} queries, checking every result.
 *
 * <p>Without arguments it uses a fresh embedded SQLite file, {@code target/tour/chinook.db}; with
 * {@code --url} it runs the same program against PostgreSQL or MariaDB, dropping and re-creating
 * its tables so it can run again. The exit status is 0 only when every check passed.
 */
public final class Tour {
    private static final String USAGE = """
            usage: tour [--url URL] [--dir DIR]
              --url URL  the database: sqlite:/path/file.db, postgresql://user@host:5432/db?currentSchema=tour,
                         mariadb://user@host:3306/db (default: a fresh SQLite file DIR/chinook.db)
              --dir DIR  where the SQLite file and the generated migrations go (default: target/tour)""";

    private Tour() {
    }

    /**
     * What one run did.
     *
     * @param url    the database (password masked)
     * @param rows   rows loaded
     * @param checks checks passed
     * @param load   time spent loading the data
     * @param total  time of the whole run
     */
    public record Result(String url, int rows, int checks, Duration load, Duration total) {
    }

    /** Runs the tour and exits with 0 when every check passed, 1 on any failure, 2 on bad arguments. */
    public static void main(String[] args) {
        quietLibraryLogging();
        System.exit(execute(args, System.out, System.err));
    }

    /**
     * Parses the command line, runs the tour and reports; returns the exit status: 0 when every
     * check passed, 1 when a check or a database operation failed, 2 for bad arguments.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        String url = null;
        Path dir = Path.of("target", "tour");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--url") || arg.equals("--dir")) && i + 1 < args.length) {
                if (arg.equals("--url")) {
                    url = args[++i];
                } else {
                    dir = Path.of(args[++i]);
                }
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else {
                err.println("tour: unknown or incomplete argument \"" + arg + "\"\n" + USAGE);
                return 2;
            }
        }
        try {
            Result result = run(url, dir, out);
            out.printf("%nTour finished: %d rows loaded in %.1f s, %d checks passed, %.1f s in all.%n",
                    result.rows(), seconds(result.load()), result.checks(), seconds(result.total()));
            return 0;
        } catch (RuntimeException | Error e) {
            out.flush();
            err.println();
            err.println("TOUR FAILED: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /**
     * Runs the whole tour on {@code url} (or, when it is null, on a fresh SQLite file in
     * {@code workDir}), writing migrations to {@code workDir/migrations} and the report to
     * {@code out}.
     *
     * @throws TourFailure when a result differs from the known Chinook facts; any Oxyde exception
     *                     when a database operation fails
     */
    public static Result run(String url, Path workDir, PrintStream out) {
        long started = System.nanoTime();
        String target = url != null ? url : freshSqliteFile(workDir.resolve("chinook.db"));
        Expect expect = new Expect();
        out.println("Oxyde for the JVM: a tour on " + masked(target));
        try (Oxyde db = Oxyde.connect(target)) {
            out.println();
            out.println("Schema (" + db.dialect() + "), from the models through Migrations.makeMigrations + migrate:");
            TourSchema.create(db, target, workDir.resolve("migrations"), out, expect);

            out.println();
            ChinookData data = ChinookData.load();
            out.println("Loading all " + data.totalRows() + " Chinook rows with bulkCreate:");
            long loadStarted = System.nanoTime();
            int rows = ChinookLoader.load(db, data, out, expect);
            Duration load = Duration.ofNanos(System.nanoTime() - loadStarted);
            out.printf("  %d rows in %.1f s%n", rows, seconds(load));

            new Showcase(db, out, expect).runAll();
            return new Result(masked(target), rows, expect.passed(), load, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The migrator and Hibernate Validator log INFO lines through java.util.logging; the tour prints its own. */
    private static void quietLibraryLogging() {
        Logger root = LogManager.getLogManager().getLogger("");
        root.setLevel(Level.WARNING);
        for (Handler handler : root.getHandlers()) {
            handler.setLevel(Level.WARNING);
        }
    }

    private static String freshSqliteFile(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the SQLite file " + file, e);
        }
        return "sqlite:" + file.toAbsolutePath();
    }

    private static String masked(String url) {
        return url.replaceAll("://([^:/@]+):[^@/]*@", "://$1:***@");
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
