package io.oxyde.chinook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.Value;
import io.oxyde.internal.mapping.ModelMapper;
import io.oxyde.internal.model.Naming;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Chinook sample data (test resource {@code ChinookData.json}, MIT licensed, see LICENSE.md
 * next to it) as rows of this project's column names, in the raw representations a SQLite
 * database returns: integers, floats for prices, ISO-8601 text for dates. Tests reuse it to
 * load real data through the mapper and, later, into databases.
 */
public final class ChinookData {

    /** The models in foreign-key order: every model comes after the models it references. */
    public static final List<Class<?>> MODELS = List.of(Artist.class, Genre.class, MediaType.class, Album.class,
            Track.class, Employee.class, Customer.class, Invoice.class, InvoiceLine.class, Playlist.class,
            PlaylistTrack.class);

    private static ChinookData instance;

    private final Map<String, RowSet> tables = new LinkedHashMap<>();

    private ChinookData(JsonNode root) {
        for (Map.Entry<String, JsonNode> table : root.properties()) {
            tables.put(table.getKey(), rowSet(table.getKey(), table.getValue()));
        }
    }

    /** The data, parsed once. */
    public static synchronized ChinookData load() {
        if (instance == null) {
            try (InputStream in = ChinookData.class.getResourceAsStream("ChinookData.json")) {
                instance = new ChinookData(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The raw rows of a model's table, with the model's column names. */
    public RowSet rowSet(Class<?> model) {
        RowSet rows = tables.get(model.getSimpleName());
        if (rows == null) {
            throw new IllegalArgumentException("no Chinook table for " + model.getName());
        }
        return rows;
    }

    /** The rows of a model's table read into model instances through the mapper. */
    public <T> List<T> rows(Class<T> model) {
        RowSet rows = rowSet(model);
        return ModelMapper.of(model).reader(rows.columns()).readAll(rows.rows());
    }

    private static RowSet rowSet(String table, JsonNode rows) {
        List<String> keys = new ArrayList<>();
        rows.get(0).fieldNames().forEachRemaining(keys::add);
        boolean ownId = keys.contains(table + "Id");
        List<String> columns = new ArrayList<>();
        if (!ownId) {
            columns.add("id");
        }
        for (String key : keys) {
            columns.add(column(table, key));
        }
        List<List<Value>> out = new ArrayList<>();
        long n = 0;
        for (JsonNode row : rows) {
            List<Value> values = new ArrayList<>();
            if (!ownId) {
                values.add(Value.of(++n));
            }
            for (String key : keys) {
                values.add(value(row.get(key)));
            }
            out.add(values);
        }
        return new RowSet(columns, out);
    }

    private static String column(String table, String key) {
        if (key.equals(table + "Id")) {
            return "id";
        }
        if (key.equals("ReportsTo")) {
            return "reports_to_id";
        }
        if (key.endsWith("Id")) {
            return Naming.snakeCase(key.substring(0, key.length() - 2)) + "_id";
        }
        return Naming.snakeCase(key);
    }

    private static Value value(JsonNode node) {
        if (node == null || node.isNull()) {
            return Value.nullValue();
        }
        if (node.isIntegralNumber()) {
            return Value.of(node.longValue());
        }
        if (node.isNumber()) {
            return new Value.Float(node.doubleValue());
        }
        return Value.of(node.asText());
    }
}
