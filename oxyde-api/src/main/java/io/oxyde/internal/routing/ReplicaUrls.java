package io.oxyde.internal.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * The URL form of replicas: {@code postgresql://user@primary:5432/app?replicas=r1:5432,r2:5433}.
 * The {@code replicas} parameter lists {@code host[:port]} pairs; each replica URL is the primary's
 * with its host and port replaced (same scheme, credentials, database and other parameters).
 */
public final class ReplicaUrls {

    /** A URL split into the primary's and the replicas'. */
    public record Split(String primary, List<String> replicas) {
    }

    private ReplicaUrls() {
    }

    /** Splits {@code url}, or returns {@code null} when it has no {@code replicas} parameter. */
    public static Split split(String url) {
        if (url == null || url.startsWith("jdbc:") || url.startsWith("sqlite:")) {
            return null;
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        String base = url.substring(0, q);
        List<String> kept = new ArrayList<>();
        String hosts = null;
        for (String p : url.substring(q + 1).split("&")) {
            if (p.startsWith("replicas=")) {
                hosts = p.substring("replicas=".length());
            } else if (!p.isEmpty()) {
                kept.add(p);
            }
        }
        if (hosts == null) {
            return null;
        }
        String query = kept.isEmpty() ? "" : "?" + String.join("&", kept);
        int schemeEnd = base.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("replicas= needs a scheme://host URL");
        }
        int authorityStart = schemeEnd + 3;
        int slash = base.indexOf('/', authorityStart);
        String authority = slash < 0 ? base.substring(authorityStart) : base.substring(authorityStart, slash);
        String path = slash < 0 ? "" : base.substring(slash);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
        String prefix = base.substring(0, authorityStart) + userInfo;
        List<String> replicas = new ArrayList<>();
        for (String h : hosts.split(",")) {
            String hostPort = h.trim();
            if (hostPort.isEmpty() || !hostPort.matches("[A-Za-z0-9._%\\[\\]:-]+")) {
                throw new IllegalArgumentException("invalid replica host '" + hostPort + "' in replicas=");
            }
            replicas.add(prefix + hostPort + path + query);
        }
        return new Split(base + query, replicas);
    }
}
