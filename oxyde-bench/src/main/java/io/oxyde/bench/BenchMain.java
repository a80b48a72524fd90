package io.oxyde.bench;

/**
 * Entry point of {@code benchmarks.jar}: runs JMH with the given options, e.g.
 * {@code java -jar oxyde-bench/target/benchmarks.jar Codec -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}.
 * A thin wrapper so the jar has a stable main class of our own that later benchmarks can
 * extend with defaults.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
