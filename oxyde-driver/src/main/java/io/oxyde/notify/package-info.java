/**
 * PostgreSQL LISTEN/NOTIFY: the {@link io.oxyde.notify.Notification} a listener receives and
 * the {@link io.oxyde.notify.ListenOptions} of a subscription (buffer size, what happens when a
 * subscriber falls behind, reconnection). The entry points are {@code Oxyde.listen} /
 * {@code Oxyde.notify} in the API and {@code OxydeDriver.listen} / {@code OxydeDriver.notify};
 * see {@code docs/notifications.md}.
 */
package io.oxyde.notify;
