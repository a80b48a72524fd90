package io.oxyde.bench.ratio;

import io.oxyde.bench.Operation;
import io.oxyde.bench.variant.Variant;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs one operation on one variant over and over for one block of time and measures the wall
 * time and the process CPU time
 * ({@link com.sun.management.OperatingSystemMXBean#getProcessCpuTime}) it took.
 *
 * <p>That CPU clock advances in steps (10 ms on Linux, where it comes from {@code times(2)}): read
 * at arbitrary moments it would be off by up to a step, 5 % of a 200 ms block. So a block starts
 * right after the clock steps, and after its deadline keeps running the operation until the
 * clock steps again: both readings sit just past a step, and the block's CPU time is exact but
 * for a part of the last operation. A block therefore runs at least two operations and lasts up
 * to one step (plus one operation) longer than asked; the clock reads after the deadline (about
 * 2 µs each) add under 1 % to a 200 ms block even of the fastest operation.
 */
final class BlockTimer {

    private final long blockNanos;
    private final com.sun.management.OperatingSystemMXBean os;

    BlockTimer(long blockMillis) {
        this.blockNanos = TimeUnit.MILLISECONDS.toNanos(blockMillis);
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean)
                || bean.getProcessCpuTime() < 0) {
            throw new IllegalStateException("this JVM does not report the process CPU time");
        }
        this.os = bean;
    }

    /** One block of {@code op} on {@code v}, with the inputs {@code firstInput}, {@code firstInput + 1}, .... */
    Sample run(Variant v, Operation op, long firstInput) {
        long cpuStart = nextStep();
        long start = System.nanoTime();
        long deadline = start + blockNanos;
        long ops = 0;
        do {
            op.run(v, firstInput + ops++);
        } while (System.nanoTime() - deadline < 0);
        long cpuAtDeadline = os.getProcessCpuTime();
        long cpuEnd;
        do {
            op.run(v, firstInput + ops++);
            cpuEnd = os.getProcessCpuTime();
        } while (cpuEnd == cpuAtDeadline);
        return new Sample(ops, System.nanoTime() - start, cpuEnd - cpuStart);
    }

    /** Waits (spinning, outside any block) for the process CPU clock to step, and returns its new reading. */
    private long nextStep() {
        long before = os.getProcessCpuTime();
        long now;
        do {
            now = os.getProcessCpuTime();
        } while (now == before);
        return now;
    }
}
