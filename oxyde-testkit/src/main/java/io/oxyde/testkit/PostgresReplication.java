package io.oxyde.testkit;

import io.oxyde.testkit.internal.LocalProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A PostgreSQL primary of the tests' own and a hot standby streaming from it, both on loopback
 * ports of their own, in a temporary directory, never the machine's main server. The primary is
 * created with {@code initdb}, the standby with {@code pg_basebackup -R}; replay can be paused
 * and resumed (deterministic lag), the standby promoted, stopped and started. {@link #close()}
 * stops both and deletes their files.
 *
 * <p>Needs the PostgreSQL server binaries ({@code /usr/lib/postgresql/<version>/bin}, or the
 * directory in {@code OXYDE_PG_BIN}); when the tests run as root, the servers run as the
 * {@code postgres} user.
 */
public final class PostgresReplication implements AutoCloseable {

    private static final String USER = "postgres";
    private static final Duration START = Duration.ofSeconds(60);

    private final Path bin;
    private final Path dir;
    private final int primaryPort;
    private final int standbyPort;
    private boolean standbyRunning;
    private boolean primaryRunning;

    private PostgresReplication(Path bin, Path dir, int primaryPort, int standbyPort) {
        this.bin = bin;
        this.dir = dir;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    /**
     * Creates and starts the primary and its standby, and waits until the standby streams.
     *
     * @throws IllegalStateException with the servers' log when either cannot start
     */
    public static PostgresReplication start() {
        Path bin = serverBinaries();
        Path dir = LocalProcesses.tempDir("oxyde-pg-replication-", USER);
        int[] ports = LocalProcesses.freePorts(2);
        PostgresReplication r = new PostgresReplication(bin, dir, ports[0], ports[1]);
        try {
            r.init();
            return r;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private void init() {
        Path primary = dir.resolve("primary");
        pg(Duration.ofSeconds(60), "initdb", "-D", primary.toString(), "-U", USER, "-A", "trust", "--no-sync",
                "-E", "UTF8", "--locale=C");
        LocalProcesses.append(primary.resolve("postgresql.conf"), "\n"
                + "listen_addresses = '127.0.0.1'\n"
                + "port = " + primaryPort + "\n"
                + "unix_socket_directories = '" + dir + "'\n"
                + "wal_level = replica\n"
                + "max_wal_senders = 5\n"
                + "hot_standby = on\n"
                + "fsync = off\n"
                + "full_page_writes = off\n"
                + "shared_buffers = 16MB\n"
                + "max_connections = 60\n"
                + "wal_receiver_status_interval = 1s\n");
        LocalProcesses.append(primary.resolve("pg_hba.conf"), "\nhost replication all 127.0.0.1/32 trust\n");
        startPrimary();
        sql(primaryPort, "CREATE DATABASE test");
        Path standby = dir.resolve("standby");
        pg(Duration.ofSeconds(60), "pg_basebackup", "-h", "127.0.0.1", "-p", Integer.toString(primaryPort), "-U", USER,
                "-D", standby.toString(), "-R", "-X", "stream", "--no-sync", "--checkpoint=fast");
        LocalProcesses.append(standby.resolve("postgresql.conf"), "\nport = " + standbyPort + "\n");
        startStandby();
        awaitStreaming();
    }

    /** The primary's port on 127.0.0.1. */
    public int primaryPort() {
        return primaryPort;
    }

    /** The standby's port on 127.0.0.1. */
    public int standbyPort() {
        return standbyPort;
    }

    /** An Oxyde URL for the database {@code test} on the primary. */
    public String primaryUrl() {
        return "postgresql://postgres@127.0.0.1:" + primaryPort + "/test";
    }

    /** An Oxyde URL for the database {@code test} on the standby. */
    public String standbyUrl() {
        return "postgresql://postgres@127.0.0.1:" + standbyPort + "/test";
    }

    /** A new JDBC connection to the database {@code test} on the primary; the caller closes it. */
    public Connection connectPrimary() throws SQLException {
        return connect(primaryPort);
    }

    /** A new JDBC connection to the database {@code test} on the standby; the caller closes it. */
    public Connection connectStandby() throws SQLException {
        return connect(standbyPort);
    }

    /** Pauses WAL replay on the standby: it keeps receiving but stops applying (deterministic lag). */
    public void pauseReplay() {
        sql(standbyPort, "SELECT pg_wal_replay_pause()");
        long end = System.nanoTime() + START.toNanos();
        while (!"paused".equals(scalar(standbyPort, "SELECT pg_get_wal_replay_pause_state()"))) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("replay did not pause");
            }
            LocalProcesses.sleep(20);
        }
    }

    /** Resumes WAL replay on the standby. */
    public void resumeReplay() {
        sql(standbyPort, "SELECT pg_wal_replay_resume()");
    }

    /** Waits until the standby has replayed everything the primary has written so far. */
    public void awaitReplayed() {
        String lsn = scalar(primaryPort, "SELECT pg_current_wal_lsn()::text");
        long end = System.nanoTime() + START.toNanos();
        while (!"t".equals(scalar(standbyPort, "SELECT (pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn)::text")
                .substring(0, 1))) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the standby did not replay " + lsn);
            }
            LocalProcesses.sleep(10);
        }
    }

    /**
     * Sets a server parameter in the standby's configuration file and reloads it (for example
     * {@code max_standby_streaming_delay = 0} to make recovery conflicts cancel queries at once).
     */
    public void setStandbyParameter(String name, String value) {
        LocalProcesses.append(dir.resolve("standby").resolve("postgresql.conf"), "\n" + name + " = " + value + "\n");
        pg(Duration.ofSeconds(30), "pg_ctl", "-D", dir.resolve("standby").toString(), "reload");
        LocalProcesses.sleep(200);
    }

    /** Promotes the standby to a primary and waits until it accepts writes. */
    public void promoteStandby() {
        pg(START, "pg_ctl", "-D", dir.resolve("standby").toString(), "-w", "promote");
    }

    /** Stops the standby (fast shutdown: its sessions end). */
    public void stopStandby() {
        if (standbyRunning) {
            pg(START, "pg_ctl", "-D", dir.resolve("standby").toString(), "-m", "fast", "-w", "stop");
            standbyRunning = false;
        }
    }

    /** Starts the standby again. */
    public void startStandby() {
        start("standby");
        standbyRunning = true;
    }

    /** Stops the primary (fast shutdown). */
    public void stopPrimary() {
        if (primaryRunning) {
            pg(START, "pg_ctl", "-D", dir.resolve("primary").toString(), "-m", "fast", "-w", "stop");
            primaryRunning = false;
        }
    }

    private void startPrimary() {
        start("primary");
        primaryRunning = true;
    }

    private void start(String node) {
        Path data = dir.resolve(node);
        Path log = dir.resolve(node + ".log");
        try {
            pg(START, "pg_ctl", "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60", "start");
        } catch (IllegalStateException e) {
            throw new IllegalStateException("PostgreSQL " + node + " did not start: " + e.getMessage() + "\n"
                    + LocalProcesses.tail(log, 30), e);
        }
    }

    private void awaitStreaming() {
        long end = System.nanoTime() + START.toNanos();
        while (!"1".equals(scalar(primaryPort, "SELECT count(*)::text FROM pg_stat_replication WHERE state = 'streaming'"))) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the standby did not start streaming:\n"
                        + LocalProcesses.tail(dir.resolve("standby.log"), 30));
            }
            LocalProcesses.sleep(20);
        }
    }

    private void pg(Duration timeout, String program, String... args) {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(bin.resolve(program).toString());
        cmd.addAll(List.of(args));
        LocalProcesses.run(timeout, LocalProcesses.as(USER, cmd));
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/test?user=" + USER);
    }

    private static void sql(int port, String sql) {
        String db = sql.startsWith("CREATE DATABASE") ? "postgres" : "test";
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + db + "?user=" + USER);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("on port " + port + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    private static String scalar(int port, String sql) {
        try (Connection c = connect(port); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return String.valueOf(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("on port " + port + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The PostgreSQL server binaries: {@code OXYDE_PG_BIN}, or the newest under /usr/lib/postgresql. */
    static Path serverBinaries() {
        String env = System.getenv("OXYDE_PG_BIN");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path root = Path.of("/usr/lib/postgresql");
        try (var versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(java.util.Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries under " + root));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no PostgreSQL server binaries under " + root
                    + " (set OXYDE_PG_BIN)", e);
        }
    }

    /** Stops both servers (immediately) and deletes their files. */
    @Override
    public void close() {
        for (String node : List.of("standby", "primary")) {
            if (Files.exists(dir.resolve(node).resolve("postmaster.pid"))) {
                try {
                    pg(START, "pg_ctl", "-D", dir.resolve(node).toString(), "-m", "immediate", "-w", "stop");
                } catch (RuntimeException ignored) {
                    // already stopped
                }
            }
        }
        standbyRunning = false;
        primaryRunning = false;
        LocalProcesses.deleteTree(dir);
    }

    @Override
    public String toString() {
        return "PostgresReplication[primary 127.0.0.1:" + primaryPort + ", standby 127.0.0.1:" + standbyPort + "]";
    }
}
