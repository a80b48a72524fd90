package io.oxyde.bench.ratio;

/** One block: how many times one variant ran one operation, and the wall and process CPU time it took. */
public record Sample(long ops, long wallNanos, long cpuNanos) {
}
