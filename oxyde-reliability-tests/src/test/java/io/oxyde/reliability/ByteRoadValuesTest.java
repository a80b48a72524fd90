package io.oxyde.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.driver.PoolSettings;
import io.oxyde.exception.ProtocolException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;

/**
 * The byte road holds every message's values to the kinds its shape declares, also when the
 * shape's plan is cached: a shape seen once does not make later values trusted. Messages are
 * built as a sender without validation would (a valid shape, values of other kinds) and must
 * fail with {@link ProtocolException} naming the value, before anything runs.
 */
class ByteRoadValuesTest {

    private static final QueryIr BY_CODE = SelectIr.from("item").columns("id")
            .filter(FilterNode.condition("code", Lookup.EQ, Value.of("a"))).build();
    private static final QueryIr INSERT_NULLABLE = new InsertIr(null, "item", List.of("id", "code", "note"),
            List.of(List.of(Value.of(50L), Value.of("z"), Value.Null.INSTANCE)), List.of(), null);

    @AllDatabases
    void valuesThatDoNotFitTheirSlotsAreRefusedOnFirstSightAndAfter(TestDatabase db) throws Exception {
        ConflictRetryTest.exec(db,
                "CREATE TABLE item (id INTEGER PRIMARY KEY, code VARCHAR(20) NOT NULL, note VARCHAR(20))",
                "INSERT INTO item (id, code, note) VALUES (1, 'a', NULL)");
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2))) {
            for (boolean seenBefore : new boolean[] {false, true}) {
                if (seenBefore) { // the valid form of each shape runs first, so its plan is cached
                    assertThat(Rig.await(rig.driver.execute(Rig.POOL, IrCodec.encode(BY_CODE)))).isNotEmpty();
                    rig.run(INSERT_NULLABLE);
                    rig.sql("DELETE FROM item WHERE id = 50");
                }
                // an INT where the shape declares TEXT
                expectRefused(rig, IrCodec.message(IrCodec.shapeOf(BY_CODE), List.of(Value.of(5L))),
                        "values[0]: slot 0 is declared TEXT but the value is INT");
                // a value where the shape declares NULL, the reported case
                expectRefused(rig, IrCodec.message(IrCodec.shapeOf(INSERT_NULLABLE),
                        List.of(Value.of(51L), Value.of("y"), Value.of(7L))),
                        "values[2]: slot 2 is declared NULL but the value is INT");
                // too few and too many values
                expectRefused(rig, IrCodec.message(IrCodec.shapeOf(BY_CODE), List.of()), "slots");
                expectRefused(rig, IrCodec.message(IrCodec.shapeOf(BY_CODE), List.of(Value.of("a"), Value.of("b"))),
                        "slots");
            }
            assertThat(rig.scalar("SELECT count(*) FROM item")).isEqualTo(1);
            rig.awaitQuiet();
        }
    }

    /**
     * A 60-byte message whose decimal has scale -10⁹ (1E+1000000000) used to exhaust the heap in
     * the binder, and PostgreSQL answered {@code SELECT ?} with 0: refused by the codec now.
     */
    @AllDatabases
    void decimalsOutsideEveryDatabasesRangeAreRefused(TestDatabase db) throws Exception {
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(1))) {
            byte[] message = IrCodec.encode(new io.oxyde.codec.RawIr("SELECT ? AS v",
                    List.of(Value.of(java.math.BigDecimal.ONE))));
            int at = indexOf(message, new byte[] {(byte) 0xc7, 5, 1, 0, 0, 0, 0, 1}); // ext8, 5 bytes, decimal
            assertThat(at).isPositive();
            int scale = -1_000_000_000;
            message[at + 3] = (byte) (scale >>> 24);
            message[at + 4] = (byte) (scale >>> 16);
            message[at + 5] = (byte) (scale >>> 8);
            message[at + 6] = (byte) scale;
            expectRefused(rig, message, "values[0]: decimal with 1000000001 digits before the point exceeds 131072");
            assertThat(Rig.failure(rig.driver.execute(Rig.POOL, new io.oxyde.codec.RawIr("SELECT ? AS v",
                    List.of(Value.of(new java.math.BigDecimal("1E+1000000000")))))))
                    .hasMessageContaining("digits before the point exceeds 131072");
            assertThat(rig.scalar("SELECT 3")).isEqualTo(3);
        }
    }

    /**
     * Raw SQL with a NUL ended the PostgreSQL connection (08P01); raw SQL that is only a comment
     * or ';' surfaced sqlite-jdbc's internal errors. Both are refused before sending, on both roads.
     */
    @AllDatabases
    void rawSqlWithoutAStatementOrWithNulIsRefused(TestDatabase db) throws Exception {
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(1))) {
            byte[] valid = IrCodec.encode(new io.oxyde.codec.RawIr("SELECT 12345", List.of()));
            for (String bad : List.of("SELECT 1\0", ";", "-- nothing", "/* c */ ;")) {
                assertThat(Rig.failure(rig.driver.execute(Rig.POOL, new io.oxyde.codec.RawIr(bad, List.of()))))
                        .as(bad).isInstanceOf(io.oxyde.exception.InvalidQueryException.class).hasMessageContaining("sql: raw SQL");
                expectRefused(rig, IrCodecAccess.replaceString(valid, "SELECT 12345", bad), "sql: raw SQL");
            }
            // an array as a raw parameter escaped as a bare OxydeException from the binder
            assertThat(Rig.failure(rig.driver.execute(Rig.POOL, new io.oxyde.codec.RawIr("SELECT ? AS v",
                    List.of(Value.array(Value.of(1L), Value.of(2L)))))))
                    .isInstanceOf(io.oxyde.exception.InvalidQueryException.class)
                    .hasMessageContaining("bind parameter 1: an array value cannot be bound as one parameter");
            assertThat(rig.scalar("SELECT 4")).isEqualTo(4);
            assertThat(rig.pool.stats().totalConnections()).isLessThanOrEqualTo(1);
        }
    }

    /**
     * Results obey the limits requests do: a value or label the protocol cannot carry fails the
     * byte boundary with {@link ProtocolException} instead of a frame receivers would refuse; the
     * in-memory road still hands it over (it is a valid Java value).
     */
    @AllDatabases
    void resultsTheProtocolCannotCarryAreRefusedAtTheByteBoundary(TestDatabase db) throws Exception {
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(1))) {
            String sql = db.kind() == io.oxyde.testkit.DatabaseKind.POSTGRES
                    ? "SELECT repeat('9', 41000)::numeric AS v"      // a decimal of ~17 KB of digits
                    : "SELECT '" + "x".repeat(70_000) + "'";         // the label is the 70,000-byte expression
            byte[] message = IrCodec.encode(new io.oxyde.codec.RawIr(sql, List.of()));
            if (db.kind() == io.oxyde.testkit.DatabaseKind.MARIADB) {
                // MariaDB names the column with at most 256 characters of the expression: the frame
                // stays within the limits and decodes
                io.oxyde.codec.RowSet rows = (io.oxyde.codec.RowSet) IrCodec.decodeResult(
                        Rig.await(rig.driver.execute(Rig.POOL, message)));
                assertThat(rows.columns().get(0).length()).isLessThanOrEqualTo(256);
            } else {
                assertThat(Rig.failure(rig.driver.execute(Rig.POOL, message))).isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("the result cannot be sent as a frame");
            }
            assertThat(Rig.await(rig.driver.execute(Rig.POOL, message, null))).isNotNull();
            assertThat(rig.scalar("SELECT 6")).isEqualTo(6);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void expectRefused(Rig rig, byte[] message, String problem) {
        for (Throwable e : List.of(Rig.failure(rig.driver.execute(Rig.POOL, message)),
                Rig.failure(rig.driver.execute(Rig.POOL, message, null)))) {
            assertThat(e).isInstanceOf(ProtocolException.class).hasMessageContaining(problem);
        }
    }
}
