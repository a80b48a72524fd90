package io.oxyde.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oxyde.meta.FieldMeta;
import io.oxyde.Ref;
import io.oxyde.codec.Value;
import io.oxyde.internal.mapping.AllTypes.Color;
import io.oxyde.internal.mapping.AllTypes.Dimensions;
import io.oxyde.internal.mapping.AllTypes.Owner;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Java → Values → Java for every type of the type map, in typed and in SQLite-style representations. */
class ModelMapperRoundTripTest {

    private final ModelMapper<AllTypes> mapper = ModelMapper.of(AllTypes.class);

    static AllTypes sample() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("a", 1).put("b", "two");
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("color", "red");
        attributes.put("sizes", List.of(1, 2, 3));
        return new AllTypes(7L, Long.MAX_VALUE, Integer.MIN_VALUE, (short) -300, (byte) 120, 42, 3.25, 0.1f, -0.5,
                true, Boolean.FALSE, "héllo ✓", new BigDecimal("1234.5600"), new byte[] {0, 1, -1, 127},
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), LocalDate.of(2024, 2, 29),
                LocalTime.of(23, 59, 58, 123_456_000), LocalDateTime.of(2021, 1, 1, 0, 0, 0, 1_000),
                Instant.parse("2024-05-01T10:15:30.123456Z"), OffsetDateTime.parse("2024-05-01T10:15:30+05:30"),
                Duration.ofSeconds(90061, 500_000_000), Color.GREEN, List.of("rock", "jazz"), Arrays.asList(1, null, 3),
                attributes, node, new Dimensions(2.5, 4.0, "cm"), List.of(new Dimensions(1, 2, "m")),
                Ref.id(Owner.class, 3L), new Owner(4L, "Ann"), "not stored");
    }

    private Map<String, Value> byColumn(List<Value> values) {
        Map<String, Value> out = new HashMap<>();
        List<FieldMeta> fields = mapper.meta().fields();
        for (int i = 0; i < fields.size(); i++) {
            out.put(fields.get(i).column(), values.get(i));
        }
        return out;
    }

    private List<String> columns() {
        return mapper.meta().fields().stream().map(FieldMeta::column).toList();
    }

    @Test
    void javaToValues() {
        Map<String, Value> v = byColumn(mapper.toValues(sample()));
        assertThat(v).hasSize(30).doesNotContainKey("scratch");
        assertThat(v.get("id")).isEqualTo(Value.of(7L));
        assertThat(v.get("a_long")).isEqualTo(Value.of(Long.MAX_VALUE));
        assertThat(v.get("an_int")).isEqualTo(Value.of((long) Integer.MIN_VALUE));
        assertThat(v.get("a_short")).isEqualTo(Value.of(-300L));
        assertThat(v.get("a_float")).isEqualTo(new Value.Float(0.1));
        assertThat(v.get("a_bool")).isEqualTo(Value.Bool.TRUE);
        assertThat(v.get("boxed_bool")).isEqualTo(Value.Bool.FALSE);
        assertThat(v.get("decimal")).isEqualTo(new Value.Decimal(new BigDecimal("1234.5600")));
        assertThat(v.get("bytes")).isEqualTo(new Value.Bytes(new byte[] {0, 1, -1, 127}));
        assertThat(v.get("uuid")).isEqualTo(new Value.Uuid(UUID.fromString("123e4567-e89b-12d3-a456-426614174000")));
        assertThat(v.get("date")).isEqualTo(new Value.Date(LocalDate.of(2024, 2, 29)));
        assertThat(v.get("instant")).isEqualTo(new Value.Timestamp(OffsetDateTime.parse("2024-05-01T10:15:30.123456Z")));
        assertThat(v.get("offset_date_time")).isEqualTo(new Value.Timestamp(OffsetDateTime.parse("2024-05-01T10:15:30+05:30")));
        assertThat(v.get("duration")).as("microseconds").isEqualTo(Value.of(90_061_500_000L));
        assertThat(v.get("color")).isEqualTo(Value.of("GREEN"));
        assertThat(v.get("tags")).isEqualTo(Value.array(Value.of("rock"), Value.of("jazz")));
        assertThat(v.get("scores")).isEqualTo(Value.array(Value.of(1L), Value.nullValue(), Value.of(3L)));
        assertThat(v.get("attributes")).isEqualTo(new Value.Json("{\"color\":\"red\",\"sizes\":[1,2,3]}"));
        assertThat(v.get("node")).isEqualTo(new Value.Json("{\"a\":1,\"b\":\"two\"}"));
        assertThat(v.get("dimensions")).isEqualTo(new Value.Json("{\"width\":2.5,\"height\":4.0,\"unit\":\"cm\"}"));
        assertThat(v.get("history")).isEqualTo(new Value.Json("[{\"width\":1.0,\"height\":2.0,\"unit\":\"m\"}]"));
        assertThat(v.get("owner_id")).as("a Ref writes its id").isEqualTo(Value.of(3L));
        assertThat(v.get("co_owner_id")).as("a model writes its key").isEqualTo(Value.of(4L));
    }

    @Test
    void roundTripThroughTypedValues() {
        AllTypes original = sample();
        List<Value> values = mapper.toValues(original);
        AllTypes back = mapper.reader(columns()).read(values);
        assertThat(back).usingRecursiveComparison()
                .ignoringFields("scratch", "coOwner.name")
                .isEqualTo(original);
        assertThat(back.scratch()).as("transient component gets its default").isNull();
        assertThat(back.owner().isLoaded()).isFalse();
        assertThat(back.owner().id()).isEqualTo(3L);
        assertThat(back.coOwner()).as("a plain model FK reads as a stub holding the key").isEqualTo(new Owner(4L, null));
        assertThat(mapper.toValues(back)).isEqualTo(values);
    }

    @Test
    void roundTripOfNulls() {
        AllTypes empty = new AllTypes(null, 0, 0, (short) 0, (byte) 0, null, 0, 0, null, false, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        List<Value> values = mapper.toValues(empty);
        assertThat(values.stream().filter(v -> v instanceof Value.Null)).as("all but the 7 primitives").hasSize(23);
        assertThat(mapper.reader(columns()).read(values)).usingRecursiveComparison().isEqualTo(empty);
    }

    @Test
    void sqliteRepresentations() {
        Map<String, Value> v = byColumn(mapper.toValues(sample()));
        v.put("a_bool", Value.of(1L));
        v.put("boxed_bool", Value.of(0L));
        v.put("decimal", Value.of("1234.5600"));
        v.put("a_double", Value.of(3L));
        v.put("uuid", Value.of("123e4567-e89b-12d3-a456-426614174000"));
        v.put("date", Value.of("2024-02-29"));
        v.put("time", Value.of("23:59:58.123456"));
        v.put("date_time", Value.of("2021-01-01 00:00:00.000001"));
        v.put("instant", Value.of("2024-05-01 10:15:30.123456"));
        v.put("offset_date_time", Value.of("2024-05-01T10:15:30+05:30"));
        v.put("tags", Value.of("[\"rock\",\"jazz\"]"));
        v.put("scores", new Value.Json("[1,null,3]"));
        v.put("attributes", Value.of("{\"color\":\"red\",\"sizes\":[1,2,3]}"));
        v.put("dimensions", Value.of("{\"width\":2.5,\"height\":4.0,\"unit\":\"cm\"}"));
        List<String> columns = new ArrayList<>(v.keySet());
        List<Value> row = columns.stream().map(v::get).toList();
        AllTypes back = mapper.reader(columns).read(row);
        assertThat(back).usingRecursiveComparison().ignoringFields("scratch", "coOwner.name", "aDouble").isEqualTo(sample());
        assertThat(back.aDouble()).isEqualTo(3.0);
    }

    @Test
    void otherDatabaseRepresentations() {
        Map<String, Value> v = byColumn(mapper.toValues(sample()));
        v.put("decimal", new Value.Float(0.99));
        v.put("a_long", new Value.Decimal(new BigDecimal("9223372036854775807")));
        v.put("uuid", new Value.Bytes(new byte[] {0x12, 0x3e, 0x45, 0x67, (byte) 0xe8, (byte) 0x9b, 0x12, (byte) 0xd3,
                (byte) 0xa4, 0x56, 0x42, 0x66, 0x14, 0x17, 0x40, 0x00}));
        v.put("instant", new Value.DateTime(LocalDateTime.of(2024, 5, 1, 10, 15, 30, 123_456_000)));
        v.put("offset_date_time", Value.of("2024-05-01 04:45:30+00"));
        v.put("text", new Value.Json("{\"a\":1}"));
        List<String> columns = new ArrayList<>(v.keySet());
        AllTypes back = mapper.reader(columns).read(columns.stream().map(v::get).toList());
        assertThat(back.decimal()).isEqualTo(new BigDecimal("0.99"));
        assertThat(back.aLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(back.uuid()).isEqualTo(sample().uuid());
        assertThat(back.instant()).isEqualTo(sample().instant());
        assertThat(back.offsetDateTime()).isEqualTo(OffsetDateTime.of(2024, 5, 1, 4, 45, 30, 0, ZoneOffset.UTC));
        assertThat(back.offsetDateTime().isEqual(sample().offsetDateTime())).isTrue();
        assertThat(back.text()).isEqualTo("{\"a\":1}");
    }

    @Test
    void readersResolveColumnsOnceByNamePrefixAndCase() {
        AllTypes original = sample();
        List<Value> values = mapper.toValues(original);
        List<String> prefixed = new ArrayList<>();
        List<Value> row = new ArrayList<>();
        prefixed.add("unrelated");
        row.add(Value.of("ignored"));
        for (int i = values.size() - 1; i >= 0; i--) {
            prefixed.add("T0__" + columns().get(i).toUpperCase(java.util.Locale.ROOT));
            row.add(values.get(i));
        }
        RowReader<AllTypes> reader = mapper.reader(prefixed, "t0__", false);
        assertThat(reader.columns()).isEqualTo(prefixed);
        assertThat(reader.read(row)).usingRecursiveComparison().ignoringFields("scratch", "coOwner.name").isEqualTo(original);
        assertThat(reader.readAll(List.of(row, row))).hasSize(2);
    }

    @Test
    void partialReaderFillsDefaults() {
        AllTypes partial = mapper.partialReader(List.of("id", "text", "an_int"))
                .read(List.of(Value.of(9L), Value.of("only"), Value.of(5L)));
        assertThat(partial.id()).isEqualTo(9L);
        assertThat(partial.text()).isEqualTo("only");
        assertThat(partial.anInt()).isEqualTo(5);
        assertThat(partial.aLong()).isZero();
        assertThat(partial.uuid()).isNull();
    }

    @Test
    void singleValuesForFiltersAndUpdates() {
        assertThat(mapper.toValue("color", Color.BLUE)).isEqualTo(Value.of("BLUE"));
        assertThat(mapper.toValue("owner", 12L)).as("raw id").isEqualTo(Value.of(12L));
        assertThat(mapper.toValue("owner", new Owner(13L, "x"))).as("model").isEqualTo(Value.of(13L));
        assertThat(mapper.toValue("owner", Ref.of(new Owner(14L, "y")))).as("loaded ref").isEqualTo(Value.of(14L));
        assertThat(mapper.toValue("owner", null)).isEqualTo(Value.nullValue());
        assertThat(mapper.toValue(sample(), mapper.indexOf("duration"))).isEqualTo(Value.of(90_061_500_000L));
        assertThat(mapper.get(sample(), mapper.indexOf("text"))).isEqualTo("héllo ✓");
    }

    @Test
    void mapperIsBuiltOncePerClass() {
        assertThat(ModelMapper.of(AllTypes.class)).isSameAs(mapper);
    }
}
