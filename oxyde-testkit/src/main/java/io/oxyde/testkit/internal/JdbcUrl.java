package io.oxyde.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a server JDBC URL ({@code jdbc:<scheme>://<authority>/<database>?<params>}) that
 * the test kit needs to point a URL at another database and to derive user and password.
 */
record JdbcUrl(String scheme, String authority, String database, Map<String, String> params) {

    private static final Pattern SHAPE =
            Pattern.compile("^jdbc:([a-z]+)://([^/?]+)/?([^?]*)(?:\\?(.*))?$");

    static JdbcUrl parse(String url, String variable) {
        Matcher m = SHAPE.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException(variable + " is not a JDBC server URL of the form "
                    + "jdbc:<scheme>://host:port/database?user=...&password=...");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (m.group(4) != null && !m.group(4).isEmpty()) {
            for (String pair : m.group(4).split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(key, value);
            }
        }
        return new JdbcUrl(m.group(1), m.group(2), m.group(3), params);
    }

    /** This URL with another database and extra parameters, credentials left out. */
    String withDatabase(String otherDatabase, Map<String, String> extraParams) {
        StringBuilder sb = new StringBuilder("jdbc:").append(scheme).append("://").append(authority)
                .append('/').append(otherDatabase);
        appendParams(sb, extraParams);
        return sb.toString();
    }

    /** The Oxyde-style URL for another database on this server, without the password. */
    String toOxydeUrl(String oxydeScheme, String otherDatabase, Map<String, String> extraParams) {
        StringBuilder sb = new StringBuilder(oxydeScheme).append("://");
        String user = params.get("user");
        if (user != null && !user.isEmpty()) {
            sb.append(user).append('@');
        }
        sb.append(authority).append('/').append(otherDatabase);
        appendParams(sb, extraParams);
        return sb.toString();
    }

    private void appendParams(StringBuilder sb, Map<String, String> extraParams) {
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!e.getKey().equals("user") && !e.getKey().equals("password")) {
                sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
                sep = '&';
            }
        }
        for (Map.Entry<String, String> e : extraParams.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
    }
}
