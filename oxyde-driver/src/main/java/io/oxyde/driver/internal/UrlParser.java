package io.oxyde.driver.internal;

import io.oxyde.exception.ConfigurationException;
import io.oxyde.driver.DatabaseUrl;
import io.oxyde.dialect.Dialect;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Oxyde-style database URLs into {@link DatabaseUrl}s. Hand-written rather than
 * {@link java.net.URI} so that a password with unescaped reserved characters still parses,
 * and so that no error message ever carries the password.
 */
public final class UrlParser {

    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("(?i)(password|passwd|pwd)=([^&;]*)");

    private UrlParser() {
    }

    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("url", "the database URL is empty");
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:")) {
            return parseJdbc(trimmed, lower);
        }
        if (lower.startsWith("sqlite:")) {
            return parseSqlite(trimmed);
        }
        int sep = trimmed.indexOf("://");
        if (sep <= 0) {
            throw new ConfigurationException("scheme", "database URL " + redact(trimmed)
                    + " has no scheme; expected postgresql://, postgres://, mysql://, mariadb://, sqlite: or jdbc:");
        }
        String scheme = lower.substring(0, sep);
        return switch (scheme) {
            case "postgresql", "postgres" -> parseServer(trimmed, sep + 3, Dialect.POSTGRES, "jdbc:postgresql://", 5432);
            case "mysql" -> parseServer(trimmed, sep + 3, Dialect.MYSQL, "jdbc:mysql://", 3306);
            case "mariadb" -> parseServer(trimmed, sep + 3, Dialect.MARIADB, "jdbc:mysql://", 3306);
            default -> throw new ConfigurationException("scheme", "unsupported scheme '" + scheme + "' in database URL "
                    + redact(trimmed) + "; expected postgresql, postgres, mysql, mariadb, sqlite or jdbc");
        };
    }

    private static DatabaseUrl parseServer(String url, int start, Dialect dialect, String jdbcScheme, int defaultPort) {
        String rest = url.substring(start);
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                user = decode(userInfo.substring(0, colon), "user", url);
                password = decode(userInfo.substring(colon + 1), "password", url);
            } else {
                user = decode(userInfo, "user", url);
            }
            if (user.isEmpty()) {
                user = null;
            }
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String hostPort = slash >= 0 ? rest.substring(0, slash) : rest;
        String database = slash >= 0 ? rest.substring(slash + 1) : "";
        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new ConfigurationException("host", "unclosed '[' in the IPv6 host of database URL " + redact(url));
            }
            host = hostPort.substring(0, close + 1);
            String after = hostPort.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new ConfigurationException("host", "unexpected '" + after + "' after the IPv6 host of database URL "
                        + redact(url));
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            portText = colon >= 0 ? hostPort.substring(colon + 1) : null;
        }
        if (host.isEmpty()) {
            throw new ConfigurationException("host", "database URL " + redact(url) + " has no host");
        }
        if (!host.startsWith("[") && !host.matches("[A-Za-z0-9._%-]+")) {
            throw new ConfigurationException("host", "invalid host '" + host + "' in database URL " + redact(url));
        }
        int port = defaultPort;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new ConfigurationException("port", "port '" + portText + "' in database URL " + redact(url)
                        + " is not a number");
            }
            if (port < 1 || port > 65535) {
                throw new ConfigurationException("port", "port " + port + " in database URL " + redact(url)
                        + " is outside 1..65535");
            }
        }
        if (database.isEmpty()) {
            throw new ConfigurationException("database", "database URL " + redact(url)
                    + " names no database; add /<database> after the host");
        }
        if (database.contains("/")) {
            throw new ConfigurationException("database", "database name '" + database + "' in database URL "
                    + redact(url) + " contains '/'");
        }
        String jdbc = jdbcScheme + host + ":" + port + "/" + database + query;
        return new DatabaseUrl(dialect, jdbc, user, password, false);
    }

    private static DatabaseUrl parseSqlite(String url) {
        String path = url.substring("sqlite:".length());
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q);
            path = path.substring(0, q);
        }
        if (path.startsWith("//")) {
            // sqlite:///abs/path.db -> /abs/path.db ; sqlite://relative.db -> relative.db
            path = path.substring(2);
        }
        if (path.isEmpty()) {
            throw new ConfigurationException("database", "SQLite URL " + redact(url)
                    + " names no database file; use sqlite:path/to.db, sqlite:///abs/path.db or sqlite::memory:");
        }
        boolean memory = path.equals(":memory:") || path.startsWith("file::memory:");
        return new DatabaseUrl(Dialect.SQLITE, "jdbc:sqlite:" + path + query, null, null, memory);
    }

    private static DatabaseUrl parseJdbc(String url, String lower) {
        Dialect dialect;
        if (lower.startsWith("jdbc:postgresql:")) {
            dialect = Dialect.POSTGRES;
        } else if (lower.startsWith("jdbc:mysql:")) {
            dialect = Dialect.MYSQL;
        } else if (lower.startsWith("jdbc:mariadb:")) {
            dialect = Dialect.MARIADB;
        } else if (lower.startsWith("jdbc:sqlite:")) {
            String path = url.substring("jdbc:sqlite:".length());
            boolean memory = path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file::memory:");
            return new DatabaseUrl(Dialect.SQLITE, url, null, null, memory);
        } else {
            int colon = lower.indexOf(':', 5);
            String sub = colon > 5 ? lower.substring(5, colon) : lower.substring(5);
            throw new ConfigurationException("scheme", "unsupported scheme: JDBC subprotocol '" + sub + "' in " + redact(url)
                    + "; expected postgresql, mysql, mariadb or sqlite");
        }
        return new DatabaseUrl(dialect, url, null, null, false);
    }

    private static String decode(String s, String part, String url) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(part, "bad percent-encoding in the " + part + " of database URL "
                    + redact(url));
        }
    }

    /** Hides passwords in a URL: the userinfo password and any {@code password=} parameter. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String out = url;
        int sep = out.indexOf("://");
        int at = out.lastIndexOf('@');
        if (sep >= 0 && at > sep) {
            String userInfo = out.substring(sep + 3, at);
            int colon = userInfo.indexOf(':');
            String user = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
            out = out.substring(0, sep + 3) + user + (colon >= 0 ? ":***" : "") + out.substring(at);
        } else if (sep < 0 && at >= 0) {
            // no authority to parse (e.g. user:pass@host without a scheme): hide all before '@'
            out = "***" + out.substring(at);
        }
        Matcher m = PASSWORD_PARAM.matcher(out);
        out = m.replaceAll("$1=***");
        return out;
    }
}
