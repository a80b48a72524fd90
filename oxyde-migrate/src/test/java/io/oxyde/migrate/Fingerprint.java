package io.oxyde.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Row count and SHA-256 of a query's rows, read with plain JDBC (never through the library), so a
 * test can prove that a migration and its rollback kept every value.
 */
record Fingerprint(int rows, String sha256) {

    /** The fingerprint of {@code sql} (which must order its rows) on {@code c}. */
    static Fingerprint of(Connection c, String sql) throws SQLException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int count = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                count++;
                for (int i = 1; i <= n; i++) {
                    digest.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) (i == n ? '\n' : '|'));
                }
            }
        }
        return new Fingerprint(count, HexFormat.of().formatHex(digest.digest()));
    }
}
