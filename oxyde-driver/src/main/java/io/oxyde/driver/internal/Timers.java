package io.oxyde.driver.internal;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * One shared daemon timer thread for statement timeouts and the transaction reaper. Timer
 * tasks only flag and cancel; they never run JDBC work that can block for long.
 */
final class Timers {

    private static final ScheduledThreadPoolExecutor TIMER = create();

    private Timers() {
    }

    public static ScheduledThreadPoolExecutor timer() {
        return TIMER;
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "oxyde-timer");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }
}
