package io.oxyde.reliability.values;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Oxyde;
import io.oxyde.Ref;
import io.oxyde.annotation.Column;
import io.oxyde.annotation.ForeignKey;
import io.oxyde.annotation.OneToMany;
import io.oxyde.annotation.Table;
import io.oxyde.annotation.Unique;
import io.oxyde.exception.ModelDefinitionException;
import io.oxyde.meta.ModelMeta;
import io.oxyde.migrate.ReferentialAction;
import io.oxyde.migration.Migrations;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import jakarta.validation.constraints.Size;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, foreign keys to a unique non-key field ({@code @ForeignKey(toField = "code")}):
 * the migrations reference the unique column, the FK column holds the code (read back with
 * plain SQL), and filters, joins, eager loading, subqueries and prefetches in both directions
 * follow it, for rows written by Oxyde and by plain SQL. The country ids are chosen far from
 * anything a code could be confused with, so a join on the key instead of the code finds nothing.
 */
class ForeignKeyToFieldTest {

    @Table("v19_country")
    record Country(Long id, @Column(unique = true) @Size(max = 2) String code, String name,
                   @OneToMany(mappedBy = "country") List<City> cities) {
    }

    @Table("v19_city")
    record City(Long id, String name,
                @ForeignKey(toField = "code", onDelete = ReferentialAction.CASCADE) Ref<Country> country) {
    }

    /** A model-typed FK field: read without a join, it holds a stub with only the code set. */
    @Table("v19_port")
    record Port(Long id, String name, @ForeignKey(toField = "code") Country country) {
    }

    /** Uniqueness from the table's one-field uniqueTogether. */
    @Table(value = "v19_product", uniqueTogether = @Unique("sku"))
    record Product(Long id, String sku, String title) {
    }

    @Table("v19_line")
    record Line(Long id, @ForeignKey(toField = "sku") Ref<Product> product, int qty) {
    }

    record NotUnique(Long id, String label) {
    }

    record ToNotUnique(Long id, @ForeignKey(toField = "label") Ref<NotUnique> target) {
    }

    record ToMissing(Long id, @ForeignKey(toField = "nope") Ref<Product> target) {
    }

    @Test
    void theTargetFieldMustExistAndBeUnique() {
        assertThatThrownBy(() -> ModelMeta.of(ToNotUnique.class)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("ToNotUnique.target").hasMessageContaining("NotUnique.label to be unique");
        assertThatThrownBy(() -> ModelMeta.of(ToMissing.class)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("ToMissing.target").hasMessageContaining("toField = \"nope\") is not a field of Product");
        var fk = ModelMeta.of(City.class).field("country").orElseThrow();
        assertThat(fk.foreignKey().targetColumn()).isEqualTo("code");
        assertThat(fk.kind()).isEqualTo(io.oxyde.codec.ValueKind.TEXT);
    }

    @AllDatabases
    void migrationsJoinsFiltersAndPrefetchFollowTheCode(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-tofield");
        Migrations.makeMigrations(List.of(Country.class, City.class, Port.class, Product.class, Line.class), dir, "initial",
                false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = c.createStatement()) {
            // the constraint references the unique column, and the database enforces it
            assertThat(referencedColumns(st, tdb.kind(), "v19_city")).containsExactly("code");
            assertThat(referencedColumns(st, tdb.kind(), "v19_line")).containsExactly("sku");
            if (tdb.kind() == DatabaseKind.SQLITE) {
                st.execute("PRAGMA foreign_keys = ON");
            }
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO v19_city (name, country_id) VALUES ('Nowhere', 'ZZ')"))
                    .isInstanceOf(SQLException.class);

            var countries = db.objects(Country.class);
            st.executeUpdate("INSERT INTO v19_country (id, code, name) VALUES (1000, 'FR', 'France')");
            Country de = await(countries.create(new Country(2000L, "DE", "Germany", null)));
            await(countries.create(new Country(3000L, "IT", "Italy", null)));
            var cities = db.objects(City.class);
            City paris = await(cities.create(new City(null, "Paris", Ref.id(Country.class, "FR"))));
            City berlin = await(cities.create(new City(null, "Berlin", Ref.of(de)))); // a loaded Ref writes its code
            st.executeUpdate("INSERT INTO v19_city (id, name, country_id) VALUES (500, 'Lyon', 'FR')");
            assertThat(column(st, "SELECT country_id FROM v19_city WHERE id = " + berlin.id())).isEqualTo("DE");
            assertThat(column(st, "SELECT country_id FROM v19_city WHERE id = " + paris.id())).isEqualTo("FR");

            // read without a join: the Ref holds the code
            City lyon = await(cities.get("id", 500L));
            assertThat(lyon.country().id()).isEqualTo("FR");
            assertThat(lyon.country()).isEqualTo(Ref.id(Country.class, "FR"));

            // filters by code, by Ref, by model, across the relation, by subquery, and in reverse
            List<String> frenchIds = List.of("Lyon", "Paris");
            assertThat(names(cities.filter("country", "FR"))).isEqualTo(frenchIds);
            assertThat(names(cities.filter("country", Ref.id(Country.class, "FR")))).isEqualTo(frenchIds);
            Country fr = await(countries.get("code", "FR"));
            assertThat(names(cities.filter("country", fr))).isEqualTo(frenchIds);
            assertThat(names(cities.filter("country", Ref.of(fr)))).isEqualTo(frenchIds);
            assertThat(names(cities.filter("country__name", "Germany"))).containsExactly("Berlin");
            assertThat(names(cities.filter("country__in", countries.filter("name__startswith", "F")))).isEqualTo(frenchIds);
            assertThat(names(cities.filter("country__in", List.of("DE", "IT")))).containsExactly("Berlin");
            assertThat(await(countries.filter("cities__name", "Lyon").flatValues("code").all())).containsExactly("FR");
            assertThat(await(countries.filter("cities__isnull", true).flatValues("code").all())).containsExactly("IT");
            assertThat(await(cities.values("name", "country__name").orderBy("name").all())).containsExactly(
                    Map.of("name", "Berlin", "country__name", "Germany"), Map.of("name", "Lyon", "country__name", "France"),
                    Map.of("name", "Paris", "country__name", "France"));

            // eager join and forward prefetch: loaded, and the Ref still stands for the code
            for (List<City> loaded : List.of(await(cities.join("country").orderBy("name").all()),
                    await(cities.prefetch("country").orderBy("name").all()))) {
                assertThat(loaded).extracting(x -> x.country().get().name()).containsExactly("Germany", "France", "France");
                assertThat(loaded).extracting(x -> x.country().id()).containsExactly("DE", "FR", "FR");
                assertThat(loaded.get(1).country()).isEqualTo(Ref.id(Country.class, "FR"));
            }
            // reverse prefetch groups the cities by code
            List<Country> withCities = await(countries.prefetch("cities").orderBy("code").all());
            assertThat(withCities).extracting(Country::code).containsExactly("DE", "FR", "IT");
            assertThat(withCities.get(0).cities()).extracting(City::name).containsExactly("Berlin");
            assertThat(withCities.get(1).cities()).extracting(City::name).containsExactlyInAnyOrder("Paris", "Lyon");
            assertThat(withCities.get(2).cities()).isEmpty();

            // update through the relation and save keep the code
            assertThat(await(cities.filter("country__code", "FR").update(Map.of("country", Ref.id(Country.class, "IT")))))
                    .isEqualTo(2);
            assertThat(column(st, "SELECT country_id FROM v19_city WHERE id = 500")).isEqualTo("IT");
            await(db.save(new City(500L, "Lyon", Ref.of(fr))));
            assertThat(column(st, "SELECT country_id FROM v19_city WHERE id = 500")).isEqualTo("FR");
            // the database cascades from the referenced row: deleting France deletes its city (Paris is in IT now)
            await(countries.filter("code", "FR").delete());
            assertThat(names(cities.filter("id__gte", 0))).containsExactly("Berlin", "Paris");

            // a model-typed field: a stub with the code; written back, the reference stays
            var ports = db.objects(Port.class);
            await(ports.create(new Port(null, "Hamburg", de)));
            Port hamburg = await(ports.get("name", "Hamburg"));
            assertThat(hamburg.country().code()).isEqualTo("DE");
            assertThat(hamburg.country().id()).isNull();
            await(db.save(new Port(hamburg.id(), "Hamburg Port", hamburg.country())));
            assertThat(column(st, "SELECT country_id FROM v19_port WHERE id = " + hamburg.id())).isEqualTo("DE");
            assertThat(await(ports.join("country").get("id", hamburg.id())).country().name()).isEqualTo("Germany");

            // uniqueness from uniqueTogether
            var products = db.objects(Product.class);
            Product tea = await(products.create(new Product(77L, "SKU-TEA", "Tea")));
            await(db.objects(Line.class).create(new Line(null, Ref.of(tea), 3)));
            st.executeUpdate("INSERT INTO v19_line (product_id, qty) VALUES ('SKU-TEA', 4)");
            assertThat(await(db.objects(Line.class).filter("product__title", "Tea").flatValues("qty").orderBy("qty").all()))
                    .containsExactly(3L, 4L);
            assertThat(await(db.objects(Line.class).prefetch("product").all()))
                    .allSatisfy(l -> assertThat(l.product().get().id()).isEqualTo(77L));
        }
    }

    private static List<String> names(io.oxyde.Query<City> q) {
        return await(q.orderBy("name").flatValues("name").all()).stream().map(String.class::cast).toList();
    }

    private static String column(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static List<String> referencedColumns(Statement st, DatabaseKind kind, String table) throws Exception {
        String sql = switch (kind) {
            case POSTGRES -> "SELECT a.attname FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.confrelid"
                    + " AND a.attnum = ANY (k.confkey) WHERE k.contype = 'f' AND k.conrelid = '" + table + "'::regclass";
            case MARIADB -> "SELECT referenced_column_name FROM information_schema.key_column_usage"
                    + " WHERE table_schema = DATABASE() AND table_name = '" + table + "' AND referenced_table_name IS NOT NULL";
            default -> "SELECT \"to\" FROM pragma_foreign_key_list('" + table + "')";
        };
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
