package io.oxyde.reliability;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.annotation.Column;
import io.oxyde.expression.Count;
import io.oxyde.F;
import io.oxyde.annotation.Id;
import io.oxyde.migration.Migrations;
import io.oxyde.Oxyde;
import io.oxyde.Ref;
import io.oxyde.annotation.Table;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model whose table and columns are reserved words of SQLite, PostgreSQL, MySQL and MariaDB
 * ({@code returning}, {@code window}, {@code filter}, {@code glob}, {@code order} …): its
 * migration applies, and inserts, reads, filters, joins, aggregates, updates and deletes work,
 * because every identifier the library writes is quoted. The rows are checked with plain SQL.
 */
class ReservedWordsTest {

    /** The target of a foreign key named like a keyword, in a table named like one. */
    @Table("group")
    record KwGroup(@Id Long id, String select) {
    }

    /** Columns named after the reserved words of every dialect (Java keywords through @Column). */
    @Table("order")
    record KwRow(@Id Long id,
                 String returning, String window, String filter, String glob, String from, String where,
                 String limit, String offset, String table, String column, String user, String check,
                 String desc, String range, String rows, String values, String interval, String match,
                 String regexp, String references, String primary, String unique, String constraint,
                 String like, String in, String is, String not, String and, String or, String union,
                 String distinct, String as, String on, String join, String natural, String having,
                 String fetch, String over, String partition, String lateral, String analyze, String key,
                 String index, String lock, String read, String div, String mod, String xor, String pragma,
                 String vacuum, String isnull, String notnull, String raise, String without, String currentDate,
                 @Column(name = "case") String caseWord, @Column(name = "default") String defaultWord,
                 @Column(name = "null") String nullWord, @Column(name = "select") Long selectNumber,
                 @Column(name = "group") Ref<KwGroup> group) {
    }

    private static final List<String> WORD_COLUMNS = List.of("returning", "window", "filter", "glob", "from",
            "where", "limit", "offset", "table", "column", "user", "check", "desc", "range", "rows", "values",
            "interval", "match", "regexp", "references", "primary", "unique", "constraint", "like", "in", "is",
            "not", "and", "or", "union", "distinct", "as", "on", "join", "natural", "having", "fetch", "over",
            "partition", "lateral", "analyze", "key", "index", "lock", "read", "div", "mod", "xor", "pragma",
            "vacuum", "isnull", "notnull", "raise", "without", "current_date", "case", "default", "null");

    private static KwRow row(Long id, String text, long number, Long group) {
        String[] w = new String[WORD_COLUMNS.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = text + "-" + WORD_COLUMNS.get(i);
        }
        return new KwRow(id, w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10], w[11], w[12],
                w[13], w[14], w[15], w[16], w[17], w[18], w[19], w[20], w[21], w[22], w[23], w[24], w[25], w[26],
                w[27], w[28], w[29], w[30], w[31], w[32], w[33], w[34], w[35], w[36], w[37], w[38], w[39], w[40],
                w[41], w[42], w[43], w[44], w[45], w[46], w[47], w[48], w[49], w[50], w[51], w[52], w[53], w[54],
                w[55], w[56], w[57], number, Ref.id(KwGroup.class, group));
    }

    @AllDatabases
    void aModelOfReservedWordsMigratesAndRoundTrips(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-kw");
        Migrations.makeMigrations(List.of(KwGroup.class, KwRow.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        try (Oxyde db = Models.open(tdb)) {
            KwGroup g = await(db.objects(KwGroup.class).create(new KwGroup(null, "g1")));
            KwRow first = await(db.objects(KwRow.class).create(row(null, "a", 1, g.id())));
            List<KwRow> more = await(db.objects(KwRow.class).bulkCreate(List.of(row(null, "b", 2, g.id()),
                    row(null, "c", 3, g.id()))));
            assertThat(first.id()).isNotNull();
            assertThat(more).extracting(KwRow::id).doesNotContainNull();

            // read back whole, by every column, ordered and aggregated by keyword columns
            KwRow got = await(db.objects(KwRow.class).get("id", first.id()));
            assertThat(got.returning()).isEqualTo("a-returning");
            assertThat(got.caseWord()).isEqualTo("a-case");
            assertThat(got.nullWord()).isEqualTo("a-null");
            assertThat(got.selectNumber()).isEqualTo(1L);
            for (String field : List.of("returning", "window", "filter", "glob", "order", "from", "currentDate",
                    "caseWord", "defaultWord", "nullWord")) {
                if (field.equals("order")) {
                    continue; // the table's name, not a column
                }
                String column = field.equals("currentDate") ? "current_date"
                        : field.endsWith("Word") ? field.substring(0, field.length() - 4) : field;
                assertThat(await(db.objects(KwRow.class).filter(field, "b-" + column).count())).as(field).isEqualTo(1);
                assertThat(await(db.objects(KwRow.class).filter(field + "__startswith", "c-").count())).as(field)
                        .isEqualTo(1);
            }
            assertThat(await(db.objects(KwRow.class).orderBy("-window").flatValues("selectNumber").all()))
                    .containsExactly(3L, 2L, 1L);
            assertThat(await(db.objects(KwRow.class).filter("group__select", "g1").count())).isEqualTo(3);
            List<KwRow> joined = await(db.objects(KwRow.class).join("group").orderBy("id").all());
            assertThat(joined).hasSize(3);
            assertThat(joined.get(0).group().get().select()).isEqualTo("g1");
            List<Map<String, Object>> grouped = await(db.objects(KwRow.class).values("group__select")
                    .annotate("order", Count.all()).all());
            assertThat(grouped).hasSize(1);
            assertThat(((Number) grouped.get(0).get("order")).longValue()).isEqualTo(3);
            assertThat(await(db.objects(KwRow.class).sum("selectNumber"))).isEqualByComparingTo("6");

            // write: update by filter, with F, and save; delete one
            assertThat(await(db.objects(KwRow.class).filter("returning", "a-returning")
                    .update(Map.of("glob", "changed", "selectNumber", F.col("selectNumber").add(10))))).isEqualTo(1);
            KwRow saved = await(db.save(new KwRow(more.get(0).id(), "saved", more.get(0).window(), more.get(0).filter(),
                    more.get(0).glob(), more.get(0).from(), more.get(0).where(), more.get(0).limit(), more.get(0).offset(),
                    more.get(0).table(), more.get(0).column(), more.get(0).user(), more.get(0).check(), more.get(0).desc(),
                    more.get(0).range(), more.get(0).rows(), more.get(0).values(), more.get(0).interval(),
                    more.get(0).match(), more.get(0).regexp(), more.get(0).references(), more.get(0).primary(),
                    more.get(0).unique(), more.get(0).constraint(), more.get(0).like(), more.get(0).in(),
                    more.get(0).is(), more.get(0).not(), more.get(0).and(), more.get(0).or(), more.get(0).union(),
                    more.get(0).distinct(), more.get(0).as(), more.get(0).on(), more.get(0).join(),
                    more.get(0).natural(), more.get(0).having(), more.get(0).fetch(), more.get(0).over(),
                    more.get(0).partition(), more.get(0).lateral(), more.get(0).analyze(), more.get(0).key(),
                    more.get(0).index(), more.get(0).lock(), more.get(0).read(), more.get(0).div(), more.get(0).mod(),
                    more.get(0).xor(), more.get(0).pragma(), more.get(0).vacuum(), more.get(0).isnull(),
                    more.get(0).notnull(), more.get(0).raise(), more.get(0).without(), more.get(0).currentDate(),
                    more.get(0).caseWord(), more.get(0).defaultWord(), more.get(0).nullWord(),
                    more.get(0).selectNumber(), more.get(0).group())));
            assertThat(saved.returning()).isEqualTo("saved");
            assertThat(await(db.objects(KwRow.class).filter("id", more.get(1).id()).delete())).isEqualTo(1);
        }

        // checked outside the library, with the dialect's own quoting
        String q = tdb.kind() == DatabaseKind.MARIADB ? "`" : "\"";
        try (Connection c = tdb.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + q + "returning" + q + ", " + q + "glob" + q + ", "
                     + q + "select" + q + ", " + q + "case" + q + " FROM " + q + "order" + q + " ORDER BY id")) {
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(List.of(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
            }
            assertThat(rows).containsExactly(List.of("a-returning", "changed", 11L, "a-case"),
                    List.of("saved", "b-glob", 2L, "b-case"));
        }
    }
}
