package io.oxyde.scaleout;

import io.oxyde.testkit.GaleraCluster;
import io.oxyde.testkit.PgBouncer;
import io.oxyde.testkit.PostgresReplication;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The scale-out test servers, started once per test run on first use and stopped at its end
 * (JUnit's root store closes them): a PostgreSQL primary with a hot standby, pgbouncer in
 * transaction mode in front of that primary, a three-node Galera cluster. Tests that change
 * the topology itself (promotion) start their own {@link PostgresReplication}. A server that
 * cannot start fails the test: there is no skip.
 */
final class Servers implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Servers.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        Class<?> t = p.getParameter().getType();
        return t == PostgresReplication.class || t == PgBouncer.class || t == GaleraCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        Class<?> t = p.getParameter().getType();
        if (t == PostgresReplication.class) {
            return replication(c);
        }
        if (t == PgBouncer.class) {
            PostgresReplication pg = replication(c);
            return shared(c, PgBouncer.class, () -> PgBouncer.start(pg.primaryPort(), 2));
        }
        return shared(c, GaleraCluster.class, () -> GaleraCluster.start(3));
    }

    private static PostgresReplication replication(ExtensionContext c) {
        return shared(c, PostgresReplication.class, PostgresReplication::start);
    }

    private static <T extends AutoCloseable> T shared(ExtensionContext c, Class<T> type, Supplier<T> start) {
        Held<?> held = c.getRoot().getStore(NS).getOrComputeIfAbsent(type, k -> {
            long t0 = System.nanoTime();
            T server = start.get();
            System.out.printf("[scale-out] started %s in %d ms%n", server, (System.nanoTime() - t0) / 1_000_000);
            return new Held<>(server);
        }, Held.class);
        return type.cast(held.server);
    }

    /** A server closed with the root store. */
    private static final class Held<T extends AutoCloseable> implements ExtensionContext.Store.CloseableResource {
        final T server;

        Held(T server) {
            this.server = server;
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }
}
