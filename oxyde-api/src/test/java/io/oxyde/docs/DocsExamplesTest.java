package io.oxyde.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.AtomicOptions;
import io.oxyde.expression.Count;
import io.oxyde.expression.Concat;
import io.oxyde.expression.Exists;
import io.oxyde.expression.Extract;
import io.oxyde.expression.Literal;
import io.oxyde.expression.Lower;
import io.oxyde.expression.OuterRef;
import io.oxyde.expression.Subquery;
import io.oxyde.expression.RowNumber;
import io.oxyde.expression.Window;
import io.oxyde.expression.Trunc;
import io.oxyde.Created;
import io.oxyde.ExplainFormat;
import io.oxyde.F;
import io.oxyde.exception.FieldException;
import io.oxyde.exception.NotFoundException;
import io.oxyde.Oxyde;
import io.oxyde.Q;
import io.oxyde.Prefetch;
import io.oxyde.Query;
import io.oxyde.Ref;
import io.oxyde.expression.Sum;
import io.oxyde.annotation.Table;
import io.oxyde.exception.ValidationException;
import io.oxyde.chinook.Album;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Customer;
import io.oxyde.chinook.Employee;
import io.oxyde.chinook.Genre;
import io.oxyde.chinook.Invoice;
import io.oxyde.chinook.InvoiceLine;
import io.oxyde.chinook.Playlist;
import io.oxyde.chinook.Track;
import io.oxyde.codec.SelectIr;
import io.oxyde.exception.OxydeException;
import io.oxyde.exception.UniqueViolationException;
import io.oxyde.it.Chinook;
import io.oxyde.dialect.Dialect;
import io.oxyde.query.SqlStatement;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every code example of docs/getting-started.md, queries.md, relations.md, transactions.md,
 * raw-sql.md and errors.md, run against real databases. The guides quote these lines
 * verbatim (checked by {@link DocsSnippetsTest}).
 */
class DocsExamplesTest {

    private static final List<Track> TRACKS = Chinook.DATA.rows(Track.class);
    private static final List<Album> ALBUMS = Chinook.DATA.rows(Album.class);
    private static final List<Artist> ARTISTS = Chinook.DATA.rows(Artist.class);
    private static final List<Genre> GENRES = Chinook.DATA.rows(Genre.class);
    private static final List<Track> SMALL = TRACKS.stream().filter(t -> (Long) t.album().id() <= 20).toList();
    private static final java.util.function.Function<Track, Object> ALBUM_ARTIST =
            t -> ALBUMS.get((int) (long) (Long) t.album().id() - 1).artist().id();

    private static long genreId(String name) {
        return GENRES.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow().id();
    }

    // getting-started: a model
    @Table("band")
    public record Band(Long id, @NotBlank @Size(max = 120) String name) {
    }

    @Test
    void gettingStarted(@TempDir Path dir) {
        String file = dir.resolve("music.db").toString();
        // getting-started: connect, create, query
        try (Oxyde db = Oxyde.connect("sqlite:" + file)) {
            Oxyde.await(db.raw("CREATE TABLE band (id INTEGER PRIMARY KEY, name TEXT NOT NULL)").execute());
            Band queen = Oxyde.await(db.objects(Band.class).create(new Band(null, "Queen")));
            Oxyde.await(db.objects(Band.class).bulkCreate(List.of(new Band(null, "Quiet Riot"), new Band(null, "Muse"))));
            List<Band> qBands = Oxyde.await(db.objects(Band.class).filter("name__startswith", "Q").orderBy("name").all());
            assertThat(qBands).extracting(Band::name).containsExactly("Queen", "Quiet Riot");
            assertThat(queen.id()).isEqualTo(1L);
        }
    }

    @AllDatabases
    void gettingStartedAsync(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        // getting-started: async composition
        CompletableFuture<String> summary = db.objects(Artist.class).get("name", "AC/DC")
                .thenCompose(acdc -> db.objects(Album.class).filter("artist", acdc).count()
                        .thenApply(n -> acdc.name() + " has " + n + " albums"));

        assertThat(Oxyde.await(summary)).isEqualTo("AC/DC has " + ALBUMS.stream()
                .filter(a -> (Long) a.artist().id() == 1L).count() + " albums");
    }

    // queries: a model with a JSON document
    public record Device(Long id, String name, Map<String, Object> data) {
    }

    @AllDatabases
    void queriesJsonKeyPathsAndLockOf(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-docs-json");
        io.oxyde.migration.Migrations.makeMigrations(List.of(Device.class), dir, "initial", false);
        io.oxyde.migration.Migrations.migrate(tdb.oxydeUrl(), dir);
        try (Oxyde db = Oxyde.connect("docs_json_" + java.util.UUID.randomUUID().toString().substring(0, 8),
                tdb.oxydeUrl())) {
            Oxyde.await(db.objects(Device.class).bulkCreate(List.of(
                    new Device(1L, "lamp", Map.of("owner", Map.of("name", "Ada", "age", 36), "active", true)),
                    new Device(2L, "radio", Map.of("owner", Map.of("name", "Grace"), "active", false)))));
            // queries: JSON key paths
            List<Device> ada = Oxyde.await(db.objects(Device.class).filter("data__owner__name", "Ada").all());
            long withAge = Oxyde.await(db.objects(Device.class).filter("data__owner__has_key", "age").count());
            long active = Oxyde.await(db.objects(Device.class).filter("data__active", true).count());
            assertThat(ada).extracting(Device::name).containsExactly("lamp");
            assertThat(List.of(withAge, active)).containsExactly(1L, 1L);
        }
        if (tdb.kind() != io.oxyde.testkit.DatabaseKind.MARIADB) { // MariaDB has no FOR UPDATE OF
            Oxyde db = Chinook.shared(tdb);
            // queries: FOR UPDATE OF
            List<Album> acdc = Oxyde.await(db.atomic(tx -> tx.objects(Album.class).filter("artist__name", "AC/DC")
                    .forUpdate(io.oxyde.LockOf.of("artist")).all()));
            assertThat(acdc).extracting(Album::title).containsExactlyInAnyOrderElementsOf(ALBUMS.stream()
                    .filter(a -> (Long) a.artist().id() == 1L).map(Album::title).toList());
        }
    }

    @AllDatabases
    void queries(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        // queries: filter, exclude, order, limit, join
        CompletableFuture<List<Track>> longRock = db.objects(Track.class)
                .filter("genre__name", "Rock").filter("milliseconds__gte", 300_000)
                .exclude(Q.of("composer__isnull", true))
                .orderBy("-milliseconds").limit(10)
                .join("album__artist")
                .all();
        List<Track> tracks = Oxyde.await(longRock);
        String artist = tracks.get(0).album().get().artist().get().name();

        assertThat(tracks).hasSize(10);
        assertThat(artist).isNotBlank();

        // queries: join rules
        long withoutAlbums = Oxyde.await(db.objects(Artist.class).filter("albums__isnull", true).count());
        long noLiveAlbum = Oxyde.await(db.objects(Artist.class).exclude("albums__title__contains", "Live").count());
        long notUnderAdams = Oxyde.await(db.objects(Employee.class).exclude("reportsTo__lastName", "Adams").count());
        assertThat(List.of(withoutAlbums, noLiveAlbum, notUnderAdams)).containsExactly(71L, 264L, 6L);

        // queries: F in filters
        long smallFiles = Oxyde.await(db.objects(Track.class).filter("bytes__lt", F.col("milliseconds").mul(20)).count());
        long atListPrice = Oxyde.await(db.objects(InvoiceLine.class).filter("unitPrice", F.col("track__unitPrice")).count());
        assertThat(smallFiles).isEqualTo(TRACKS.stream().filter(t -> t.bytes() < (long) t.milliseconds() * 20).count());
        assertThat(atListPrice).isEqualTo(Chinook.DATA.rows(InvoiceLine.class).size());

        // queries: subqueries
        List<Artist> withLiveAlbums = Oxyde.await(db.objects(Artist.class)
                .filter("id__in", db.objects(Album.class).filter("title__contains", "Live").values("artist")).all());
        long queenTracks = Oxyde.await(db.objects(Track.class)
                .filter("album__in", db.objects(Album.class).filter("artist__name", "Queen")).count());
        assertThat(withLiveAlbums).hasSize(11);
        assertThat(queenTracks).isEqualTo(TRACKS.stream().filter(t -> ALBUMS.stream().anyMatch(a -> a.id().equals(t.album().id())
                && ARTISTS.stream().anyMatch(r -> r.id().equals(a.artist().id()) && r.name().equals("Queen")))).count());

        // queries: correlated subqueries
        var albumsOfArtist = db.objects(Album.class).filter("artist", OuterRef.of("id"));
        long withAlbums = Oxyde.await(db.objects(Artist.class).filter(Exists.of(albumsOfArtist)).count());
        long noAlbums = Oxyde.await(db.objects(Artist.class).exclude(Exists.of(albumsOfArtist)).count());
        var firstOfCustomer = db.objects(Invoice.class).filter("customer", OuterRef.of("customer"))
                .orderBy("invoiceDate", "id").values("id").limit(1);
        long firstInvoices = Oxyde.await(db.objects(Invoice.class).filter("id", Subquery.of(firstOfCustomer)).count());
        assertThat(List.of(withAlbums, noAlbums, firstInvoices)).containsExactly(204L, 71L, 59L);

        // queries: annotations on model queries
        var withCounts = db.objects(Artist.class).annotate("n", Count.of("albums"));
        List<Artist> prolific = Oxyde.await(withCounts.filter("n__gt", 5).orderBy("-n").all());
        List<Map<String, Object>> albumCounts = Oxyde.await(withCounts.orderBy("-n", "id").values("name", "n").limit(3).all());
        assertThat(prolific.get(0).name()).isEqualTo("Iron Maiden");
        assertThat(albumCounts.get(0)).containsEntry("name", "Iron Maiden").containsEntry("n", 21L);

        // queries: functions
        long acdc = Oxyde.await(db.objects(Artist.class).annotate("lname", Lower.of("name")).filter("lname", "ac/dc").count());
        List<Map<String, Object>> fullNames = Oxyde.await(db.objects(Customer.class)
                .annotate("full", Concat.of("firstName", Literal.of(" "), "lastName")).values("id", "full").all());
        List<Map<String, Object>> perYear = Oxyde.await(db.objects(Invoice.class)
                .annotate("year", Extract.of("invoiceDate", Extract.Part.YEAR))
                .values("year").annotate("n", Count.all()).orderBy("year").all());
        List<Map<String, Object>> totalsPerYear = Oxyde.await(db.objects(Invoice.class)
                .annotate("year", Trunc.of("invoiceDate", Trunc.Part.YEAR))
                .values("year").annotate("total", Sum.of("total")).orderBy("year").all());
        assertThat(acdc).isEqualTo(1L);
        assertThat(totalsPerYear).hasSize(5);
        assertThat(totalsPerYear.get(0).get("year")).isEqualTo(Chinook.DATA.rows(Invoice.class).stream()
                .map(Invoice::invoiceDate).min(java.util.Comparator.naturalOrder()).orElseThrow().withDayOfYear(1)
                .truncatedTo(java.time.temporal.ChronoUnit.DAYS));
        assertThat(fullNames).hasSize(59).contains(Map.of("id", 1L, "full", "Luís Gonçalves"));
        assertThat(perYear).hasSize(5);

        // queries: window functions
        List<Map<String, Object>> numbered = Oxyde.await(db.objects(Track.class)
                .annotate("n", Window.of(RowNumber.of()).partitionBy("album").orderBy("milliseconds", "id"))
                .values("id", "album", "n").orderBy("album", "n").all());
        List<Map<String, Object>> running = Oxyde.await(db.objects(Invoice.class).filter("customer__id", 1)
                .annotate("runningTotal", Window.of(Sum.of("total")).orderBy("invoiceDate", "id"))
                .values("id", "total", "runningTotal").orderBy("invoiceDate", "id").all());
        assertThat(numbered).hasSize(TRACKS.size());
        assertThat(numbered.get(0)).containsEntry("album", 1L).containsEntry("n", 1L);
        assertThat(new BigDecimal(running.get(running.size() - 1).get("runningTotal").toString())
                .setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo(Chinook.DATA.rows(Invoice.class)
                .stream().filter(i -> (Long) i.customer().id() == 1L).map(Invoice::total).reduce(BigDecimal.ZERO, BigDecimal::add));

        // queries: Q objects
        Query<Track> shortOrHuge = db.objects(Track.class)
                .filter(Q.of("milliseconds__lt", 60_000).or(Q.of("bytes__gt", 500_000_000)))
                .filter(Q.not(Q.of("genre__name__in", List.of("Comedy", "Drama"))));
        assertThat(Oxyde.await(shortOrHuge.count())).isPositive();

        // queries: terminals
        Track first = Oxyde.await(db.objects(Track.class).get("id", 1));
        Optional<Track> none = Oxyde.await(db.objects(Track.class).getOrNone("name", "No Such Song"));
        long jazz = Oxyde.await(db.objects(Track.class).filter("genre__name", "Jazz").count());
        boolean any = Oxyde.await(db.objects(Track.class).filter("composer__icontains", "mercury").exists());
        BigDecimal revenue = Oxyde.await(db.objects(Invoice.class).filter("billingCountry", "USA").sum("total"));
        Integer longest = Oxyde.await(db.objects(Track.class).max("milliseconds"));

        assertThat(first.id()).isEqualTo(1L);
        assertThat(none).isEmpty();
        assertThat(jazz).isEqualTo(TRACKS.stream().filter(t -> (Long) t.genre().id() == genreId("Jazz")).count());
        assertThat(any).isTrue();
        assertThat(revenue).isEqualByComparingTo(Chinook.DATA.rows(Invoice.class).stream()
                .filter(i -> "USA".equals(i.billingCountry())).map(Invoice::total).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(longest).isEqualTo(TRACKS.stream().mapToInt(Track::milliseconds).max().orElseThrow());

        // queries: values and aggregates
        List<Map<String, Object>> byCountry = Oxyde.await(db.objects(Invoice.class)
                .values("billingCountry").annotate("total", Sum.of("total"))
                .orderBy("-total").limit(3).all());
        List<Map<String, Object>> bigGenres = Oxyde.await(db.objects(Track.class)
                .values("genre__name").annotate("tracks", Count.all())
                .having("tracks__gte", 300).orderBy("-tracks").all());
        List<Object> names = Oxyde.await(db.objects(Artist.class).filter("id__lte", 3).orderBy("id").flatValues("name").all());

        assertThat(byCountry.get(0)).containsEntry("billingCountry", "USA");
        assertThat(bigGenres).extracting(m -> m.get("genre__name")).containsExactlyElementsOf(GENRES.stream()
                .filter(g -> TRACKS.stream().filter(t -> t.genre().id().equals(g.id())).count() >= 300)
                .sorted(java.util.Comparator.comparingLong((Genre g) -> TRACKS.stream()
                        .filter(t -> t.genre().id().equals(g.id())).count()).reversed())
                .map(Genre::name).toList());
        assertThat(names).containsExactlyElementsOf(ARTISTS.subList(0, 3).stream().map(Artist::name).toList());

        // queries: publisher
        CompletableFuture<Long> counted = new CompletableFuture<>();
        db.objects(Track.class).filter("genre__name", "Jazz").publisher(200).subscribe(new Flow.Subscriber<Track>() {
            private long seen;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);      // or request(n) as you go: pages are read on demand
            }

            @Override
            public void onNext(Track track) {
                seen++;
            }

            @Override
            public void onError(Throwable error) {
                counted.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                counted.complete(seen);
            }
        });

        assertThat(Oxyde.await(counted)).isEqualTo(jazz);

        // queries: debugging
        Query<Track> query = db.objects(Track.class).filter("album__artist__name", "Queen").orderBy("-milliseconds");
        SqlStatement pg = query.sql(Dialect.POSTGRES);     // SQL text and bind values, no database needed
        SelectIr ir = query.toIr();                        // the IR sent to the driver
        List<String> plan = Oxyde.await(query.explain());  // the database's plan

        assertThat(pg.sql()).contains("join");
        assertThat(ir.joins()).hasSize(2);
        assertThat(plan).isNotEmpty();
        if (db.dialect() != Dialect.SQLITE) { // SQLite has only its text plan
            List<String> analyzed = Oxyde.await(query.explain(true, ExplainFormat.TEXT));   // runs the query
            List<String> json = Oxyde.await(query.explain(false, ExplainFormat.JSON));      // one JSON document
            assertThat(analyzed).isNotEmpty();
            assertThat(json).hasSize(1);
        }

        // queries: defer and distinctOn
        List<Track> light = Oxyde.await(db.objects(Track.class).filter("album", 1).defer("composer", "bytes").all());
        assertThat(light).hasSize(10).allMatch(t -> t.composer() == null && t.bytes() == null);
        if (db.dialect() == Dialect.POSTGRES) { // DISTINCT ON is PostgreSQL's
            List<Track> longestPerAlbum = Oxyde.await(db.objects(Track.class)
                    .distinctOn("album").orderBy("album", "-milliseconds", "id").all());
            assertThat(longestPerAlbum).hasSize(ALBUMS.size());
        }

        // queries: streaming
        AtomicInteger seen = new AtomicInteger();
        long total = Oxyde.await(db.objects(Track.class).filter("genre__name", "Rock")
                .stream(500, batch -> seen.addAndGet(batch.size())));

        assertThat(total).isEqualTo(seen.get())
                .isEqualTo(TRACKS.stream().filter(t -> (Long) t.genre().id() == genreId("Rock")).count());
    }

    @AllDatabases
    void queryWrites(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.freshMusic(tdb)) {
            Album someAlbum = Oxyde.await(db.objects(Album.class).get("id", 1));
            // queries: writes
            Genre polka = Oxyde.await(db.objects(Genre.class).create(new Genre(null, "Polka")));
            List<Genre> more = Oxyde.await(db.objects(Genre.class).bulkCreate(
                    List.of(new Genre(null, "Ska"), new Genre(null, "Dub"))));
            int doubled = Oxyde.await(db.objects(Track.class).filter("album__artist__name", "AC/DC")
                    .update(Map.of("unitPrice", F.col("unitPrice").mul(2))));
            int gone = Oxyde.await(db.objects(Track.class).filter("milliseconds__lt", 100_000).delete());
            Created<Genre> rock = Oxyde.await(db.objects(Genre.class).getOrCreate(Map.of("name", "Rock"), Map.of()));
            Genre upserted = Oxyde.await(db.objects(Genre.class).upsert(new Genre(polka.id(), "Polka!"), "id"));
            Track saved = Oxyde.await(db.save(new Track(null, "New Song", Ref.of(someAlbum), Ref.id(1L), null,
                    null, 180_000, null, new BigDecimal("0.99"))));

            assertThat(more).extracting(Genre::id).doesNotContainNull();
            assertThat(doubled).isEqualTo((int) SMALL.stream().filter(t -> (Long) ALBUM_ARTIST.apply(t) == 1L).count());
            assertThat(gone).isEqualTo((int) SMALL.stream().filter(t -> t.milliseconds() < 100_000).count());
            assertThat(rock.created()).isFalse();
            assertThat(upserted.name()).isEqualTo("Polka!");
            assertThat(saved.id()).isNotNull();

            // queries: updateReturning
            List<Track> renamed = Oxyde.await(db.objects(Track.class).filter("album", 2)
                    .updateReturning(Map.of("composer", "Unknown")));     // the stored models, in key order
            assertThat(renamed).isNotEmpty().allMatch(t -> "Unknown".equals(t.composer()));
        }
    }

    @AllDatabases
    void relations(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        // relations: join
        Track track = Oxyde.await(db.objects(Track.class).join("album__artist").get("id", 1));
        String band = track.album().get().artist().get().name();     // loaded by the same query
        boolean genreLoaded = track.genre().isLoaded();             // false: only its id is known

        assertThat(band).isEqualTo("AC/DC");
        assertThat(genreLoaded).isFalse();

        // relations: prefetch
        Artist acdc = Oxyde.await(db.objects(Artist.class).prefetch("albums").get("name", "AC/DC"));
        Playlist grunge = Oxyde.await(db.objects(Playlist.class).prefetch("tracks__album").get("name", "Grunge"));
        List<Track> withAlbums = Oxyde.await(db.objects(Track.class).filter("id__lte", 5).prefetch("album__artist").all());

        assertThat(acdc.albums()).extracting(Album::title).containsExactlyElementsOf(ALBUMS.stream()
                .filter(a -> (Long) a.artist().id() == 1L).map(Album::title).toList());
        long grungeId = Chinook.DATA.rows(Playlist.class).stream().filter(p -> p.name().equals("Grunge"))
                .findFirst().orElseThrow().id();
        assertThat(grunge.tracks()).hasSize((int) Chinook.DATA.rows(io.oxyde.chinook.PlaylistTrack.class).stream()
                .filter(l -> (Long) l.playlist().id() == grungeId).count())
                .allSatisfy(t -> assertThat(t.album().isLoaded()).isTrue());
        assertThat(withAlbums.get(0).album().get().artist().get().name()).isEqualTo("AC/DC");

        // relations: Prefetch.of
        List<Artist> withLiveAlbums = Oxyde.await(db.objects(Artist.class).filter("name__startswith", "A")
                .prefetch(Prefetch.of("albums", db.objects(Album.class).filter("title__icontains", "live").orderBy("-id")))
                .all());
        Playlist grungeRock = Oxyde.await(db.objects(Playlist.class).prefetch(Prefetch.of("tracks",
                db.objects(Track.class).filter("genre__name", "Rock").orderBy("-milliseconds", "id"))).get("name", "Grunge"));

        assertThat(withLiveAlbums).allSatisfy(a -> assertThat(a.albums()).allMatch(x -> x.title().toLowerCase()
                .contains("live")).extracting(Album::id).isSortedAccordingTo(java.util.Comparator.reverseOrder()));
        assertThat(withLiveAlbums.stream().mapToInt(a -> a.albums().size()).sum()).isEqualTo((int) ALBUMS.stream()
                .filter(x -> x.title().toLowerCase().contains("live") && ARTISTS.stream().anyMatch(r -> r.id()
                        .equals(x.artist().id()) && r.name().startsWith("A"))).count());
        assertThat(grungeRock.tracks()).isNotEmpty().extracting(Track::milliseconds)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @AllDatabases
    void transactions(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class, Album.class))) {
            List<String> mails = new ArrayList<>();
            // transactions: atomic
            CompletableFuture<Album> debut = db.atomic(tx -> tx.objects(Artist.class).create(new Artist(null, "The Newcomers"))
                    .thenCompose(artist -> tx.objects(Album.class).create(new Album(null, "Debut", Ref.of(artist)))));
            Album album = Oxyde.await(debut);

            assertThat(album.id()).isNotNull();

            // transactions: savepoints and onCommit
            Oxyde.await(db.atomic(tx -> {
                tx.onCommit(() -> mails.add("welcome mail"));
                return tx.objects(Artist.class).create(new Artist(null, "Kept"))
                        .thenCompose(kept -> tx.atomic(inner -> inner.objects(Artist.class).create(new Artist(null, "Undone"))
                                .thenCompose(a -> CompletableFuture.failedFuture(new IllegalStateException("changed my mind"))))
                                .exceptionally(error -> null));        // only the savepoint is rolled back
            }));

            assertThat(mails).containsExactly("welcome mail");
            assertThat(Oxyde.await(db.objects(Artist.class).filter("name__in", List.of("Kept", "Undone")).flatValues("name").all()))
                    .containsExactly("Kept");

            // transactions: roll back without failing
            int wouldDelete = Oxyde.await(db.atomic(tx -> {
                tx.setRollbackOnly();                  // a dry run: everything is undone, the answer is kept
                return tx.objects(Artist.class).filter("name", "Kept").delete();
            }));

            assertThat(wouldDelete).isEqualTo(1);
            assertThat(Oxyde.await(db.objects(Artist.class).filter("name", "Kept").exists())).isTrue();

            // transactions: options
            AtomicOptions options = AtomicOptions.serializable().retries(5).timeout(Duration.ofSeconds(10));
            long artists = Oxyde.await(db.atomic(options, tx -> tx.objects(Artist.class).count()));

            assertThat(artists).isEqualTo(ARTISTS.size() + 2L);
        }
    }

    private boolean inFrameworkTransaction;

    private boolean frameworkTransactionActive() {
        return inFrameworkTransaction;
    }

    @Test
    void atomicGuard(@TempDir Path dir) {
        try (Oxyde db = Oxyde.connect("guard_docs", "sqlite:" + dir.resolve("guard.db"))) {
            // transactions: a guard beside a framework's transactions
            Oxyde guarded = db.withAtomicGuard(pool -> {
                if (frameworkTransactionActive()) {
                    throw new IllegalStateException("atomic inside the framework's transaction on " + pool);
                }
            });

            String ran = Oxyde.await(guarded.atomic(tx -> CompletableFuture.completedFuture("ran")));
            assertThat(ran).isEqualTo("ran");
            inFrameworkTransaction = true;
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Oxyde.await(guarded.atomic(tx ->
                            CompletableFuture.completedFuture("never"))))
                    .isInstanceOf(IllegalStateException.class).hasMessage("atomic inside the framework's transaction on guard_docs");
        }
    }

    @AllDatabases
    void rawSql(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        // raw-sql: maps and models
        List<Map<String, Object>> rows = Oxyde.await(db.raw(
                "SELECT a.name AS artist, count(*) AS albums FROM album al JOIN artist a ON a.id = al.artist_id "
                        + "GROUP BY a.name HAVING count(*) >= ? ORDER BY albums DESC, artist", 10).all());
        List<Track> tracks = Oxyde.await(db.raw("SELECT * FROM track WHERE album_id = ? ORDER BY id", 1)
                .as(Track.class).all());

        Map.Entry<Long, Long> most = ALBUMS.stream().collect(java.util.stream.Collectors.groupingBy(
                a -> (Long) a.artist().id(), java.util.stream.Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow();
        assertThat(rows.get(0)).containsEntry("artist", ARTISTS.get((int) (long) most.getKey() - 1).name());
        assertThat(((Number) rows.get(0).get("albums")).longValue()).isEqualTo(most.getValue());
        assertThat(tracks).hasSize((int) TRACKS.stream().filter(t -> (Long) t.album().id() == 1L).count());
    }

    @AllDatabases
    void rawSqlInTransaction(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            // raw-sql: statements in a transaction
            long changed = Oxyde.await(db.atomic(tx -> tx.raw("UPDATE artist SET name = ? WHERE id = ?", "AC-DC", 1).execute()
                    .thenCompose(n -> tx.objects(Artist.class).filter("id", 1).exists().thenApply(ok -> n))));

            assertThat(changed).isEqualTo(1L);
        }
    }

    @AllDatabases
    void errors(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.fresh(tdb, List.of(Artist.class));
        try (db) {
            // errors: catching
            try {
                Oxyde.await(db.objects(Artist.class).create(new Artist(1L, "Duplicate")));
            } catch (UniqueViolationException e) {
                // the key exists; e.sqlState(), e.pool() and e.sql() say where
            } catch (ValidationException e) {
                // e.violations() lists every invalid field
            } catch (OxydeException e) {
                // anything else Oxyde reports
            }

            // errors: build time
            try {
                db.objects(Artist.class).filter("name__year", 1970);
            } catch (FieldException e) {
                // "Artist.name: lookup "year" does not apply to a field of type String (valid choices: exact, eq, ...)"
                assertThat(e.choices()).contains("icontains");
            }

            // errors: not found
            Optional<Artist> maybe = Oxyde.await(db.objects(Artist.class).getOrNone("name", "Nobody"));
            CompletableFuture<Artist> strict = db.objects(Artist.class).get("name", "Nobody")
                    .exceptionally(e -> {
                        if (e.getCause() instanceof NotFoundException) {
                            return new Artist(null, "fallback");
                        }
                        throw new IllegalStateException(e);
                    });

            assertThat(maybe).isEmpty();
            assertThat(Oxyde.await(strict).name()).isEqualTo("fallback");
        }
    }
}
