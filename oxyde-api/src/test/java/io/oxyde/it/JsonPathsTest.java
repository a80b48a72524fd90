package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Oxyde;
import io.oxyde.Q;
import io.oxyde.exception.FieldException;
import io.oxyde.exception.UnsupportedFeatureException;
import io.oxyde.migration.Migrations;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * JSON key paths on a JSON field (protocol revision 1.3 {@code json_*} functions): typed
 * comparisons at a path (a JSON value of another type does not match), {@code has_key},
 * {@code contains} (PostgreSQL and MariaDB; refused on SQLite) and {@code exclude} keeping
 * documents without the key, on the three databases; expected ids worked out from the rows below.
 */
class JsonPathsTest {

    /** A model with a JSON document. */
    public record Gadget(Long id, String name, Map<String, Object> data) {
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<Long> ids(List<Gadget> gadgets) {
        return gadgets.stream().map(Gadget::id).sorted().toList();
    }

    @AllDatabases
    void keyPathsHasKeyAndContains(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-json-paths");
        Migrations.makeMigrations(List.of(Gadget.class), dir, "initial", false);
        Migrations.migrate(tdb.oxydeUrl(), dir);
        try (Oxyde db = Oxyde.connect("json_" + UUID.randomUUID().toString().substring(0, 8), tdb.oxydeUrl())) {
            await(db.objects(Gadget.class).bulkCreate(List.of(
                    new Gadget(1L, "one", map("owner", map("name", "Ada", "age", 36), "tags", List.of("a", "b"),
                            "active", true, "price", 10.5)),
                    new Gadget(2L, "two", map("owner", map("name", "Grace", "age", 85), "active", false, "price", 7)),
                    new Gadget(3L, "three", map("owner", map("name", "Linus"), "price", "n/a")),
                    new Gadget(4L, "four", map()),
                    new Gadget(5L, "five", null))));
            var gadgets = db.objects(Gadget.class);
            assertThat(ids(await(gadgets.filter("data__owner__name", "Ada").all()))).containsExactly(1L);
            assertThat(ids(await(gadgets.filter("data__owner__age__gt", 40).all()))).containsExactly(2L);
            assertThat(ids(await(gadgets.filter("data__owner__age__gte", 36).all()))).containsExactly(1L, 2L);
            // a JSON string "n/a" is not a number: it does not match a numeric comparison
            assertThat(ids(await(gadgets.filter("data__price__lt", 10).all()))).containsExactly(2L);
            assertThat(ids(await(gadgets.filter("data__price__gt", 10).all()))).containsExactly(1L);
            assertThat(ids(await(gadgets.filter("data__price", "n/a").all()))).containsExactly(3L);
            assertThat(ids(await(gadgets.filter("data__active", true).all()))).containsExactly(1L);
            assertThat(ids(await(gadgets.filter("data__active", false).all()))).containsExactly(2L);
            assertThat(ids(await(gadgets.filter("data__owner__has_key", "age").all()))).containsExactly(1L, 2L);
            assertThat(ids(await(gadgets.filter("data__has_key", "tags").all()))).containsExactly(1L);
            // isnull on the field is the column's NULL test; on a key path, whether the key is missing
            // (a NULL document has no keys)
            assertThat(ids(await(gadgets.filter("data__isnull", true).all()))).containsExactly(5L);
            assertThat(ids(await(gadgets.filter("data__isnull", false).all()))).containsExactly(1L, 2L, 3L, 4L);
            assertThat(ids(await(gadgets.filter("data__owner__age__isnull", true).all()))).containsExactly(3L, 4L, 5L);
            assertThat(ids(await(gadgets.filter("data__owner__age__isnull", false).all()))).containsExactly(1L, 2L);
            assertThat(ids(await(gadgets.exclude("data__owner__name", "Ada").all()))).containsExactly(2L, 3L, 4L, 5L);
            assertThat(ids(await(gadgets.filter(Q.of("data__owner__name", "Grace").or(Q.of("data__price", "n/a"))).all())))
                    .containsExactly(2L, 3L);
            if (tdb.kind() == DatabaseKind.SQLITE) {
                assertThatThrownBy(() -> gadgets.filter("data__contains", map("active", true)))
                        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("SQLITE")
                        .hasMessageContaining("no containment test");
            } else {
                assertThat(ids(await(gadgets.filter("data__contains", map("active", true)).all()))).containsExactly(1L);
                assertThat(ids(await(gadgets.filter("data__contains", map("tags", List.of("a"))).all())))
                        .containsExactly(1L);
                assertThat(ids(await(gadgets.filter("data__contains", map("owner", map("name", "Grace"))).all())))
                        .containsExactly(2L);
            }
            assertThatThrownBy(() -> gadgets.filter("data__owner__name", List.of("Ada")))
                    .isInstanceOf(FieldException.class).hasMessageContaining("a JSON key path is compared with a String");
            assertThatThrownBy(() -> gadgets.filter("data__owner__has_key", 5)).isInstanceOf(FieldException.class)
                    .hasMessageContaining("has_key takes the key");
            assertThatThrownBy(() -> gadgets.filter("data__owner__contains", map("name", "Ada")))
                    .isInstanceOf(FieldException.class).hasMessageContaining("contains tests the whole JSON document");
            assertThatThrownBy(() -> gadgets.filter("data__a\"b", "x")).isInstanceOf(FieldException.class)
                    .hasMessageContaining("a JSON key must be non-empty");
        }
    }
}
