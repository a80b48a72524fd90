package io.oxyde.bench.ratio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load averages over 1, 5 and 15 minutes from {@code /proc/loadavg}: printed with
 * every ratio run, since on a shared machine they say how much the run's neighbours took.
 */
final class MachineLoad {

    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private MachineLoad() {
    }

    /** The three load averages, e.g. {@code "1.52 0.98 0.71"}, or {@code "unknown"} off Linux. */
    static String now() {
        try {
            String[] fields = Files.readString(LOADAVG).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }
}
