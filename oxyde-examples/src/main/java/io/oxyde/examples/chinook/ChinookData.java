package io.oxyde.examples.chinook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oxyde.Ref;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole Chinook sample data set (15,607 rows; {@code ChinookData.json} next to this class on
 * the classpath, MIT licensed, see {@code LICENSE.md} there) as model instances, ready for
 * {@code bulkCreate}. Rows keep Chinook's own keys, so the foreign keys are simply
 * {@code Ref.id(key)}; only {@link PlaylistTrack}, which has no key in Chinook, gets generated ones.
 *
 * <p>It is plain Jackson tree reading, one small function per table, so it doubles as an example
 * of building models from an external source.
 */
public final class ChinookData {

    /** Every model, in foreign-key order: each comes after the models it references. */
    public static final List<Class<?>> MODELS = List.of(Genre.class, MediaType.class, Artist.class, Album.class,
            Track.class, Employee.class, Customer.class, Invoice.class, InvoiceLine.class, Playlist.class,
            PlaylistTrack.class);

    private static final String RESOURCE = "ChinookData.json";

    private final Map<Class<?>, List<?>> tables = new LinkedHashMap<>();

    private ChinookData(JsonNode root) {
        put(root, Genre.class, r -> new Genre(key(r, "GenreId"), text(r, "Name")));
        put(root, MediaType.class, r -> new MediaType(key(r, "MediaTypeId"), text(r, "Name")));
        put(root, Artist.class, r -> new Artist(key(r, "ArtistId"), text(r, "Name")));
        put(root, Album.class, r -> new Album(key(r, "AlbumId"), text(r, "Title"), ref(r, "ArtistId")));
        put(root, Track.class, r -> new Track(key(r, "TrackId"), text(r, "Name"), ref(r, "AlbumId"),
                ref(r, "MediaTypeId"), ref(r, "GenreId"), text(r, "Composer"), r.get("Milliseconds").intValue(),
                r.hasNonNull("Bytes") ? r.get("Bytes").intValue() : null, decimal(r, "UnitPrice")));
        put(root, Employee.class, r -> new Employee(key(r, "EmployeeId"), text(r, "LastName"), text(r, "FirstName"),
                text(r, "Title"), ref(r, "ReportsTo"), dateTime(r, "BirthDate"), dateTime(r, "HireDate"),
                text(r, "Address"), text(r, "City"), text(r, "State"), text(r, "Country"), text(r, "PostalCode"),
                text(r, "Phone"), text(r, "Fax"), text(r, "Email")));
        put(root, Customer.class, r -> new Customer(key(r, "CustomerId"), text(r, "FirstName"), text(r, "LastName"),
                text(r, "Company"), text(r, "Address"), text(r, "City"), text(r, "State"), text(r, "Country"),
                text(r, "PostalCode"), text(r, "Phone"), text(r, "Fax"), text(r, "Email"), ref(r, "SupportRepId")));
        put(root, Invoice.class, r -> new Invoice(key(r, "InvoiceId"), ref(r, "CustomerId"),
                dateTime(r, "InvoiceDate"), text(r, "BillingAddress"), text(r, "BillingCity"),
                text(r, "BillingState"), text(r, "BillingCountry"), text(r, "BillingPostalCode"),
                decimal(r, "Total")));
        put(root, InvoiceLine.class, r -> new InvoiceLine(key(r, "InvoiceLineId"), ref(r, "InvoiceId"),
                ref(r, "TrackId"), decimal(r, "UnitPrice"), r.get("Quantity").intValue()));
        put(root, Playlist.class, r -> new Playlist(key(r, "PlaylistId"), text(r, "Name")));
        put(root, PlaylistTrack.class, r -> new PlaylistTrack(null, ref(r, "PlaylistId"), ref(r, "TrackId")));
    }

    /** Reads and converts the data set from the classpath (about 2 MB of JSON; takes a few hundred ms). */
    public static ChinookData load() {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        try (InputStream in = ChinookData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " next to "
                        + ChinookData.class.getName() + " is missing");
            }
            return new ChinookData(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The rows of one model, in Chinook's key order. */
    @SuppressWarnings("unchecked")
    public <T> List<T> rows(Class<T> model) {
        List<?> rows = tables.get(model);
        if (rows == null) {
            throw new IllegalArgumentException(model.getName() + " is not a Chinook model; expected one of " + MODELS);
        }
        return (List<T>) rows;
    }

    /** How many rows all tables hold together. */
    public int totalRows() {
        return tables.values().stream().mapToInt(List::size).sum();
    }

    private <T> void put(JsonNode root, Class<T> model, Function<JsonNode, T> row) {
        JsonNode array = root.get(model.getSimpleName());
        if (array == null || !array.isArray()) {
            throw new IllegalStateException(RESOURCE + " has no array \"" + model.getSimpleName() + "\"");
        }
        List<T> rows = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            rows.add(row.apply(node));
        }
        tables.put(model, List.copyOf(rows));
    }

    private static Long key(JsonNode row, String field) {
        return row.get(field).longValue();
    }

    private static <T> Ref<T> ref(JsonNode row, String field) {
        return row.hasNonNull(field) ? Ref.id(row.get(field).longValue()) : null;
    }

    private static String text(JsonNode row, String field) {
        return row.hasNonNull(field) ? row.get(field).asText() : null;
    }

    private static BigDecimal decimal(JsonNode row, String field) {
        return row.get(field).decimalValue();
    }

    private static LocalDateTime dateTime(JsonNode row, String field) {
        return row.hasNonNull(field) ? LocalDateTime.parse(row.get(field).asText()) : null;
    }
}
