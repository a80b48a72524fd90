package io.oxyde.driver.internal;

import io.oxyde.dialect.Dialect;
import io.oxyde.exception.InvalidQueryException;
import io.oxyde.exception.UnsupportedFeatureException;
import java.nio.charset.StandardCharsets;

/**
 * The checks of LISTEN / NOTIFY that need no PostgreSQL driver (so callers on other dialects
 * never load pgjdbc classes): the dialect, the channel name, the payload, and the quoted LISTEN
 * statement.
 */
public final class NotifyChecks {

    private NotifyChecks() {
    }

    /** Refuses dialects without LISTEN/NOTIFY. */
    public static void requirePostgres(Dialect dialect) {
        if (dialect != Dialect.POSTGRES) {
            throw new UnsupportedFeatureException("LISTEN/NOTIFY", dialect,
                    "notifications are a PostgreSQL feature; poll a table or use a message broker on this database");
        }
    }

    /**
     * A channel name PostgreSQL accepts as given: 1 to 63 bytes of UTF-8 (longer names are
     * truncated by LISTEN but refused by pg_notify), no control characters. The LISTEN
     * statement quotes it, so case and any other character are kept exactly.
     */
    public static String validateChannel(String channel, String pool) {
        if (channel == null || channel.isEmpty()) {
            throw new InvalidQueryException("a notification channel needs a name", pool, null);
        }
        int bytes = channel.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > 63) {
            throw new InvalidQueryException("notification channel '" + channel + "' is " + bytes
                    + " bytes long; PostgreSQL allows at most 63", pool, null);
        }
        for (int i = 0; i < channel.length(); i++) {
            if (Character.isISOControl(channel.charAt(i))) {
                throw new InvalidQueryException("notification channel " + channel.codePoints().limit(40)
                        .collect(StringBuilder::new, (b, c) -> b.append(Character.isISOControl(c) ? "\\u" + Integer.toHexString(c) : Character.toString(c)), StringBuilder::append)
                        + " contains a control character", pool, null);
            }
        }
        return channel;
    }

    /** A payload pg_notify accepts: fewer than 8000 bytes of UTF-8 ({@code null} is the empty payload). */
    public static String validatePayload(String payload, String pool) {
        if (payload == null) {
            return "";
        }
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes >= 8000) {
            throw new InvalidQueryException("notification payload is " + bytes
                    + " bytes long; PostgreSQL allows fewer than 8000 (send a key and read the data from a table)", pool, null);
        }
        return payload;
    }

    /** The LISTEN statement: the channel as a quoted identifier. */
    public static String listenSql(String channel) {
        return "LISTEN \"" + channel.replace("\"", "\"\"") + "\"";
    }
}
