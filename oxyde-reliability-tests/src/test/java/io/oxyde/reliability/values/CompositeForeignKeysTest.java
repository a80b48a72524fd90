package io.oxyde.reliability.values;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Oxyde;
import io.oxyde.Prefetch;
import io.oxyde.Q;
import io.oxyde.Ref;
import io.oxyde.annotation.Column;
import io.oxyde.annotation.ForeignKey;
import io.oxyde.annotation.Id;
import io.oxyde.annotation.ManyToMany;
import io.oxyde.annotation.OneToMany;
import io.oxyde.annotation.Table;
import io.oxyde.exception.FieldException;
import io.oxyde.expression.Count;
import io.oxyde.exception.ForeignKeyViolationException;
import io.oxyde.exception.MappingException;
import io.oxyde.exception.ModelDefinitionException;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.migrate.ReferentialAction;
import io.oxyde.migration.Migrations;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
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
 * Issue 19, foreign keys to a model with a composite primary key: the referencing table has one
 * column per key column ({@code stock_warehouse}, {@code stock_sku}) under one composite
 * {@code FOREIGN KEY … REFERENCES v19f_stock (warehouse, sku)} that the database enforces; a
 * {@code Ref} holds the key's values; filters (eq, ne, in, isnull, through the relation),
 * exclude (exactly the complement), orderBy, join, prefetch and writes use every column. Each
 * stock row shares its warehouse with one row and its sku with another, so a statement that
 * used one column of the key would find two rows. Rows are written by Oxyde and by plain SQL,
 * and checked with plain SQL.
 */
class CompositeForeignKeysTest {

    @Table("v19f_stock")
    record Stock(@Id String warehouse, @Id String sku, int qty) {
    }

    /** Two foreign keys to the same composite key, one nullable. */
    @Table("v19f_line")
    record Line(Long id, Ref<Stock> stock, Ref<Stock> backup, String note) {
    }

    /** A model-typed (not Ref) foreign key that cascades. */
    @Table("v19f_pick")
    record Pick(Long id, @ForeignKey(onDelete = ReferentialAction.CASCADE) Stock stock) {
    }

    /** The same table before and after a migration adds a composite foreign key. */
    @Table("v19f_later")
    record LaterV1(Long id, String note) {
    }

    @Table("v19f_later")
    record LaterV2(Long id, String note, Ref<Stock> stock) {
    }

    /** The foreign key renamed: its columns stock_* become item_*. */
    @Table("v19f_later")
    record LaterV3(Long id, String note, @io.oxyde.annotation.RenamedFrom("stock") Ref<Stock> item) {
    }

    record NamedColumn(Long id, @ForeignKey(column = "stock_key") Ref<Stock> stock) {
    }

    record UniqueRef(Long id, @Column(unique = true) Ref<Stock> stock) {
    }

    @Table(value = "v19f_unique_line", uniqueTogether = @io.oxyde.annotation.Unique("stock"))
    record UniqueLine(Long id, Ref<Stock> stock) {
    }

    /** A composite key with a reverse relation along a composite foreign key. */
    @Table("v19f_bin")
    record Bin(@Id String aisle, @Id Integer shelf, String label, @OneToMany(mappedBy = "bin") List<Item> items,
               @ManyToMany(through = BinTag.class) List<Tag> tags) {
    }

    @Table("v19f_item")
    record Item(Long id, String name, Ref<Bin> bin) {
    }

    /** A many-to-many to and from the composite key, through a join model. */
    @Table("v19f_tag")
    record Tag(Long id, String name, @ManyToMany(through = BinTag.class) List<Bin> bins) {
    }

    @Table("v19f_bin_tag")
    record BinTag(Long id, Ref<Tag> tag, Ref<Bin> bin) {
    }

    @Test
    void theForeignKeyHasOneColumnPerKeyColumn() {
        ModelMeta<Line> meta = ModelMeta.of(Line.class);
        assertThat(meta.fields()).extracting(FieldMeta::column)
                .containsExactly("id", "stock_warehouse", "stock_sku", "backup_warehouse", "backup_sku", "note");
        FieldMeta stock = meta.field("stock").orElseThrow();
        assertThat(stock.foreignKey().columns()).containsExactly("stock_warehouse", "stock_sku");
        assertThat(stock.foreignKey().targetColumns()).containsExactly("warehouse", "sku");
        assertThat(stock.foreignKey().composite()).isTrue();
        assertThat(meta.fieldByColumn("stock_sku").orElseThrow().foreignKey().targetField()).isEqualTo("sku");
        assertThat(meta.indexes()).anySatisfy(i -> assertThat(i.columns()).containsExactly("stock_warehouse", "stock_sku"));

        assertThatThrownBy(() -> ModelMeta.of(NamedColumn.class)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("NamedColumn.stock").hasMessageContaining("[stock_warehouse, stock_sku]")
                .hasMessageContaining("@ForeignKey(column)");
        assertThat(ModelMeta.of(UniqueLine.class).uniqueTogether()).singleElement()
                .satisfies(u -> assertThat(u.columns()).containsExactly("stock_warehouse", "stock_sku"));
        assertThatThrownBy(() -> ModelMeta.of(UniqueRef.class)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("UniqueRef.stock").hasMessageContaining("uniqueTogether");
        assertThat(ModelMeta.of(Bin.class).reverseRelations()).singleElement()
                .satisfies(r -> assertThat(r.column()).isEqualTo("bin_aisle"));
        assertThat(ModelMeta.of(Tag.class).manyToMany()).singleElement()
                .satisfies(m -> assertThat(m.targetColumn()).isEqualTo("bin_aisle"));
        assertThat(ModelMeta.of(Bin.class).manyToMany()).singleElement()
                .satisfies(m -> assertThat(m.sourceColumn()).isEqualTo("bin_aisle"));
        // a Ref to a composite key is its list of key values, however it was made
        Stock aTea = new Stock("A", "tea", 1);
        assertThat(Ref.key(Stock.class, "A", "tea")).isEqualTo(Ref.of(aTea)).isEqualTo(Ref.id(List.of("A", "tea")));
        assertThat(Ref.of(aTea).id()).isEqualTo(List.of("A", "tea"));
        assertThat(Ref.key(Stock.class, "A", "rum")).isNotEqualTo(Ref.of(aTea));
        assertThatThrownBy(() -> Ref.key(Stock.class, "A", null)).isInstanceOf(NullPointerException.class);
    }

    @AllDatabases
    void filtersJoinsAndWritesUseEveryColumnOfTheKey(TestDatabase tdb) throws Exception {
        migrate(tdb, Files.createTempDirectory("oxyde-composite-fk"), "initial", Stock.class, Line.class, Pick.class);
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = statement(c, tdb)) {
            assertThat(foreignKeyColumns(st, tdb.kind(), "v19f_line")).containsExactly(
                    "backup_warehouse->warehouse", "backup_sku->sku", "stock_warehouse->warehouse", "stock_sku->sku");
            var stocks = db.objects(Stock.class);
            await(stocks.bulkCreate(List.of(new Stock("A", "tea", 1), new Stock("A", "rum", 2), new Stock("B", "tea", 3))));
            st.executeUpdate("INSERT INTO v19f_stock (warehouse, sku, qty) VALUES ('B', 'rum', 4), ('A', 'gin', 5)");
            Stock bRum = await(stocks.getByKey("B", "rum"));

            var lines = db.objects(Line.class);
            await(lines.create(new Line(null, Ref.key(Stock.class, "A", "tea"), null, "l1")));
            await(lines.create(new Line(null, Ref.of(bRum), Ref.id(List.of("A", "rum")), "l2")));
            st.executeUpdate("INSERT INTO v19f_line (id, stock_warehouse, stock_sku, backup_warehouse, backup_sku, note)"
                    + " VALUES (50, 'B', 'tea', 'A', 'tea', 'l3'), (51, NULL, NULL, 'B', 'rum', 'l4')");
            assertThat(lineRows(st)).containsExactly("l1 A/tea -/-", "l2 B/rum A/rum", "l3 B/tea A/tea", "l4 -/- B/rum");

            // the database refuses a reference to a key no row has
            assertThatThrownBy(() -> await(lines.create(new Line(null, Ref.key(Stock.class, "A", "cola"), null, "x"))))
                    .isInstanceOf(ForeignKeyViolationException.class);
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO v19f_line (id, stock_warehouse, stock_sku, note)"
                    + " VALUES (60, 'B', 'gin', 'x')")).isInstanceOf(SQLException.class); // B and gin exist, not together

            // read back: the Ref holds the key's values; all columns NULL is a null Ref
            Line l3 = await(lines.get("note", "l3"));
            assertThat(l3.stock().id()).isEqualTo(List.of("B", "tea"));
            assertThat(l3.stock()).isEqualTo(Ref.key(Stock.class, "B", "tea"));
            assertThat(l3.stock().isLoaded()).isFalse();
            assertThat(await(lines.get("note", "l4")).stock()).isNull();

            // eq, ne, in and isnull compare the whole key
            assertThat(notes(lines.filter("stock", Ref.key(Stock.class, "A", "tea")))).containsExactly("l1");
            assertThat(notes(lines.filter("stock", bRum))).containsExactly("l2");
            assertThat(notes(lines.filter("stock", List.of("B", "tea")))).containsExactly("l3");
            assertThat(notes(lines.filter("stock", Ref.key(Stock.class, "A", "rum")))).isEmpty();
            assertThat(notes(lines.filter("backup", Ref.key(Stock.class, "A", "rum")))).containsExactly("l2");
            assertThat(notes(lines.filter("stock__ne", Ref.key(Stock.class, "A", "tea")))).containsExactly("l2", "l3");
            assertThat(notes(lines.filter("stock__in", List.of(Ref.key(Stock.class, "A", "tea"), bRum))))
                    .containsExactly("l1", "l2");
            assertThat(notes(lines.filter("stock__in", List.of()))).isEmpty();
            assertThat(notes(lines.filter("stock__isnull", true))).containsExactly("l4");
            assertThat(notes(lines.filter("stock__isnull", false))).containsExactly("l1", "l2", "l3");
            assertThat(notes(lines.filter("stock", null))).containsExactly("l4");
            // exclude is exactly the complement, NULL references included
            assertThat(notes(lines.exclude("stock", Ref.key(Stock.class, "A", "tea")))).containsExactly("l2", "l3", "l4");
            assertThat(notes(lines.exclude("stock__isnull", true))).containsExactly("l1", "l2", "l3");
            assertThat(notes(lines.exclude(Q.of("stock__in", List.of(Ref.key(Stock.class, "B", "tea"))))))
                    .containsExactly("l1", "l2", "l4");

            // through the relation: one join on both columns
            assertThat(notes(lines.filter("stock__warehouse", "B"))).containsExactly("l2", "l3");
            assertThat(notes(lines.exclude("stock__warehouse", "B"))).containsExactly("l1", "l4");
            assertThat(notes(lines.filter("stock__qty__gte", 3))).containsExactly("l2", "l3");
            assertThat(notes(lines.exclude("stock__qty__gte", 3))).containsExactly("l1", "l4");
            assertThat(notes(lines.filter("backup__sku", "rum"))).containsExactly("l2", "l4");
            assertThat(notes(lines.filter("stock__qty__gte", 1).filter("backup__qty__gte", 1))).containsExactly("l2", "l3");
            assertThat(lines.filter("stock__qty__gte", 3).sql(io.oxyde.dialect.Dialect.POSTGRES).sql())
                    .contains("\"stock_warehouse\"", "\"stock_sku\"", "\"warehouse\"", "\"sku\"");
            assertThat(sqlNotes(st, "SELECT l.note FROM v19f_line l JOIN v19f_stock s ON s.warehouse = l.stock_warehouse"
                    + " AND s.sku = l.stock_sku WHERE s.qty >= 3 ORDER BY l.note")).containsExactly("l2", "l3");
            // values() of every field gives the foreign key as its key values
            assertThat(await(lines.filter("note", "l2").values().all())).singleElement().satisfies(m -> assertThat(m)
                    .containsEntry("stock__warehouse", "B").containsEntry("stock__sku", "rum")
                    .containsEntry("backup__warehouse", "A").containsEntry("backup__sku", "rum")
                    .containsEntry("note", "l2").doesNotContainKey("stock"));
            // select and defer take or leave every column
            assertThat(await(lines.select("stock").orderBy("id").all())).extracting(l -> l.stock() + " " + l.note())
                    .first().isEqualTo(Ref.key(Stock.class, "A", "tea") + " null");
            assertThat(await(lines.defer("stock").filter("note", "l2").all())).singleElement()
                    .satisfies(l -> assertThat(l.stock()).isNull()).satisfies(l -> assertThat(l.backup())
                            .isEqualTo(Ref.key(Stock.class, "A", "rum")));
            // ordering by the relation orders by its columns in key order
            assertThat(await(lines.filter("stock__isnull", false).orderBy("stock").flatValues("note").all()))
                    .containsExactly("l1", "l2", "l3");
            assertThat(await(lines.filter("stock__isnull", false).orderBy("-stock").flatValues("note").all()))
                    .containsExactly("l3", "l2", "l1");

            // join and prefetch load the referenced rows, found by the whole key
            assertThat(await(lines.join("stock").orderBy("note").all())).extracting(l -> l.stock() == null ? null
                    : l.stock().get().qty()).containsExactly(1, 4, 3, null);
            List<Line> both = await(lines.join("stock", "backup").orderBy("note").all());
            assertThat(both).extracting(l -> l.backup() == null ? null : l.backup().get().qty())
                    .containsExactly(null, 2, 1, 4);
            assertThat(both.get(1).stock().get()).isEqualTo(bRum);
            assertThat(await(lines.prefetch("stock", "backup").orderBy("note").all())).extracting(
                    l -> (l.stock() == null ? "-" : l.stock().get().qty()) + "/" + (l.backup() == null ? "-"
                            : l.backup().get().qty())).containsExactly("1/-", "4/2", "3/1", "-/4");

            // writes set every column
            assertThat(await(lines.filter("note", "l4").update(Map.of("stock", Ref.key(Stock.class, "A", "rum")))))
                    .isEqualTo(1);
            assertThat(await(lines.filter("note", "l2").update(java.util.Collections.singletonMap("backup", null))))
                    .isEqualTo(1);
            Line l1 = await(lines.get("note", "l1"));
            await(db.save(new Line(l1.id(), Ref.key(Stock.class, "B", "tea"), Ref.key(Stock.class, "A", "gin"), "l1")));
            Line l3Again = await(lines.get("note", "l3"));
            assertThat(await(lines.bulkUpdate(List.of(new Line(l3Again.id(), Ref.key(Stock.class, "A", "tea"),
                    Ref.key(Stock.class, "B", "tea"), "l3")), "stock"))).isEqualTo(1);
            assertThat(lineRows(st)).containsExactly("l1 B/tea A/gin", "l2 B/rum -/-", "l3 A/tea A/tea", "l4 A/rum B/rum");
            // bulkCreate, upsert and getOrCreate too
            List<Line> made = await(lines.bulkCreate(List.of(new Line(null, Ref.key(Stock.class, "B", "tea"), null, "m1"),
                    new Line(null, null, Ref.of(bRum), "m2"))));
            await(lines.upsert(new Line(made.get(0).id(), Ref.key(Stock.class, "A", "rum"), Ref.key(Stock.class, "A", "tea"),
                    "m1"), "id"));
            assertThat(await(lines.getOrCreate(Map.of("stock", Ref.key(Stock.class, "A", "rum"), "note", "m1"), Map.of()))
                    .created()).isFalse();
            assertThat(await(lines.getOrCreate(Map.of("stock", Ref.key(Stock.class, "B", "rum"), "note", "m3"),
                    Map.of("backup", Ref.key(Stock.class, "A", "gin")))).created()).isTrue();
            assertThat(lineRows(st)).endsWith("m1 A/rum A/tea", "m2 -/- B/rum", "m3 B/rum A/gin");
            assertThat(await(lines.filter("note__startswith", "m").delete())).isEqualTo(3);

            // a model-typed foreign key: a stub holding the key, and ON DELETE CASCADE on both columns
            var picks = db.objects(Pick.class);
            await(picks.create(new Pick(null, new Stock("A", "gin", 0))));
            await(picks.create(new Pick(null, bRum)));
            assertThat(await(picks.orderBy("id").all())).extracting(p -> p.stock().warehouse() + "/" + p.stock().sku())
                    .containsExactly("A/gin", "B/rum");
            assertThat(await(picks.join("stock").orderBy("id").all())).extracting(p -> p.stock().qty())
                    .containsExactly(5, 4);
            st.executeUpdate("UPDATE v19f_line SET backup_warehouse = NULL, backup_sku = NULL WHERE note = 'l1'");
            assertThat(await(db.delete(new Stock("A", "gin", 5)))).isTrue();
            assertThat(sqlNotes(st, "SELECT stock_warehouse FROM v19f_pick")).containsExactly("B");
            assertThat(sqlNotes(st, "SELECT stock_sku FROM v19f_pick")).containsExactly("rum");

            // bad input names model and field
            assertThatThrownBy(() -> await(lines.create(new Line(null, Ref.id(List.of("A")), null, "x"))))
                    .isInstanceOf(MappingException.class).hasMessageContaining("Line.stock")
                    .hasMessageContaining("list of 2 key values");
            assertThatThrownBy(() -> await(lines.create(new Line(null, Ref.of(new Stock("A", null, 0)), null, "x"))))
                    .isInstanceOf(MappingException.class).hasMessageContaining("Line.stock")
                    .hasMessageContaining("Stock.sku");
            assertThatThrownBy(() -> lines.filter("stock", "A")).isInstanceOf(FieldException.class)
                    .hasMessageContaining("stock");
            assertThatThrownBy(() -> lines.filter("stock__gt", Ref.key(Stock.class, "A", "tea")))
                    .isInstanceOf(FieldException.class).hasMessageContaining("takes eq, ne, in and isnull");
            assertThatThrownBy(() -> lines.values("stock")).isInstanceOf(FieldException.class)
                    .hasMessageContaining("Line.stock").hasMessageContaining("stock__warehouse");
            assertThatThrownBy(() -> lines.values("note").groupBy("stock")).isInstanceOf(FieldException.class)
                    .hasMessageContaining("Line.stock").hasMessageContaining("stock__sku");
            assertThatThrownBy(() -> await(lines.update(Map.of("note", io.oxyde.F.col("stock")))))
                    .isInstanceOf(FieldException.class).hasMessageContaining("Line.stock");
            assertThatThrownBy(() -> await(lines.update(Map.of("stock", io.oxyde.F.col("backup")))))
                    .isInstanceOf(FieldException.class).hasMessageContaining("Line.stock");
            // a row written by plain SQL with part of the key NULL references nothing: reading it is refused
            st.executeUpdate("INSERT INTO v19f_line (id, stock_warehouse, stock_sku, note) VALUES (70, 'A', NULL, 'l5')");
            assertThat(notes(lines.filter("stock__isnull", true))).isEmpty();
            assertThat(await(lines.filter("stock__isnull", false).orderBy("note").flatValues("note").all()))
                    .containsExactly("l1", "l2", "l3", "l4", "l5");
            assertThatThrownBy(() -> await(lines.get("note", "l5"))).isInstanceOf(MappingException.class)
                    .hasMessageContaining("Line.stock").hasMessageContaining("partly NULL");
        }
    }

    /**
     * The reverse relation and the many-to-many join, test, count and prefetch on both columns: bin
     * (B, 2) has no items and no tags, though items and tags reference aisle B and shelf 2
     * separately, so a join on one column would give it some.
     */
    @AllDatabases
    void toManyRelationsFollowEveryColumn(TestDatabase tdb) throws Exception {
        migrate(tdb, Files.createTempDirectory("oxyde-composite-fk-reverse"), "initial", Bin.class, Item.class, Tag.class);
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = statement(c, tdb)) {
            var bins = db.objects(Bin.class);
            await(bins.bulkCreate(List.of(new Bin("A", 1, "A1", null, null), new Bin("A", 2, "A2", null, null),
                    new Bin("B", 1, "B1", null, null))));
            st.executeUpdate("INSERT INTO v19f_bin (aisle, shelf, label) VALUES ('B', 2, 'B2')");
            var items = db.objects(Item.class);
            await(items.create(new Item(1L, "i1", Ref.key(Bin.class, "A", 1))));
            await(items.create(new Item(2L, "i2", Ref.key(Bin.class, "A", 1))));
            await(items.create(new Item(3L, "i3", Ref.key(Bin.class, "B", 1))));
            st.executeUpdate("INSERT INTO v19f_item (id, name, bin_aisle, bin_shelf) VALUES (4, 'i4', NULL, NULL),"
                    + " (5, 'i5', 'A', 2)");

            assertThat(labels(bins.filter("items__name", "i3"))).containsExactly("B1");
            assertThat(labels(bins.filter("items__name__in", List.of("i1", "i5")).distinct())).containsExactly("A1", "A2");
            assertThat(labels(bins.filter("items__isnull", true))).containsExactly("B2");
            assertThat(labels(bins.filter("items__isnull", false).distinct())).containsExactly("A1", "A2", "B1");
            // exclude across the relation: exactly the complement
            assertThat(labels(bins.exclude("items__name", "i1"))).containsExactly("A2", "B1", "B2");
            assertThat(labels(bins.exclude("items__isnull", true))).containsExactly("A1", "A2", "B1");
            // the composite foreign key itself, tested across the to-many relation
            assertThat(labels(bins.filter("items__bin", Ref.key(Bin.class, "A", 1)).distinct())).containsExactly("A1");
            assertThat(labels(bins.exclude("items__bin", Ref.key(Bin.class, "A", 1)))).containsExactly("A2", "B1", "B2");
            assertThat(labels(bins.exclude("items__bin__in", List.of(Ref.key(Bin.class, "A", 2), Ref.key(Bin.class, "B", 2)))))
                    .containsExactly("A1", "B1", "B2");
            // per-bin counts, grouped through the join and as a correlated annotation
            assertThat(await(bins.values("label").annotate("n", Count.of("items__id")).orderBy("label").all()))
                    .extracting(m -> m.get("label") + "=" + m.get("n")).containsExactly("A1=2", "A2=1", "B1=1", "B2=0");
            assertThat(await(bins.annotate("n", Count.of("items")).filter("n__gte", 1).orderBy("label")
                    .flatValues("label").all())).containsExactly("A1", "A2", "B1");
            // prefetch finds each bin's items by the whole key
            assertThat(await(bins.prefetch("items").orderBy("label").all())).extracting(b -> b.label() + ":"
                    + b.items().stream().map(Item::name).toList()).containsExactly("A1:[i1, i2]", "A2:[i5]", "B1:[i3]", "B2:[]");
            assertThat(await(bins.prefetch(Prefetch.of("items", items.filter("name__ne", "i1"))).orderBy("label").all()))
                    .extracting(b -> b.items().size()).containsExactly(1, 1, 1, 0);
            assertThat(sqlNotes(st, "SELECT b.label FROM v19f_bin b LEFT JOIN v19f_item i ON i.bin_aisle = b.aisle"
                    + " AND i.bin_shelf = b.shelf WHERE i.id IS NULL")).containsExactly("B2");

            // a many-to-many through a join model with a composite foreign key: both ways
            var tags = db.objects(Tag.class);
            Tag red = await(tags.create(new Tag(null, "red", null)));
            Tag blue = await(tags.create(new Tag(null, "blue", null)));
            await(db.objects(BinTag.class).create(new BinTag(null, Ref.of(red), Ref.key(Bin.class, "A", 1))));
            st.executeUpdate("INSERT INTO v19f_bin_tag (id, tag_id, bin_aisle, bin_shelf) VALUES (20, " + blue.id()
                    + ", 'A', 2), (21, " + red.id() + ", 'B', 1)");
            assertThat(labels(bins.filter("tags__name", "red"))).containsExactly("A1", "B1");
            assertThat(labels(bins.exclude("tags__name", "red"))).containsExactly("A2", "B2");
            assertThat(labels(bins.filter("tags__isnull", true))).containsExactly("B2");
            assertThat(await(tags.filter("bins__label", "A2").flatValues("name").all())).containsExactly("blue");
            assertThat(await(tags.exclude("bins__shelf", 2).flatValues("name").all())).containsExactly("red");
            assertThat(await(tags.annotate("n", Count.of("bins")).orderBy("name").values("name", "n").all()))
                    .extracting(m -> m.get("name") + "=" + m.get("n")).containsExactly("blue=1", "red=2");
            assertThat(await(bins.prefetch("tags").orderBy("label").all())).extracting(b -> b.label() + ":"
                    + b.tags().stream().map(Tag::name).toList()).containsExactly("A1:[red]", "A2:[blue]", "B1:[red]", "B2:[]");
            assertThat(await(tags.prefetch("bins").orderBy("name").all())).extracting(t -> t.name() + ":"
                    + t.bins().stream().map(Bin::label).toList()).containsExactly("blue:[A2]", "red:[A1, B1]");
            assertThat(await(bins.prefetch(Prefetch.of("tags", tags.filter("name", "red"))).orderBy("label").all()))
                    .extracting(b -> b.label() + ":" + b.tags().stream().map(Tag::name).toList())
                    .containsExactly("A1:[red]", "A2:[]", "B1:[red]", "B2:[]");
            assertThat(await(tags.prefetch(Prefetch.of("bins", bins.filter("shelf", 1).orderBy("-aisle"))).orderBy("name")
                    .all())).extracting(t -> t.name() + ":" + t.bins().stream().map(Bin::label).toList())
                    .containsExactly("blue:[]", "red:[B1, A1]");
        }
    }

    @AllDatabases
    void aMigrationAddsACompositeForeignKeyToATable(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-composite-fk-diff");
        migrate(tdb, dir, "initial", Stock.class, LaterV1.class);
        try (Connection c = tdb.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO v19f_stock (warehouse, sku, qty) VALUES ('A', 'tea', 1), ('B', 'rum', 2)");
            st.executeUpdate("INSERT INTO v19f_later (id, note) VALUES (1, 'old')");
        }
        migrate(tdb, dir, "add_stock", Stock.class, LaterV2.class);
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = statement(c, tdb)) {
            assertThat(foreignKeyColumns(st, tdb.kind(), "v19f_later"))
                    .containsExactly("stock_warehouse->warehouse", "stock_sku->sku");
            var later = db.objects(LaterV2.class);
            assertThat(await(later.get("id", 1L)).stock()).isNull();
            await(later.create(new LaterV2(2L, "new", Ref.key(Stock.class, "B", "rum"))));
            assertThatThrownBy(() -> await(later.create(new LaterV2(3L, "bad", Ref.key(Stock.class, "A", "rum")))))
                    .isInstanceOf(ForeignKeyViolationException.class);
            assertThat(await(later.filter("stock__qty", 2).flatValues("note").all())).containsExactly("new");
            assertThat(sqlNotes(st, "SELECT note FROM v19f_later WHERE stock_warehouse = 'B' AND stock_sku = 'rum'"))
                    .containsExactly("new");
        }
        // a rename keeps the values and the constraint
        migrate(tdb, dir, "rename_stock", Stock.class, LaterV3.class);
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = statement(c, tdb)) {
            assertThat(foreignKeyColumns(st, tdb.kind(), "v19f_later"))
                    .containsExactly("item_warehouse->warehouse", "item_sku->sku");
            assertThat(await(db.objects(LaterV3.class).get("id", 2L)).item()).isEqualTo(Ref.key(Stock.class, "B", "rum"));
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO v19f_later (id, note, item_warehouse, item_sku)"
                    + " VALUES (9, 'bad', 'A', 'rum')")).isInstanceOf(SQLException.class);
        }
    }

    /** Writes a migration of {@code models} into {@code dir} and applies every migration there. */
    private static void migrate(TestDatabase tdb, Path dir, String name, Class<?>... models) {
        Migrations.makeMigrations(List.of(models), dir, name, false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
    }

    /** A plain JDBC statement that enforces foreign keys (SQLite does only when asked). */
    private static Statement statement(Connection c, TestDatabase tdb) throws SQLException {
        Statement st = c.createStatement();
        if (tdb.kind() == DatabaseKind.SQLITE) {
            st.execute("PRAGMA foreign_keys = ON");
        }
        return st;
    }

    private static List<String> labels(io.oxyde.Query<Bin> q) {
        return await(q.all()).stream().map(Bin::label).sorted().toList();
    }

    private static List<String> notes(io.oxyde.Query<Line> q) {
        return await(q.all()).stream().map(Line::note).sorted().toList();
    }

    private static List<String> sqlNotes(Statement st, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** "note stock_warehouse/stock_sku backup_warehouse/backup_sku" per line, by note ("-" for NULL). */
    private static List<String> lineRows(Statement st) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT note, stock_warehouse, stock_sku, backup_warehouse, backup_sku"
                + " FROM v19f_line ORDER BY note")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + dash(rs.getString(2)) + "/" + dash(rs.getString(3)) + " "
                        + dash(rs.getString(4)) + "/" + dash(rs.getString(5)));
            }
        }
        return out;
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    /** "column->referenced column" of every foreign key of {@code table}, by constraint name then key position. */
    private static List<String> foreignKeyColumns(Statement st, DatabaseKind kind, String table) throws Exception {
        String sql = switch (kind) {
            case POSTGRES -> "SELECT a.attname, af.attname FROM pg_constraint c CROSS JOIN LATERAL"
                    + " unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(l, r, n)"
                    + " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.l"
                    + " JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = k.r"
                    + " WHERE c.conrelid = '" + table + "'::regclass AND c.contype = 'f' ORDER BY c.conname, k.n";
            case MARIADB -> "SELECT column_name, referenced_column_name FROM information_schema.key_column_usage"
                    + " WHERE table_schema = DATABASE() AND table_name = '" + table + "'"
                    + " AND referenced_table_name IS NOT NULL ORDER BY constraint_name, ordinal_position";
            default -> "SELECT \"from\", \"to\" FROM pragma_foreign_key_list('" + table + "') ORDER BY \"from\" NOT LIKE 'backup%', id, seq";
        };
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1) + "->" + rs.getString(2));
            }
        }
        return out;
    }
}
