package io.oxyde.testkit;

import io.oxyde.testkit.internal.LocalProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A pgbouncer of the tests' own in <em>transaction</em> pooling mode (what managed PostgreSQL
 * services put in front of a database), on a free loopback port, in front of a PostgreSQL
 * server on 127.0.0.1. Each client transaction may run on any of the few server connections,
 * so session state, server-side prepared statements and session advisory locks do not survive
 * from one transaction to the next. {@link #close()} stops it and deletes its files.
 *
 * <p>Needs the {@code pgbouncer} program (Debian package {@code pgbouncer}); when the tests run
 * as root it runs as the {@code postgres} user.
 */
public final class PgBouncer implements AutoCloseable {

    private static final String USER = "postgres";

    private final Path dir;
    private final int port;
    private final Process process;

    private PgBouncer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts pgbouncer in transaction mode in front of {@code 127.0.0.1:serverPort} with
     * {@code serverConnections} server connections per database.
     *
     * @throws IllegalStateException with its log when it cannot start
     */
    public static PgBouncer start(int serverPort, int serverConnections) {
        String program = program();
        Path dir = LocalProcesses.tempDir("oxyde-pgbouncer-", USER);
        int port = LocalProcesses.freePorts(1)[0];
        Path ini = dir.resolve("pgbouncer.ini");
        Path log = dir.resolve("pgbouncer.log");
        LocalProcesses.write(dir.resolve("userlist.txt"), "\"postgres\" \"\"\n", USER);
        LocalProcesses.write(ini, "[databases]\n"
                + "* = host=127.0.0.1 port=" + serverPort + "\n"
                + "[pgbouncer]\n"
                + "listen_addr = 127.0.0.1\n"
                + "listen_port = " + port + "\n"
                + "unix_socket_dir =\n"
                + "auth_type = trust\n"
                + "auth_file = " + dir.resolve("userlist.txt") + "\n"
                + "pool_mode = transaction\n"
                + "default_pool_size = " + serverConnections + "\n"
                + "max_client_conn = 200\n"
                + "server_reset_query =\n"
                + "logfile = " + log + "\n"
                + "pidfile = " + dir.resolve("pgbouncer.pid") + "\n"
                + "ignore_startup_parameters = extra_float_digits,options,search_path\n", USER);
        Process p;
        try {
            p = new ProcessBuilder(LocalProcesses.as(USER, List.of(program, ini.toString())))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            LocalProcesses.deleteTree(dir);
            throw new UncheckedIOException("cannot start " + program, e);
        }
        PgBouncer b = new PgBouncer(dir, port, p);
        try {
            LocalProcesses.awaitListening(port, Duration.ofSeconds(30), "pgbouncer");
        } catch (IllegalStateException e) {
            String why = LocalProcesses.tail(log, 20) + "\n" + LocalProcesses.tail(dir.resolve("stdout.log"), 20);
            b.close();
            throw new IllegalStateException(e.getMessage() + "\n" + why, e);
        }
        return b;
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** An Oxyde URL for the database {@code database} through this pooler. */
    public String url(String database) {
        return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
    }

    private static String program() {
        for (String candidate : List.of("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("pgbouncer is not installed (Debian: apt-get install pgbouncer)");
    }

    /** Stops pgbouncer and deletes its files. */
    @Override
    public void close() {
        Path pidFile = dir.resolve("pgbouncer.pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                LocalProcesses.terminate(pid, Duration.ofSeconds(10));
            }
        } catch (IOException | NumberFormatException ignored) {
            // fall back to the launcher process below
        }
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LocalProcesses.deleteTree(dir);
    }

    @Override
    public String toString() {
        return "PgBouncer[127.0.0.1:" + port + ", transaction mode]";
    }
}
