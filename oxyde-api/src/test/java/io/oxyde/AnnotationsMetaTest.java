package io.oxyde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oxyde.codec.ValueKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.oxyde.annotation.Check;
import io.oxyde.annotation.Column;
import io.oxyde.annotation.ForeignKey;
import io.oxyde.annotation.Id;
import io.oxyde.annotation.IdStrategy;
import io.oxyde.annotation.Index;
import io.oxyde.annotation.Json;
import io.oxyde.annotation.Nullability;
import io.oxyde.annotation.RenamedFrom;
import io.oxyde.annotation.Table;
import io.oxyde.annotation.Transient;
import io.oxyde.annotation.Unique;
import io.oxyde.meta.CheckMeta;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.IndexMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.meta.ReverseRelationMeta;
import io.oxyde.meta.UniqueMeta;
import io.oxyde.migrate.IndexMethod;
import io.oxyde.migrate.ReferentialAction;

/** Every model annotation reaches the metadata. */
class AnnotationsMetaTest {

    enum Status { ACTIVE, RETIRED }

    @Json
    record Address(String street, String city) {
    }

    @Table(value = "products", schema = "shop", comment = "things we sell",
            indexes = {
                @Index(columns = {"name", "sku"}),
                @Index(name = "ix_live_price", columns = "price", unique = true, method = IndexMethod.HASH,
                        where = "retired_at IS NULL"),
                @Index(columns = "tags", method = IndexMethod.GIN)},
            uniqueTogether = @Unique(value = {"name", "status"}, name = "uq_name_status"),
            checks = {@Check(expression = "price >= 0"), @Check(name = "ck_positive_stock", expression = "stock > 0")})
    @RenamedFrom("product")
    record Product(
            @Id(strategy = IdStrategy.UUID) UUID id,
            @Column(name = "product_name", length = 80, comment = "display name") String name,
            @Column(unique = true, nullable = Nullability.NOT_NULL) String sku,
            @Column(precision = 12, scale = 3) BigDecimal price,
            @Column(sqlDefault = "0", index = true) int stock,
            @Column(type = "CITEXT") String code,
            @Column(nullable = Nullability.NULLABLE) Integer weight,
            Status status,
            @RenamedFrom("old_notes") String notes,
            List<String> tags,
            @Json List<Integer> history,
            Address address,
            @Json Address previousAddress,
            List<Address> pastAddresses,
            Map<String, Object> attributes,
            JsonNode raw,
            Duration warranty,
            @Transient String cached) {
    }

    private final ModelMeta<Product> meta = ModelMeta.of(Product.class);

    private FieldMeta field(String name) {
        return meta.field(name).orElseThrow();
    }

    @Test
    void tableOptions() {
        assertThat(meta.tableName()).isEqualTo("products");
        assertThat(meta.schema()).contains("shop");
        assertThat(meta.comment()).contains("things we sell");
        assertThat(meta.renamedFrom()).contains("product");
        assertThat(meta.indexes()).containsExactly(
                new IndexMeta("ix_products_stock", List.of("stock"), false, IndexMethod.BTREE, null),
                new IndexMeta("ix_products_product_name_sku", List.of("product_name", "sku"), false, IndexMethod.BTREE, null),
                new IndexMeta("ix_live_price", List.of("price"), true, IndexMethod.HASH, "retired_at IS NULL"),
                new IndexMeta("ix_products_tags", List.of("tags"), false, IndexMethod.GIN, null));
        assertThat(meta.uniqueTogether()).containsExactly(new UniqueMeta("uq_name_status", List.of("product_name", "status")));
        assertThat(meta.checks()).containsExactly(new CheckMeta("ck_products_1", "price >= 0"),
                new CheckMeta("ck_positive_stock", "stock > 0"));
    }

    @Test
    void primaryKeyStrategy() {
        assertThat(meta.primaryKey().name()).isEqualTo("id");
        assertThat(meta.primaryKey().kind()).isEqualTo(ValueKind.UUID);
        assertThat(meta.primaryKey().idStrategy()).isEqualTo(IdStrategy.UUID);
        assertThat(field("name").idStrategy()).isNull();
    }

    @Test
    void columnOptions() {
        FieldMeta name = field("name");
        assertThat(name.column()).isEqualTo("product_name");
        assertThat(name.length()).isEqualTo(80);
        assertThat(name.comment()).isEqualTo("display name");
        assertThat(field("sku").unique()).isTrue();
        assertThat(field("sku").nullable()).isFalse();
        assertThat(field("sku").length()).as("default string length").isEqualTo(255);
        assertThat(field("price").precision()).isEqualTo(12);
        assertThat(field("price").scale()).isEqualTo(3);
        assertThat(field("stock").sqlDefault()).isEqualTo("0");
        assertThat(field("stock").indexed()).isTrue();
        assertThat(field("code").sqlType()).isEqualTo("CITEXT");
        assertThat(field("weight").nullable()).isTrue();
        assertThat(field("notes").renamedFrom()).isEqualTo("old_notes");
        assertThat(field("notes").sqlDefault()).isNull();
    }

    @Test
    void kindsOfSpecialTypes() {
        assertThat(field("status").kind()).isEqualTo(ValueKind.TEXT);
        assertThat(field("status").isEnum()).isTrue();
        assertThat(field("tags").kind()).isEqualTo(ValueKind.ARRAY);
        assertThat(field("tags").elementKind()).isEqualTo(ValueKind.TEXT);
        assertThat(field("history").kind()).as("@Json on a List").isEqualTo(ValueKind.JSON);
        assertThat(field("history").elementKind()).isNull();
        assertThat(field("address").kind()).as("@Json on the class").isEqualTo(ValueKind.JSON);
        assertThat(field("address").json()).isTrue();
        assertThat(field("previousAddress").kind()).isEqualTo(ValueKind.JSON);
        assertThat(field("pastAddresses").kind()).as("a List of a @Json class").isEqualTo(ValueKind.JSON);
        assertThat(field("attributes").kind()).isEqualTo(ValueKind.JSON);
        assertThat(field("raw").kind()).isEqualTo(ValueKind.JSON);
        assertThat(field("warranty").kind()).as("microseconds").isEqualTo(ValueKind.INT);
        assertThat(meta.field("cached")).as("@Transient").isEmpty();
    }

    record Plain(String id, long counter) {
    }

    record UuidKeyed(UUID id) {
    }

    @Test
    void conventionalPrimaryKeyStrategies() {
        assertThat(ModelMeta.of(Plain.class).primaryKey().idStrategy()).isEqualTo(IdStrategy.CLIENT);
        assertThat(ModelMeta.of(Plain.class).tableName()).isEqualTo("plain");
        assertThat(ModelMeta.of(UuidKeyed.class).primaryKey().idStrategy()).isEqualTo(IdStrategy.UUID);
        assertThat(ModelMeta.of(UuidKeyed.class).tableName()).isEqualTo("uuid_keyed");
        assertThat(ModelMeta.of(Plain.class).schema()).isEmpty();
        assertThat(ModelMeta.of(Plain.class).comment()).isEmpty();
    }

    record Holder(Long id, @ForeignKey(column = "owner", onDelete = ReferentialAction.SET_DEFAULT,
            onUpdate = ReferentialAction.NO_ACTION) Ref<Plain> target, Plain plainTarget) {
    }

    @Test
    void foreignKeyOptionsAndPlainModelFields() {
        ModelMeta<Holder> holder = ModelMeta.of(Holder.class);
        FieldMeta target = holder.field("target").orElseThrow();
        assertThat(target.column()).isEqualTo("owner");
        assertThat(target.kind()).as("the kind of Plain's String key").isEqualTo(ValueKind.TEXT);
        assertThat(target.foreignKey().onDelete()).isEqualTo(ReferentialAction.SET_DEFAULT);
        assertThat(target.foreignKey().onUpdate()).isEqualTo(ReferentialAction.NO_ACTION);
        FieldMeta plain = holder.field("plainTarget").orElseThrow();
        assertThat(plain.column()).isEqualTo("plain_target_id");
        assertThat(plain.foreignKey().ref()).isFalse();
        assertThat(plain.foreignKey().target()).isEqualTo(Plain.class);
    }

    record Shelf(Long id, List<Book> books) {
    }

    record Book(Long id, Ref<Shelf> shelf) {
    }

    @Test
    void reverseRelationIsInferredWithoutAnnotation() {
        assertThat(ModelMeta.of(Shelf.class).reverseRelations())
                .containsExactly(new ReverseRelationMeta("books", Book.class, "shelf", "shelf_id"));
        assertThat(ModelMeta.of(Shelf.class).fields()).extracting(FieldMeta::name).containsExactly("id");
    }
}
