package io.oxyde.driver;

import io.oxyde.driver.internal.UrlParser;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.ConfigurationException;

/**
 * A database location as Oxyde users write it, parsed into what JDBC needs: the dialect, the
 * JDBC URL and the credentials kept apart from it.
 *
 * <p>Accepted forms: {@code postgresql://user:pass@host:port/db?params} (also
 * {@code postgres://}), {@code mysql://…}, {@code mariadb://…} (both through MySQL
 * Connector/J), {@code sqlite:relative/path.db}, {@code sqlite:///absolute/path.db},
 * {@code sqlite::memory:}, and any plain {@code jdbc:} URL. Percent-encode special characters
 * in user names and passwords. {@link #toString()} and every parse error hide the password.
 *
 * @param dialect the SQL dialect ({@code MYSQL} may become {@code MARIADB} once the pool sees
 *     the server)
 * @param jdbcUrl the JDBC URL, without credentials when they were given in the authority part
 * @param user the user name, or {@code null}
 * @param password the password, or {@code null}
 * @param inMemory whether this is an in-memory SQLite database (one shared connection)
 */
public record DatabaseUrl(Dialect dialect, String jdbcUrl, String user, String password, boolean inMemory) {

    /**
     * Parses a URL.
     *
     * @throws ConfigurationException naming the wrong part (scheme, host, port, database)
     */
    public static DatabaseUrl parse(String url) {
        return UrlParser.parse(url);
    }

    /** The URL with any password replaced by {@code ***}, safe for logs and messages. */
    public String redacted() {
        return UrlParser.redact(jdbcUrl) + (user == null ? "" : " (user " + user + ")");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + dialect + ", " + redacted() + (password == null ? "" : ", password ***") + "]";
    }
}
