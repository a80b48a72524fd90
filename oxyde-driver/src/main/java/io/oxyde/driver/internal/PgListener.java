package io.oxyde.driver.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.NotificationOverflowException;
import io.oxyde.exception.OxydeException;
import io.oxyde.exception.UnsupportedFeatureException;
import io.oxyde.notify.ListenOptions;
import io.oxyde.notify.Notification;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTEN on PostgreSQL as a {@link Flow.Publisher}: every subscription owns one dedicated
 * connection and one daemon thread that LISTENs on it and polls pgjdbc's
 * {@link PGConnection#getNotifications(int)}.
 *
 * <p>The connection: for a pool Oxyde opened from a URL, a new connection outside the pool
 * (same URL, credentials and driver properties, {@code application_name} "oxyde listen
 * &lt;channel&gt;"), so listening never takes a connection from the queries; for an
 * application's DataSource, one connection borrowed from it for the life of the subscription
 * (Oxyde has no credentials of its own there), UNLISTENed before it is returned.
 *
 * <p>Signals: {@code onNext} runs on the thread that calls {@code request} or on a delivery
 * thread, never on the connection thread, and never two at once for one subscription.
 *
 * <p>Back-pressure: the thread keeps reading the connection whatever the demand (a session
 * that stops reading holds back the server's shared notification queue), into a bounded
 * buffer; {@code request(n)} releases buffered notifications; beyond the buffer the
 * {@link ListenOptions.Overflow} policy applies (fail with a counted exception, or drop and
 * deliver a counted marker).
 *
 * <p>A lost connection (error on poll or keepalive) is closed (evicted when borrowed), and the
 * thread reconnects with a doubling delay, LISTENs again and delivers a
 * {@link Notification.Kind#RECONNECTED} marker, for as long as the subscription lives.
 */
public final class PgListener implements Flow.Publisher<Notification> {

    private static final Logger LOG = LoggerFactory.getLogger("io.oxyde.notify");
    private static final int POLL_MILLIS = 250;
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Runs the subscribers' signals for the connection threads (at most one task per subscription at a time). */
    private static final ExecutorService DELIVERY = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "oxyde-notify-delivery-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final ManagedPool pool;
    private final String channel;
    private final ListenOptions options;

    public PgListener(ManagedPool pool, String channel, ListenOptions options) {
        this.pool = pool;
        this.channel = NotifyChecks.validateChannel(channel, pool.name());
        this.options = options == null ? ListenOptions.defaults() : options;
        NotifyChecks.requirePostgres(pool.dialect());
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Notification> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        Subscription s = new Subscription(subscriber);
        subscriber.onSubscribe(s);
        s.start();
    }

    /** One subscription: its connection thread, its buffer and its demand. */
    private final class Subscription implements Flow.Subscription, Runnable, AutoCloseable {

        private final Flow.Subscriber<? super Notification> subscriber;
        private final ArrayDeque<Notification> buffer = new ArrayDeque<>();
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        /** Notifications dropped since the last OVERFLOW marker (DROP_AND_MARK). */
        private long dropped;
        private volatile boolean cancelled;
        /** The terminal signal to deliver: an error, or COMPLETE. */
        private volatile Object terminal;
        private boolean done;
        private Thread thread;
        private volatile Connection connection;

        private final Object completeSignal = new Object();

        Subscription(Flow.Subscriber<? super Notification> subscriber) {
            this.subscriber = subscriber;
        }

        void start() {
            if (cancelled) {
                return;
            }
            if (!pool.addListener(this)) {
                terminate(completeSignal);
                return;
            }
            thread = new Thread(this, "oxyde-listen-" + pool.name() + "-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancelled = true;
                terminate(new IllegalArgumentException("request(" + n + "): Reactive Streams rule 3.9 requires n > 0"));
                return;
            }
            demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            stopThread();
        }

        /** The pool is closing: the subscription completes. */
        @Override
        public void close() {
            cancelled = true;
            stopThread();
            terminate(completeSignal);
        }

        private void stopThread() {
            Thread t = thread;
            if (t != null && t != Thread.currentThread()) {
                t.interrupt();
            }
        }

        private void terminate(Object signal) {
            if (terminal == null) {
                terminal = signal;
            }
            drain();
        }

        /** Called on the connection thread for each notification received. */
        private void offer(Notification n) {
            OxydeException overflow = null;
            synchronized (buffer) {
                if (buffer.size() < options.bufferSize()) {
                    if (dropped > 0) {
                        // room again: the marker goes where the notifications were lost, before this one
                        buffer.add(new Notification(channel, "", 0, Notification.Kind.OVERFLOW, dropped));
                        dropped = 0;
                    }
                    buffer.add(n);
                } else if (options.overflow() == ListenOptions.Overflow.DROP_AND_MARK) {
                    dropped++;
                } else {
                    overflow = new NotificationOverflowException(pool.name(), channel, options.bufferSize(),
                            buffer.size() + 1L);
                }
            }
            if (overflow != null) {
                LOG.warn("{}", overflow.getMessage());
                cancelled = true;
                if (terminal == null) {
                    terminal = overflow;
                }
            }
            drainAsync();
        }

        /**
         * Delivery from the connection thread goes through {@link #DELIVERY}: a subscriber's slow
         * {@code onNext} must never stop the connection from being read (that is what the
         * buffer and the overflow policy are for).
         */
        private void drainAsync() {
            DELIVERY.execute(this::drain);
        }

        /** Delivers buffered notifications against demand, then any terminal signal; one thread at a time. */
        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            while (true) {
                if (done) {
                    synchronized (buffer) {
                        buffer.clear();
                    }
                    return;
                }
                Object t = terminal;
                if (t instanceof Throwable error) {
                    done = true;
                    synchronized (buffer) {
                        buffer.clear();
                    }
                    subscriber.onError(error);
                    return;
                }
                while (demand.get() > 0 && !cancelled) {
                    Notification next;
                    synchronized (buffer) {
                        next = buffer.poll();
                        if (next == null && dropped > 0) {
                            next = new Notification(channel, "", 0, Notification.Kind.OVERFLOW, dropped);
                            dropped = 0;
                        }
                    }
                    if (next == null) {
                        break;
                    }
                    demand.decrementAndGet();
                    try {
                        subscriber.onNext(next);
                    } catch (Throwable e) {
                        cancelled = true;
                        stopThread();
                        done = true;
                        subscriber.onError(e);
                        return;
                    }
                }
                if (t == completeSignal) {
                    // the pool is closing: what is still buffered is not delivered (see docs/notifications.md)
                    done = true;
                    subscriber.onComplete();
                    return;
                }
                missed = wip.addAndGet(-missed);
                if (missed == 0) {
                    return;
                }
            }
        }

        // ---- the connection thread ---------------------------------------------------------

        @Override
        public void run() {
            long delay = options.reconnectDelay().toMillis();
            boolean lost = false;
            try {
                while (!cancelled) {
                    try {
                        listenOnce(lost);
                        return; // cancelled
                    } catch (SQLException | RuntimeException e) {
                        if (cancelled) {
                            return;
                        }
                        LOG.warn("LISTEN connection for channel '{}' of pool '{}' lost ({}); reconnecting in {} ms",
                                channel, pool.name(), e.getMessage(), delay);
                        discard(true);
                        lost = true;
                        try {
                            TimeUnit.MILLISECONDS.sleep(delay);
                        } catch (InterruptedException ie) {
                            return;
                        }
                        delay = Math.min(delay * 2, options.maxReconnectDelay().toMillis());
                    }
                }
            } finally {
                discard(false);
                pool.removeListener(this);
            }
        }

        /** Opens a connection, LISTENs and polls until cancelled (returns) or the connection fails (throws). */
        private void listenOnce(boolean reconnected) throws SQLException {
            Connection c = open();
            connection = c;
            if (cancelled) {
                return;
            }
            PGConnection pg = c.unwrap(PGConnection.class);
            try (Statement st = c.createStatement()) {
                st.execute(NotifyChecks.listenSql(channel));
            }
            LOG.debug("LISTEN {} on pool '{}'", channel, pool.name());
            if (reconnected) {
                offer(new Notification(channel, "", 0, Notification.Kind.RECONNECTED, -1));
            }
            long keepaliveNanos = options.keepalive().toNanos();
            long lastHeard = System.nanoTime();
            while (!cancelled) {
                PGNotification[] got = pg.getNotifications(POLL_MILLIS);
                if (Thread.interrupted() && cancelled) {
                    return;
                }
                if (got != null && got.length > 0) {
                    lastHeard = System.nanoTime();
                    for (PGNotification n : got) {
                        if (cancelled) {
                            return;
                        }
                        offer(Notification.message(n.getName(), n.getParameter(), n.getPID()));
                    }
                } else if (System.nanoTime() - lastHeard > keepaliveNanos) {
                    try (Statement st = c.createStatement()) {
                        st.execute("SELECT 1");
                    }
                    lastHeard = System.nanoTime();
                }
            }
        }

        private Connection open() throws SQLException {
            PoolConnections pc = pool.dataSource();
            if (pc.owned()) {
                HikariDataSource h = pc.hikari();
                Properties p = new Properties();
                p.putAll(h.getDataSourceProperties());
                if (h.getUsername() != null) {
                    p.setProperty("user", h.getUsername());
                }
                if (h.getPassword() != null) {
                    p.setProperty("password", h.getPassword());
                }
                String app = "oxyde listen " + channel;
                p.setProperty("ApplicationName", app.length() > 63 ? app.substring(0, 63) : app);
                Connection c = new org.postgresql.Driver().connect(h.getJdbcUrl(), p);
                if (c == null) {
                    throw new SQLException("pgjdbc does not accept the URL " + UrlParser.redact(h.getJdbcUrl()), "08001");
                }
                return c;
            }
            Connection c = pc.getConnection();
            if (!c.isWrapperFor(PGConnection.class)) {
                pc.evictConnection(c);
                throw new UnsupportedFeatureException("LISTEN/NOTIFY", Dialect.POSTGRES,
                        "the DataSource's connections are not pgjdbc connections");
            }
            return c;
        }

        /** Closes the connection: a borrowed one is evicted when broken, else UNLISTENed and returned. */
        private void discard(boolean broken) {
            Connection c = connection;
            connection = null;
            if (c == null) {
                return;
            }
            PoolConnections pc = pool.dataSource();
            if (!pc.owned() && broken) {
                pc.evictConnection(c);
                return;
            }
            try {
                if (!pc.owned()) {
                    Thread.interrupted(); // a pending interrupt must not break the UNLISTEN
                    try (Statement st = c.createStatement()) {
                        st.execute("UNLISTEN *");
                    }
                }
                c.close();
            } catch (SQLException | RuntimeException e) {
                if (!pc.owned()) {
                    pc.evictConnection(c);
                } else {
                    try {
                        c.close();
                    } catch (SQLException | RuntimeException ignored) {
                        // already gone
                    }
                }
            }
        }
    }
}
