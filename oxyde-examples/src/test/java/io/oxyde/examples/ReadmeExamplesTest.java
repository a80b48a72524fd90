package io.oxyde.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.expression.Count;
import io.oxyde.F;
import io.oxyde.migration.Migrations;
import io.oxyde.Oxyde;
import io.oxyde.Q;
import io.oxyde.Ref;
import io.oxyde.metamodel.Row2;
import io.oxyde.expression.OuterRef;
import io.oxyde.expression.RowNumber;
import io.oxyde.expression.Subquery;
import io.oxyde.expression.Sum;
import io.oxyde.expression.Window;
import io.oxyde.examples.chinook.Album;
import io.oxyde.examples.chinook.Album_;
import io.oxyde.examples.chinook.Artist;
import io.oxyde.examples.chinook.Artist_;
import io.oxyde.examples.chinook.ChinookData;
import io.oxyde.examples.chinook.Genre_;
import io.oxyde.examples.chinook.Invoice;
import io.oxyde.examples.chinook.Track;
import io.oxyde.examples.chinook.Track_;
import io.oxyde.dialect.Dialect;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code tour of README.md compiles against the real API and does what the README says, on a
 * migrated and loaded Chinook SQLite database; and the README quotes this file (or the models)
 * line by line, so the two cannot drift apart.
 */
class ReadmeExamplesTest {

    @Test
    void theReadmeCodeTourRuns(@TempDir Path work) {
        String url = "sqlite:" + work.resolve("chinook.db").toAbsolutePath();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (Oxyde setup = Oxyde.connect(url)) {
            TourSchema.create(setup, url, work.resolve("tour-migrations"), quiet, new Expect());
            ChinookLoader.load(setup, ChinookData.load(), quiet, new Expect());
        }
        Path dir = work.resolve("migrations");

        // README: migrations
        Migrations.makeMigrations(List.of(Artist.class, Album.class, Track.class), dir, "initial", false);
        List<String> ddl = Migrations.sqlFor(dir, "0001_initial", io.oxyde.dialect.Dialect.POSTGRES);
        assertThat(ddl).anyMatch(s -> s.startsWith("CREATE TABLE") && s.contains("album"));

        try (Oxyde db = Oxyde.connect(url)) {
            // README: queries
            List<Track> longRock = Oxyde.await(db.objects(Track.class)
                    .filter("genre__name", "Rock").filter("milliseconds__gte", 300_000)
                    .exclude(Q.of("composer", ""))
                    .orderBy("-milliseconds").limit(10)
                    .join("album__artist")                 // the album and its artist, in the same query
                    .all());
            String band = longRock.get(0).album().get().artist().get().name();

            Artist acdc = Oxyde.await(db.objects(Artist.class).prefetch("albums").get("name", "AC/DC"));
            List<Map<String, Object>> topArtists = Oxyde.await(db.objects(Album.class)
                    .values("artist__name").annotate("albums", Count.all())
                    .orderBy("-albums").limit(3).all());
            BigDecimal usa = Oxyde.await(db.objects(Invoice.class).filter("billingCountry", "USA").sum("total"));
            List<Artist> liveArtists = Oxyde.await(db.objects(Artist.class)    // IN (SELECT artist_id FROM album …)
                    .filter("id__in", db.objects(Album.class).filter("title__contains", "Live").values("artist")).all());
            long noLiveAlbum = Oxyde.await(db.objects(Artist.class)            // a null-safe NOT IN subquery
                    .exclude("albums__title__contains", "Live").count());
            List<Map<String, Object>> firstAlbums = Oxyde.await(db.objects(Artist.class)   // a correlated subquery per row
                    .annotate("first", Subquery.of(db.objects(Album.class).filter("artist", OuterRef.of("id"))
                            .orderBy("id").values("title").limit(1)))
                    .filter("name__startswith", "A").values("name", "first").orderBy("name").all());
            List<Map<String, Object>> trackNumbers = Oxyde.await(db.objects(Track.class)   // row_number() OVER (…)
                    .filter("album__artist__name", "AC/DC")
                    .annotate("n", Window.of(RowNumber.of()).partitionBy("album").orderBy("milliseconds", "id"))
                    .values("album", "name", "n").orderBy("album", "n").all());
            String sql = db.objects(Track.class).filter("album__title__icontains", "rock").sql(Dialect.POSTGRES).sql();
            // README: end queries

            // README: typed
            List<Track> sameLongRock = Oxyde.await(db.objects(Track.class)
                    .filter(Track_.GENRE.then(Genre_.NAME).eq("Rock")).filter(Track_.MILLISECONDS.gte(300_000))
                    .exclude(Track_.COMPOSER.eq(""))
                    .orderBy(Track_.MILLISECONDS.desc()).limit(10)
                    .join(Track_.ALBUM.then(Album_.ARTIST))
                    .all());
            List<Row2<String, Integer>> acdcLengths = Oxyde.await(db.objects(Track.class)
                    .filter(Track_.ALBUM.then(Album_.ARTIST).then(Artist_.NAME).eq("AC/DC"))
                    .values(Track_.NAME, Track_.MILLISECONDS)   // typed rows: Row2<String, Integer>
                    .all());
            // Track_.MILLISECONDS.icontains("x") does not compile: no text lookups on a number
            // README: end typed

            assertThat(sameLongRock).isEqualTo(longRock);
            assertThat(acdcLengths).hasSize(18);
            assertThat(acdcLengths).extracting(Row2::first).contains("Let There Be Rock");
            assertThat(acdcLengths).extracting(Row2::second).allMatch(ms -> ms > 0);

            ChinookData data = ChinookData.load();
            List<Artist> aArtists = data.rows(Artist.class).stream().filter(a -> a.name().startsWith("A"))
                    .sorted(java.util.Comparator.comparing(Artist::name)).toList();
            assertThat(firstAlbums).extracting(r -> r.get("name")).containsExactlyElementsOf(aArtists.stream()
                    .map(Artist::name).toList());
            for (int i = 0; i < aArtists.size(); i++) {
                long artistId = aArtists.get(i).id();
                assertThat(firstAlbums.get(i).get("first")).isEqualTo(data.rows(Album.class).stream()
                        .filter(a -> (Long) a.artist().id() == artistId).min(java.util.Comparator.comparing(Album::id))
                        .map(Album::title).orElse(null));
            }
            List<Track> acdcTracks = data.rows(Track.class).stream().filter(t -> (Long) t.album().id() == 1L
                    || (Long) t.album().id() == 4L).sorted(java.util.Comparator.comparing((Track t) -> (Long) t.album().id())
                    .thenComparingInt(Track::milliseconds).thenComparing(Track::id)).toList();
            assertThat(trackNumbers).extracting(r -> r.get("name")).containsExactlyElementsOf(acdcTracks.stream()
                    .map(Track::name).toList());
            assertThat(trackNumbers).extracting(r -> ((Number) r.get("n")).longValue())
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(liveArtists).hasSize(11);       // the Chinook JSON: 11 artists with a "Live" album title
            assertThat(noLiveAlbum).isEqualTo(264);    // and 275 - 11 without
            assertThat(longRock).hasSize(10);
            assertThat(band).isEqualTo("Led Zeppelin");
            assertThat(acdc.albums()).extracting(Album::title)
                    .containsExactly("For Those About To Rock We Salute You", "Let There Be Rock");
            assertThat(topArtists).extracting(r -> r.get("artist__name"))
                    .containsExactly("Iron Maiden", "Led Zeppelin", "Deep Purple");
            assertThat(Expect.cents(usa)).isEqualByComparingTo("523.06");
            assertThat(sql).contains("lower(").contains("join \"album\"");

            // README: async
            CompletableFuture<String> summary = db.objects(Artist.class).get("name", "AC/DC")
                    .thenCompose(artist -> db.objects(Album.class).filter("artist", artist).count()
                            .thenApply(n -> artist.name() + " has " + n + " albums"));
            // README: end async
            assertThat(Oxyde.await(summary)).isEqualTo("AC/DC has 2 albums");

            // README: transactions
            int repriced = Oxyde.await(db.atomic(tx -> tx.objects(Track.class)
                    .filter("album__artist__name", "AC/DC")
                    .update(Map.of("unitPrice", F.col("unitPrice").mul(2)))));

            Album debut = Oxyde.await(db.atomic(tx -> tx.objects(Artist.class).create(new Artist(null, "The Newcomers"))
                    .thenCompose(artist -> tx.objects(Album.class).create(new Album(null, "Debut", Ref.of(artist))))));
            // README: end transactions

            assertThat(repriced).isEqualTo(18);
            assertThat(Oxyde.await(db.objects(Track.class).get("id", 1)).unitPrice()).isEqualByComparingTo("1.98");
            assertThat(debut.id()).isEqualTo(348L);
            assertThat(Oxyde.await(db.objects(Album.class).join("artist").get("id", debut.id())).artist().get().name())
                    .isEqualTo("The Newcomers");
        }
    }

    @Test
    void theReadmeQuotesTheCodeThatIsTested() throws IOException {
        Path readme = Path.of("..", "README.md");
        StringBuilder sources = new StringBuilder(Files.readString(
                Path.of("src/test/java/io/oxyde/examples/ReadmeExamplesTest.java")));
        for (String model : List.of("Album", "Artist", "Track")) {
            sources.append(Files.readString(Path.of("src/main/java/io/oxyde/examples/chinook/" + model + ".java")));
        }
        List<String> known = sources.toString().lines().map(String::strip).toList();

        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(readme));
        List<String> quoted = new ArrayList<>();
        while (block.find()) {
            block.group(1).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.equals("...")).forEach(quoted::add);
        }
        assertThat(quoted).as("java lines quoted by README.md").hasSizeGreaterThan(20);
        assertThat(known).containsAll(quoted);
    }
}
