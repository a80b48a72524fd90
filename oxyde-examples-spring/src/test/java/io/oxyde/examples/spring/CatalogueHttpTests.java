package io.oxyde.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oxyde.Oxyde;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Boots {@link ChinookApplication} on a random port with the whole Chinook data set loaded,
 * and calls it over real HTTP with the JDK's client. Each subclass runs it on one database.
 */
@SpringBootTest(classes = ChinookApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class CatalogueHttpTests {

    private static TestDatabases.Owned database;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;
    @Autowired
    Oxyde db;

    static void register(DynamicPropertyRegistry registry, DatabaseKind kind) throws Exception {
        database = TestDatabases.open(kind);
        registry.add("oxyde.url", database::oxydeUrl);
        registry.add("oxyde.name", () -> "chinook_http_" + kind.label());
        registry.add("chinook.setup", () -> "true");
    }

    @AfterAll
    static void drop() throws Exception {
        database.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void servesAnArtistAndItsAlbums() throws Exception {
        JsonNode artist = ok("/artists/1");
        assertThat(artist.get("id").asLong()).isEqualTo(1);
        assertThat(artist.get("name").asText()).isEqualTo("AC/DC");

        JsonNode albums = ok("/artists/1/albums");
        assertThat(texts(albums, "title")).containsExactly("For Those About To Rock We Salute You", "Let There Be Rock");
        assertThat(texts(albums, "id")).containsExactly("1", "4");
        assertThat(texts(ok("/artists/22/albums"), "title")).hasSize(14); // Led Zeppelin
    }

    @Test
    void servesAnAlbumsTracksWithTheirGenres() throws Exception {
        JsonNode tracks = ok("/albums/1/tracks");
        assertThat(tracks).hasSize(10);
        assertThat(tracks.get(0).get("name").asText()).isEqualTo("For Those About To Rock (We Salute You)");
        assertThat(tracks.get(0).get("milliseconds").asInt()).isEqualTo(343719);
        assertThat(tracks.get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("0.99");
        assertThat(texts(tracks, "genre")).containsOnly("Rock");
    }

    @Test
    void servesTheLongestTracksOfAGenre() throws Exception {
        JsonNode longest = ok("/genres/Rock/longest?limit=3");
        assertThat(longest).hasSize(3);
        assertThat(longest.get(0).get("name").asText()).isEqualTo("Dazed And Confused");
        assertThat(longest.get(0).get("milliseconds").asInt()).isEqualTo(1612329);
        assertThat(longest.get(0).get("milliseconds").asInt()).isGreaterThanOrEqualTo(longest.get(1).get("milliseconds").asInt());
        assertThat(texts(longest, "genre")).containsOnly("Rock");
    }

    @Test
    void answersMissingRowsWith404AndBadParametersWith400() throws Exception {
        HttpResponse<String> missing = get("/artists/999999/albums");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("detail").asText()).contains("Artist");
        assertThat(get("/artists/999999").statusCode()).isEqualTo(404);
        HttpResponse<String> bad = get("/genres/Rock/longest?limit=0");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("detail").asText()).contains("limit");
    }

    @Test
    void theStartersBeanIsTheOneServing() {
        assertThat(db.name()).startsWith("chinook_http_");
        assertThat(Oxyde.await(db.objects(io.oxyde.examples.chinook.Track.class).count())).isEqualTo(3503L);
    }
}
