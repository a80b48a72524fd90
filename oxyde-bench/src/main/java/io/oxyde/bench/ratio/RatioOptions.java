package io.oxyde.bench.ratio;

import io.oxyde.bench.Operations;
import io.oxyde.bench.variant.Variants;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one ratio run measures, from the command line:
 * {@code --db sqlite|postgres|mariadb} (required), {@code --ops a,b} and {@code --variants a,b}
 * (default: all, in report order), {@code --rounds} (15), {@code --warmup} rounds (3),
 * {@code --block-ms} per variant per operation (200) and {@code --out} (a Markdown file; default
 * standard output only). The defaults make a full run of one database take
 * 19 operations x 6 variants x 18 rounds x 200 ms = 7 minutes of blocks, 7–8 with the set-up.
 */
public record RatioOptions(String db, List<String> operations, List<String> variants, int rounds, int warmupRounds,
                           int blockMillis, Path out) {

    static final String USAGE = "usage: RatioMain --db sqlite|postgres|mariadb [--ops a,b] [--variants a,b]"
            + " [--rounds 15] [--warmup 3] [--block-ms 200] [--out file.md]";

    public RatioOptions {
        Operations.named(operations);
        for (String v : variants) {
            if (!Variants.ALL.contains(v)) {
                throw new IllegalArgumentException("unknown variant '" + v + "', expected some of " + Variants.ALL);
            }
        }
        if (rounds < 1 || warmupRounds < 0 || blockMillis < 1) {
            throw new IllegalArgumentException("--rounds and --block-ms must be at least 1, --warmup at least 0");
        }
        operations = List.copyOf(operations);
        variants = List.copyOf(variants);
    }

    /** Parses {@code --name value} pairs; an unknown name, a missing value or a missing {@code --db} is an error. */
    public static RatioOptions parse(String... args) {
        String db = null;
        List<String> ops = List.copyOf(Operations.ALL.keySet());
        List<String> variants = Variants.ALL;
        int rounds = 15;
        int warmup = 3;
        int blockMs = 200;
        Path out = null;
        for (int k = 0; k < args.length; k += 2) {
            if (k + 1 == args.length) {
                throw new IllegalArgumentException(args[k] + " needs a value; " + USAGE);
            }
            String value = args[k + 1];
            switch (args[k]) {
                case "--db" -> db = value;
                case "--ops" -> ops = list(value);
                case "--variants" -> variants = list(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--block-ms" -> blockMs = Integer.parseInt(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[k] + "; " + USAGE);
            }
        }
        if (db == null) {
            throw new IllegalArgumentException(USAGE);
        }
        return new RatioOptions(db, ops, variants, rounds, warmup, blockMs, out);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.asList(commaSeparated.split(","));
    }
}
