package io.oxyde.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Running the database servers' own programs for the scale-out test servers: as the service
 * user when the tests run as root (PostgreSQL and pgbouncer refuse to run as root), free
 * loopback ports, waiting for a port, and removing data directories.
 */
public final class LocalProcesses {

    private LocalProcesses() {
    }

    /** Whether this JVM runs as root (uid 0). */
    public static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return out.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code command} run as {@code user} when this JVM is root (via runuser), else as is. */
    public static List<String> as(String user, List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.add("runuser");
            full.add("-u");
            full.add(user);
            full.add("--");
        }
        full.addAll(command);
        return full;
    }

    /**
     * Runs a command to its end; fails with its output when it exits non-zero or outlasts
     * {@code timeout}.
     */
    public static String run(Duration timeout, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", command));
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("exit " + p.exitValue() + " from " + String.join(" ", command)
                        + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Free TCP ports on 127.0.0.1 (free when asked; the caller binds them soon after). */
    public static int[] freePorts(int n) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a probe socket
                }
            }
        }
    }

    /** Whether something accepts TCP connections on 127.0.0.1:{@code port}. */
    public static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until {@code port} accepts connections; fails after {@code timeout}. */
    public static void awaitListening(int port, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!listening(port)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(what + " did not listen on 127.0.0.1:" + port + " within " + timeout);
            }
            sleep(50);
        }
    }

    /** A temporary directory owned by {@code user} (when running as root). */
    public static Path tempDir(String prefix, String user) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            if (isRoot()) {
                run(Duration.ofSeconds(10), List.of("chown", user, dir.toString()));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a text file, owned by {@code user} when running as root. */
    public static void write(Path file, String text, String user) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            if (isRoot()) {
                run(Duration.ofSeconds(10), List.of("chown", user, file.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends to a text file. */
    public static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tail of a log file, for error messages. */
    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    /** Deletes a directory tree, ignoring what is already gone. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir) || System.getenv("OXYDE_KEEP_SERVER_FILES") != null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a server may still be writing its last log line
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Sends SIGTERM (then SIGKILL after {@code grace}) to a process by pid. */
    public static void terminate(long pid, Duration grace) {
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroy();
            try {
                h.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        });
    }

    /** Sleeps, keeping the interrupt flag. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
