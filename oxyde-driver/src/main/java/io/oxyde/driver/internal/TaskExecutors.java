package io.oxyde.driver.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the bounded executors that run blocking JDBC work: a fixed number of threads sized to
 * the pool and a bounded queue that rejects when full (never an unbounded backlog). On Java 21+
 * the threads are virtual (found by reflection, since the code is compiled for 17); otherwise
 * daemon platform threads.
 */
final class TaskExecutors {

    private static final MethodHandle VIRTUAL_FACTORY = findVirtualFactory();

    private TaskExecutors() {
    }

    /** Whether executors use virtual threads on this runtime. */
    public static boolean virtualThreads() {
        return VIRTUAL_FACTORY != null;
    }

    public static ThreadPoolExecutor bounded(String name, int threads, int queueCapacity) {
        BlockingQueue<Runnable> queue = queueCapacity == 0
                ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, queue,
                threadFactory(name), new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private static ThreadFactory threadFactory(String name) {
        if (VIRTUAL_FACTORY != null) {
            try {
                return (ThreadFactory) VIRTUAL_FACTORY.invoke(name + "-");
            } catch (Throwable e) {
                // fall through to platform threads
            }
        }
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static MethodHandle findVirtualFactory() {
        if (Runtime.version().feature() < 21) {
            return null;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builderClass = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtualClass = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtualClass));
            MethodHandle nameWithCounter = lookup.findVirtual(ofVirtualClass, "name",
                    MethodType.methodType(ofVirtualClass, String.class, long.class));
            MethodHandle factory = lookup.findVirtual(builderClass, "factory", MethodType.methodType(ThreadFactory.class));
            return MethodHandles.lookup().findStatic(TaskExecutors.class, "virtualFactory",
                            MethodType.methodType(ThreadFactory.class, MethodHandle.class, MethodHandle.class,
                                    MethodHandle.class, String.class))
                    .bindTo(ofVirtual).bindTo(nameWithCounter).bindTo(factory);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings("unused") // called through the method handle above
    private static ThreadFactory virtualFactory(MethodHandle ofVirtual, MethodHandle name, MethodHandle factory,
                                                String prefix) throws Throwable {
        Object builder = ofVirtual.invoke();
        builder = name.invoke(builder, prefix, 0L);
        return (ThreadFactory) factory.invoke(builder);
    }
}
