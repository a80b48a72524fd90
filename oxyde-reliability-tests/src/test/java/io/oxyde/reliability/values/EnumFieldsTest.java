package io.oxyde.reliability.values;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.annotation.Id;
import io.oxyde.migration.Migrations;
import io.oxyde.Oxyde;
import io.oxyde.annotation.Table;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Issue 19 item 2: enum fields insert, filter, update and read back on every dialect, stored as
 * a native enum type on PostgreSQL, {@code ENUM(...)} on MariaDB and CHECKed text on SQLite; rows
 * written by the library and by plain SQL.
 */
class EnumFieldsTest {

    enum Status { NEW, PAID, SHIPPED }

    @Table("v19_order")
    record Order(@Id Long id, Status status, Status previous, String note) {
    }

    @AllDatabases
    void enumsInsertFilterUpdateAndReadBack(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-enums");
        Migrations.makeMigrations(List.of(Order.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        try (Oxyde db = ValueDbs.open(tdb)) {
            var orders = db.objects(Order.class);
            Order a = await(orders.create(new Order(null, Status.NEW, null, "a")));
            List<Order> bulk = await(orders.bulkCreate(List.of(new Order(null, Status.PAID, Status.NEW, "b"),
                    new Order(null, Status.SHIPPED, Status.PAID, "c"))));
            try (Connection c = tdb.connect(); Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO v19_order (id, status, previous, note) VALUES (100, 'PAID', 'SHIPPED', 'sql')");
                // the column really is the dialect's enum form: other labels are refused by the database
                assertThatThrownBy(() -> st.executeUpdate(
                        "INSERT INTO v19_order (id, status, previous, note) VALUES (101, 'BOGUS', NULL, 'x')"))
                        .isInstanceOf(java.sql.SQLException.class);
                String typeQuery = switch (tdb.kind()) {
                    case POSTGRES -> "SELECT t.typtype FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                            + " WHERE a.attrelid = 'v19_order'::regclass AND a.attname = 'status'";
                    case MARIADB -> "SELECT column_type FROM information_schema.columns WHERE table_schema = DATABASE()"
                            + " AND table_name = 'v19_order' AND column_name = 'status'";
                    default -> "SELECT sql FROM sqlite_master WHERE name = 'v19_order'";
                };
                try (ResultSet rs = st.executeQuery(typeQuery)) {
                    rs.next();
                    String type = rs.getString(1);
                    switch (tdb.kind()) {
                        case POSTGRES -> assertThat(type).isEqualTo("e"); // an enum type
                        case MARIADB -> assertThat(type).isEqualTo("enum('NEW','PAID','SHIPPED')");
                        default -> assertThat(type).contains("CHECK").contains("'NEW', 'PAID', 'SHIPPED'");
                    }
                }
            }
            assertThat(await(orders.get("id", a.id()))).isEqualTo(new Order(a.id(), Status.NEW, null, "a"));
            assertThat(await(orders.get("id", 100L))).isEqualTo(new Order(100L, Status.PAID, Status.SHIPPED, "sql"));
            assertThat(ids(orders.filter("status", Status.PAID))).containsExactlyInAnyOrder(bulk.get(0).id(), 100L);
            assertThat(ids(orders.filter("status__in", List.of(Status.NEW, Status.SHIPPED))))
                    .containsExactlyInAnyOrder(a.id(), bulk.get(1).id());
            assertThat(ids(orders.filter("status__ne", Status.PAID))).containsExactlyInAnyOrder(a.id(), bulk.get(1).id());
            assertThat(ids(orders.filter("previous", null))).containsExactly(a.id());
            assertThat(ids(orders.exclude("previous", Status.NEW))).containsExactlyInAnyOrder(a.id(), bulk.get(1).id(), 100L);

            assertThat(await(orders.filter("status", Status.PAID).update(Map.of("status", Status.SHIPPED,
                    "previous", Status.PAID)))).isEqualTo(2);
            assertThat(await(orders.bulkUpdate(List.of(new Order(a.id(), Status.PAID, Status.NEW, "a2")), "status", "previous", "note")))
                    .isEqualTo(1);
            Order upserted = await(orders.upsert(new Order(100L, Status.NEW, Status.SHIPPED, "up"), "id"));
            assertThat(upserted.status()).isEqualTo(Status.NEW);
            await(db.save(new Order(bulk.get(1).id(), Status.PAID, null, "saved")));

            try (Connection c = tdb.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, status, previous FROM v19_order ORDER BY id")) {
                StringBuilder seen = new StringBuilder();
                while (rs.next()) {
                    seen.append(rs.getLong(1)).append('=').append(rs.getString(2)).append('/').append(rs.getString(3)).append(' ');
                }
                assertThat(seen.toString().trim()).isEqualTo(a.id() + "=PAID/NEW " + bulk.get(0).id() + "=SHIPPED/PAID "
                        + bulk.get(1).id() + "=PAID/null 100=NEW/SHIPPED");
            }
            assertThat(await(orders.orderBy("id").all()).stream().map(Order::status).toList())
                    .containsExactly(Status.PAID, Status.SHIPPED, Status.PAID, Status.NEW);
            // text columns next to the enum keep working with untyped text on PostgreSQL
            assertThat(ids(orders.filter("note__in", List.of("a2", "saved")))).hasSize(2);
            assertThat(ids(orders.filter("note__gt", "sa"))).containsExactlyInAnyOrder(bulk.get(1).id(), 100L); // "saved", "up"
        }
    }

    private static List<Long> ids(io.oxyde.Query<Order> q) {
        return await(q.all()).stream().map(Order::id).toList();
    }
}
