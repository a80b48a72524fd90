package io.oxyde.testkit;

import io.oxyde.testkit.internal.LocalProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A MariaDB Galera cluster of the tests' own: {@code nodes} {@code mariadbd} processes with data
 * directories and loopback ports of their own (never the machine's main MariaDB), the first
 * bootstrapping the cluster, the others joining by rsync state transfer. Sized to start in
 * seconds (small buffer pool and redo log, no fsync on commit). {@link #close()} stops them and
 * deletes their files.
 *
 * <p>Needs {@code mariadbd}, {@code mariadb-install-db}, the galera-4 provider
 * ({@code /usr/lib/galera/libgalera_smm.so}, or {@code OXYDE_GALERA_PROVIDER}) and rsync; when
 * the tests run as root, the servers run as the {@code mysql} user.
 */
public final class GaleraCluster implements AutoCloseable {

    private static final String USER = "mysql";
    private static final Duration START = Duration.ofSeconds(90);

    private final Path dir;
    private final int[] sqlPorts;
    private final List<Process> processes = new ArrayList<>();

    private GaleraCluster(Path dir, int[] sqlPorts) {
        this.dir = dir;
        this.sqlPorts = sqlPorts;
    }

    /**
     * Starts a cluster of {@code nodes} nodes and waits until every node is synced, then creates
     * the database {@code test}.
     *
     * @throws IllegalStateException with the node's log when a node cannot start or join
     */
    public static GaleraCluster start(int nodes) {
        String provider = provider();
        Path dir = LocalProcesses.tempDir("oxyde-galera-", USER);
        int[] ports = LocalProcesses.freePorts(nodes * 4);
        int[] sql = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            sql[i] = ports[i * 4];
        }
        GaleraCluster c = new GaleraCluster(dir, sql);
        try {
            StringBuilder address = new StringBuilder("gcomm://");
            for (int i = 0; i < nodes; i++) {
                address.append(i == 0 ? "" : ",").append("127.0.0.1:").append(ports[i * 4 + 1]);
            }
            for (int i = 0; i < nodes; i++) {
                c.configure(i, provider, address.toString(), ports[i * 4], ports[i * 4 + 1], ports[i * 4 + 2],
                        ports[i * 4 + 3]);
            }
            LocalProcesses.run(Duration.ofSeconds(120), List.of("mariadb-install-db", "--no-defaults",
                    "--datadir=" + c.node(0).resolve("data"), "--auth-root-authentication-method=normal",
                    "--skip-test-db", LocalProcesses.isRoot() ? "--user=" + USER : "--user=" + System.getProperty("user.name")));
            for (int i = 0; i < nodes; i++) {
                c.launch(i, i == 0);
                c.awaitSynced(i, i + 1);
            }
            try (Connection con = c.connect(0, ""); Statement s = con.createStatement()) {
                s.execute("CREATE DATABASE IF NOT EXISTS test");
            }
            for (int i = 0; i < nodes; i++) {
                c.awaitDatabase(i);
            }
            return c;
        } catch (RuntimeException | SQLException e) {
            c.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    private Path node(int i) {
        return dir.resolve("n" + (i + 1));
    }

    private void configure(int i, String provider, String clusterAddress, int sqlPort, int gcommPort, int istPort,
                           int sstPort) {
        Path n = node(i);
        try {
            Files.createDirectories(n.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String cnf = "[mariadbd]\n"
                + "datadir=" + n.resolve("data") + "\n"
                + "socket=" + n.resolve("mysql.sock") + "\n"
                + "pid-file=" + n.resolve("mariadbd.pid") + "\n"
                + "log-error=" + n.resolve("error.log") + "\n"
                + "port=" + sqlPort + "\n"
                + "bind-address=127.0.0.1\n"
                + (LocalProcesses.isRoot() ? "user=" + USER + "\n" : "")
                + "skip-name-resolve\n"
                + "binlog_format=ROW\n"
                + "default_storage_engine=InnoDB\n"
                + "innodb_autoinc_lock_mode=2\n"
                + "innodb_buffer_pool_size=32M\n"
                + "innodb_log_file_size=16M\n"
                + "innodb_flush_log_at_trx_commit=0\n"
                + "wsrep_on=ON\n"
                + "wsrep_provider=" + provider + "\n"
                + "wsrep_cluster_name=oxyde_test_" + sqlPorts[0] + "\n"
                + "wsrep_cluster_address=" + clusterAddress + "\n"
                + "wsrep_node_address=127.0.0.1:" + gcommPort + "\n"
                + "wsrep_node_name=n" + (i + 1) + "\n"
                + "wsrep_provider_options=\"gmcast.listen_addr=tcp://127.0.0.1:" + gcommPort
                + ";ist.recv_addr=127.0.0.1:" + istPort + ";gcache.size=16M\"\n"
                + "wsrep_sst_method=rsync\n"
                + "wsrep_sst_receive_address=127.0.0.1:" + sstPort + "\n"
                + "wsrep_slave_threads=2\n";
        LocalProcesses.write(n.resolve("my.cnf"), cnf, USER);
        if (LocalProcesses.isRoot()) {
            LocalProcesses.run(Duration.ofSeconds(10), List.of("chown", "-R", USER, n.toString()));
        }
    }

    private void launch(int i, boolean bootstrap) {
        List<String> cmd = new ArrayList<>(List.of("mariadbd", "--defaults-file=" + node(i).resolve("my.cnf")));
        if (bootstrap) {
            cmd.add("--wsrep-new-cluster");
        }
        try {
            processes.add(new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(node(i).resolve("stdout.log").toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mariadbd", e);
        }
    }

    private void awaitSynced(int i, int clusterSize) {
        long end = System.nanoTime() + START.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            if (!processes.get(i).isAlive()) {
                break;
            }
            try (Connection c = connect(i, ""); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                         + " WHERE VARIABLE_NAME = 'WSREP_LOCAL_STATE_COMMENT'), (SELECT VARIABLE_VALUE FROM"
                         + " information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_CLUSTER_SIZE')")) {
                rs.next();
                last = rs.getString(1) + ", size " + rs.getString(2);
                if ("Synced".equals(rs.getString(1)) && Integer.parseInt(rs.getString(2)) >= clusterSize) {
                    return;
                }
            } catch (SQLException e) {
                last = e.getMessage();
            }
            LocalProcesses.sleep(100);
        }
        throw new IllegalStateException("Galera node n" + (i + 1) + " did not sync (" + last + "):\n"
                + LocalProcesses.tail(node(i).resolve("error.log"), 40));
    }

    private void awaitDatabase(int i) {
        long end = System.nanoTime() + START.toNanos();
        while (true) {
            try (Connection c = connect(i, "test")) {
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("database test did not reach node n" + (i + 1), e);
                }
            }
            LocalProcesses.sleep(50);
        }
    }

    /** How many nodes the cluster has. */
    public int size() {
        return sqlPorts.length;
    }

    /** The SQL port of node {@code i} (from 0) on 127.0.0.1. */
    public int port(int i) {
        return sqlPorts[i];
    }

    /** An Oxyde URL for the database {@code test} on node {@code i}. */
    public String url(int i) {
        return "mariadb://root@127.0.0.1:" + sqlPorts[i] + "/test";
    }

    /** A new JDBC connection to the database {@code test} on node {@code i}; the caller closes it. */
    public Connection connect(int i) throws SQLException {
        return connect(i, "test");
    }

    private Connection connect(int i, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + sqlPorts[i] + "/" + database
                + "?user=root&connectTimeout=2000&allowPublicKeyRetrieval=true&useSSL=false");
    }

    private static String provider() {
        String env = System.getenv("OXYDE_GALERA_PROVIDER");
        Path p = Path.of(env == null || env.isBlank() ? "/usr/lib/galera/libgalera_smm.so" : env);
        if (!Files.exists(p)) {
            throw new IllegalStateException("no Galera provider at " + p + " (Debian: apt-get install galera-4)");
        }
        return p.toString();
    }

    /** Stops every node (the joiners first) and deletes their files. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
        LocalProcesses.deleteTree(dir);
    }

    @Override
    public String toString() {
        return "GaleraCluster" + java.util.Arrays.toString(sqlPorts);
    }
}
