package io.oxyde.it;

import io.oxyde.Oxyde;
import io.oxyde.chinook.ChinookData;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinook databases for the integration tests. {@link #shared} is the full data set, created
 * and loaded with {@code bulkCreate} once per database kind per JVM in a database of its own
 * (dropped at exit), for read-only tests. {@link #fresh} creates the schema in the test's own
 * database and loads a subset, for tests that write.
 */
public final class Chinook {

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final Map<DatabaseKind, Oxyde> SHARED = new EnumMap<>(DatabaseKind.class);
    private static final Pattern NAME = Pattern.compile("oxyde_t_[0-9a-f]{12}");

    private Chinook() {
    }

    public static final ChinookData DATA = ChinookData.load();

    /** The full Chinook data set on this kind of database (read-only: do not write to it). */
    public static synchronized Oxyde shared(TestDatabase db) throws SQLException {
        Oxyde existing = SHARED.get(db.kind());
        if (existing != null) {
            return existing;
        }
        String jdbc;
        String url;
        String name = "oxyde_api_chinook_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        if (db.kind() == DatabaseKind.SQLITE) {
            try {
                java.nio.file.Path file = java.nio.file.Files.createTempFile(name, ".db");
                file.toFile().deleteOnExit();
                jdbc = "jdbc:sqlite:" + file;
                url = "sqlite:" + file;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            Matcher m = NAME.matcher(db.oxydeUrl());
            if (!m.find()) {
                throw new IllegalStateException("unexpected test database URL " + db.oxydeUrl());
            }
            String own = m.group();
            jdbc = db.jdbcUrl().replace(own, name);
            url = db.oxydeUrl().replace(own, name);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute(db.kind() == DatabaseKind.POSTGRES ? "CREATE SCHEMA " + name
                        : "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            String user = db.user();
            String password = db.password();
            DatabaseKind kind = db.kind();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement s = c.createStatement()) {
                    s.execute(kind == DatabaseKind.POSTGRES ? "DROP SCHEMA " + name + " CASCADE" : "DROP DATABASE " + name);
                } catch (SQLException e) {
                    System.err.println("could not drop " + name + ": " + e);
                }
            }));
        }
        try (Connection c = connect(jdbc, db)) {
            ChinookSchema.create(c, db.kind());
        }
        Oxyde oxyde = Oxyde.connect("chinook_" + db.kind().name().toLowerCase(java.util.Locale.ROOT), url);
        load(oxyde, ChinookData.MODELS);
        try (Connection c = connect(jdbc, db)) {
            ChinookSchema.resetSequences(c, db.kind());
        }
        SHARED.put(db.kind(), oxyde);
        return oxyde;
    }

    private static Connection connect(String jdbc, TestDatabase db) throws SQLException {
        return db.kind() == DatabaseKind.SQLITE ? DriverManager.getConnection(jdbc)
                : DriverManager.getConnection(jdbc, db.user(), db.password());
    }

    /** The Chinook schema in the test's own database, holding the data of {@code models} (in FK order). */
    public static Oxyde fresh(TestDatabase db, List<Class<?>> models) throws SQLException {
        try (Connection c = db.connect()) {
            ChinookSchema.create(c, db.kind());
        }
        Oxyde oxyde = Oxyde.connect("t" + POOLS.incrementAndGet() + "_" + db.kind().name().toLowerCase(java.util.Locale.ROOT),
                db.oxydeUrl());
        load(oxyde, models);
        try (Connection c = db.connect()) {
            ChinookSchema.resetSequences(c, db.kind());
        }
        return oxyde;
    }

    /** Artists, genres, media types, albums and the tracks of albums 1–20, in the test's own database. */
    public static Oxyde freshMusic(TestDatabase db) throws SQLException {
        Oxyde oxyde = fresh(db, List.of(io.oxyde.chinook.Artist.class, io.oxyde.chinook.Genre.class,
                io.oxyde.chinook.MediaType.class, io.oxyde.chinook.Album.class));
        Oxyde.await(oxyde.objects(io.oxyde.chinook.Track.class).bulkCreate(SMALL_TRACKS));
        try (Connection c = db.connect()) {
            ChinookSchema.resetSequences(c, db.kind());
        }
        return oxyde;
    }

    /** The tracks {@link #freshMusic} loads. */
    static final List<io.oxyde.chinook.Track> SMALL_TRACKS = DATA.rows(io.oxyde.chinook.Track.class).stream()
            .filter(t -> (Long) t.album().id() <= 20).toList();

    /** Artists, genres, media types, albums and tracks: enough for most write tests. */
    static final List<Class<?>> MUSIC = List.of(io.oxyde.chinook.Artist.class, io.oxyde.chinook.Genre.class,
            io.oxyde.chinook.MediaType.class, io.oxyde.chinook.Album.class, io.oxyde.chinook.Track.class);

    private static void load(Oxyde oxyde, List<Class<?>> models) {
        for (Class<?> model : models) {
            loadOne(oxyde, model);
        }
    }

    private static <T> void loadOne(Oxyde oxyde, Class<T> model) {
        Oxyde.await(oxyde.objects(model).bulkCreate(DATA.rows(model), 1000));
    }
}
