package io.oxyde;

import io.oxyde.driver.internal.NotifyChecks;
import io.oxyde.internal.ir.Target;
import io.oxyde.notify.ListenOptions;
import io.oxyde.notify.Notification;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** LISTEN / NOTIFY for {@link Oxyde} and {@link Tx}: checks, then the driver's listener or one pg_notify call. */
final class Notifications {

    private Notifications() {
    }

    static Flow.Publisher<Notification> listen(Target target, String channel, ListenOptions options) {
        NotifyChecks.requirePostgres(target.dialect());
        return target.driver().listen(target.pool(), channel, options);
    }

    /** {@code SELECT pg_notify(?, ?)}: channel and payload are bind values, never SQL text. */
    static CompletableFuture<Void> notify(Target target, String channel, String payload) {
        try {
            NotifyChecks.requirePostgres(target.dialect());
            NotifyChecks.validateChannel(channel, target.pool());
            String checked = NotifyChecks.validatePayload(payload, target.pool());
            return RawQuery.of(target, "SELECT pg_notify(?, ?)", channel, checked).all().thenApply(rows -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
