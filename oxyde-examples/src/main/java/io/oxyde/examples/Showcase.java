package io.oxyde.examples;

import io.oxyde.expression.Count;
import io.oxyde.Created;
import io.oxyde.F;
import io.oxyde.Oxyde;
import io.oxyde.Q;
import io.oxyde.Query;
import io.oxyde.expression.Sum;
import io.oxyde.examples.chinook.Album;
import io.oxyde.examples.chinook.Artist;
import io.oxyde.examples.chinook.Customer;
import io.oxyde.examples.chinook.Employee;
import io.oxyde.examples.chinook.Genre;
import io.oxyde.examples.chinook.Invoice;
import io.oxyde.examples.chinook.InvoiceLine;
import io.oxyde.examples.chinook.Playlist;
import io.oxyde.examples.chinook.PlaylistTrack;
import io.oxyde.examples.chinook.Track;
import io.oxyde.dialect.Dialect;
import io.oxyde.query.SqlStatement;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Step 3 of the tour: the showcase queries. Each prints what it runs and its result as a table,
 * then checks the result against a fact about the Chinook data set that was established
 * independently of Oxyde (by reading {@code ChinookData.json} with a script), so a wrong answer
 * on any database stops the tour with a {@link TourFailure}.
 */
public final class Showcase {
    private final Oxyde db;
    private final PrintStream out;
    private final Expect expect;
    private int step;

    /** A showcase over a loaded Chinook database. */
    public Showcase(Oxyde db, PrintStream out, Expect expect) {
        this.db = db;
        this.out = out;
        this.expect = expect;
    }

    /** Runs every showcase in order; the writes at the end change data the earlier ones read. */
    public void runAll() {
        counts();
        filtersAndLookups();
        combinedConditions();
        foreignKeyTraversal();
        join();
        prefetch();
        aggregatesGroupedBy();
        revenueByCountryAndYear();
        rawSql();
        updateWithFInTransaction();
        rollback();
        getOrCreate();
        streamedScan();
        sqlForEachDialect();
    }

    private void heading(String title, String code) {
        out.println();
        out.println(String.format("%2d. %s", ++step, title));
        for (String line : code.split("\n")) {
            out.println("    " + line);
        }
    }

    /** Rows per table, by {@code count()}. */
    void counts() {
        heading("Counting rows", "db.objects(Artist.class).count()");
        TextTable table = TextTable.of("model", "rows");
        long artists = Oxyde.await(db.objects(Artist.class).count());
        long albums = Oxyde.await(db.objects(Album.class).count());
        long tracks = Oxyde.await(db.objects(Track.class).count());
        long invoices = Oxyde.await(db.objects(Invoice.class).count());
        table.row("Artist", artists).row("Album", albums).row("Track", tracks).row("Invoice", invoices).print(out);
        expect.equal("artists", 275, artists);
        expect.equal("albums", 347, albums);
        expect.equal("tracks", 3503, tracks);
        expect.equal("invoices", 412, invoices);
    }

    /** Lookups: {@code icontains}, {@code gte}, ordering and limits. */
    void filtersAndLookups() {
        heading("Filters and lookups", """
                db.objects(Track.class).filter("genre__name", "Jazz").filter("milliseconds__gte", 300_000)
                        .orderBy("-milliseconds").limit(3).all()""");
        Query<Track> longJazz = db.objects(Track.class).filter("genre__name", "Jazz")
                .filter("milliseconds__gte", 300_000);
        List<Track> top = Oxyde.await(longJazz.orderBy("-milliseconds").limit(3).all());
        TextTable table = TextTable.of("track", "minutes", "milliseconds");
        for (Track t : top) {
            table.row(t.name(), String.format("%d:%02d", t.milliseconds() / 60_000, t.milliseconds() / 1000 % 60),
                    t.milliseconds());
        }
        table.print(out);
        expect.equal("longest Jazz tracks", List.of("My Funny Valentine (Live)", "Miles Runs The Voodoo Down", "Walkin'"),
                top.stream().map(Track::name).toList());
        expect.equal("their lengths", List.of(907_520, 843_964, 807_392),
                top.stream().map(Track::milliseconds).toList());
        long count = Oxyde.await(longJazz.count());
        long love = Oxyde.await(db.objects(Track.class).filter("name__icontains", "love").count());
        out.println("  Jazz tracks of 5 minutes or more: " + count + "; titles containing \"love\" (any case): " + love);
        expect.equal("Jazz tracks of at least 5 minutes", 44, count);
        expect.equal("track names containing 'love'", 114, love);
    }

    /** {@code Q} objects: OR and NOT. */
    void combinedConditions() {
        heading("Combining conditions with Q", """
                db.objects(Track.class)
                        .filter(Q.of("milliseconds__lt", 60_000).or(Q.of("bytes__gt", 500_000_000))).count()""");
        long shortOrHuge = Oxyde.await(db.objects(Track.class)
                .filter(Q.of("milliseconds__lt", 60_000).or(Q.of("bytes__gt", 500_000_000))).count());
        long rockNotAcdc = Oxyde.await(db.objects(Track.class)
                .filter("name__startswith", "Rock").exclude(Q.of("album__artist__name", "AC/DC")).count());
        TextTable.of("condition", "tracks")
                .row("shorter than a minute OR larger than 500 MB", shortOrHuge)
                .row("name starts with \"Rock\", NOT by AC/DC", rockNotAcdc)
                .print(out);
        expect.equal("short-or-huge tracks", 125, shortOrHuge);
        expect.equal("tracks starting with Rock", 15, rockNotAcdc);
    }

    /** Paths across foreign keys become joins in one query. */
    void foreignKeyTraversal() {
        heading("Following foreign keys in filters", """
                db.objects(InvoiceLine.class).filter("invoice__customer__country", "Brazil").count()
                db.objects(Playlist.class).filter("tracks__genre__name", "Jazz").distinct().count()
                db.objects(Employee.class).filter("reportsTo__firstName", "Nancy").orderBy("id").all()""");
        long brazil = Oxyde.await(db.objects(InvoiceLine.class).filter("invoice__customer__country", "Brazil").count());
        long peacock = Oxyde.await(db.objects(Customer.class).filter("supportRep__lastName", "Peacock").count());
        long acdc = Oxyde.await(db.objects(Track.class).filter("album__artist__name", "AC/DC").count());
        // to-many paths (a reverse foreign key, a many-to-many) repeat the parent per child: distinct()
        long liveArtists = Oxyde.await(db.objects(Artist.class)
                .filter("albums__title__icontains", "live").distinct().count());
        long jazzPlaylists = Oxyde.await(db.objects(Playlist.class)
                .filter("tracks__genre__name", "Jazz").distinct().count());
        TextTable.of("path", "value", "rows")
                .row("InvoiceLine invoice__customer__country", "Brazil", brazil)
                .row("Customer supportRep__lastName", "Peacock", peacock)
                .row("Track album__artist__name", "AC/DC", acdc)
                .row("Artist albums__title__icontains, distinct", "live", liveArtists)
                .row("Playlist tracks__genre__name, distinct", "Jazz", jazzPlaylists)
                .print(out);
        expect.equal("invoice lines sold to Brazil", 190, brazil);
        expect.equal("customers of Jane Peacock", 21, peacock);
        expect.equal("AC/DC tracks", 18, acdc);
        expect.equal("artists with an album whose title contains 'live'", 11, liveArtists);
        expect.equal("playlists with a Jazz track", 4, jazzPlaylists);

        List<Employee> reports = Oxyde.await(db.objects(Employee.class).filter("reportsTo__firstName", "Nancy")
                .join("reportsTo").orderBy("id").all());
        TextTable table = TextTable.of("employee", "title", "reports to");
        for (Employee e : reports) {
            Employee boss = e.reportsTo().get();
            table.row(e.firstName() + " " + e.lastName(), e.title(), boss.firstName() + " " + boss.lastName());
        }
        table.print(out);
        expect.equal("Nancy Edwards' reports", List.of("Peacock", "Park", "Johnson"),
                reports.stream().map(Employee::lastName).toList());
    }

    /** {@code join}: related rows loaded by the same query. */
    void join() {
        heading("join: related rows in the same query", """
                db.objects(Track.class).filter("album__artist__name", "AC/DC")
                        .join("album__artist", "genre").orderBy("id").limit(5).all()""");
        List<Track> tracks = Oxyde.await(db.objects(Track.class).filter("album__artist__name", "AC/DC")
                .join("album__artist", "genre").orderBy("id").limit(5).all());
        TextTable table = TextTable.of("id", "track", "album", "artist", "genre");
        for (Track t : tracks) {
            Album album = t.album().get();
            table.row(t.id(), t.name(), album.title(), album.artist().get().name(), t.genre().get().name());
        }
        table.print(out);
        expect.equal("first AC/DC tracks", List.of(1L, 6L, 7L, 8L, 9L), tracks.stream().map(Track::id).toList());
        expect.equal("album of track 1", "For Those About To Rock We Salute You", tracks.get(0).album().get().title());
        expect.that("every joined reference is loaded",
                tracks.stream().allMatch(t -> t.album().get().artist().isLoaded() && t.genre().isLoaded()));
    }

    /** {@code prefetch}: reverse foreign keys and many-to-many, one {@code IN} query per level. */
    void prefetch() {
        heading("prefetch: collections with one IN query per level", """
                db.objects(Artist.class).filter("name__in", List.of("AC/DC", "Led Zeppelin", "Queen"))
                        .orderBy("name").prefetch("albums").all()
                db.objects(Playlist.class).prefetch("tracks__album").get("name", "Grunge")""");
        List<Artist> artists = Oxyde.await(db.objects(Artist.class)
                .filter("name__in", List.of("AC/DC", "Led Zeppelin", "Queen")).orderBy("name").prefetch("albums").all());
        TextTable table = TextTable.of("artist", "albums", "first album");
        for (Artist a : artists) {
            table.row(a.name(), a.albums().size(), a.albums().get(0).title());
        }
        table.print(out);
        expect.equal("album counts", List.of(2, 14, 3), artists.stream().map(a -> a.albums().size()).toList());
        expect.equal("AC/DC albums", List.of("For Those About To Rock We Salute You", "Let There Be Rock"),
                artists.get(0).albums().stream().map(Album::title).toList());

        Playlist grunge = Oxyde.await(db.objects(Playlist.class).prefetch("tracks__album").get("name", "Grunge"));
        TextTable tracks = TextTable.of("#", "track", "album");
        int n = 0;
        for (Track t : grunge.tracks()) {
            if (++n <= 5) {
                tracks.row(n, t.name(), t.album().get().title());
            }
        }
        tracks.print(out);
        out.println("  … " + grunge.tracks().size() + " tracks on the Grunge playlist");
        expect.equal("Grunge playlist size", 15, grunge.tracks().size());
        expect.equal("first Grunge track", "Hunger Strike", grunge.tracks().get(0).name());
        expect.equal("Nevermind tracks on Grunge", 6L,
                grunge.tracks().stream().filter(t -> t.album().get().title().equals("Nevermind")).count());
    }

    /** {@code values} + {@code annotate}: GROUP BY with aggregates, {@code having}. */
    void aggregatesGroupedBy() {
        heading("Aggregates with GROUP BY and HAVING", """
                db.objects(Album.class).values("artist__name").annotate("albums", Count.all())
                        .orderBy("-albums", "artist__name").limit(5).all()
                db.objects(Track.class).values("genre__name").annotate("tracks", Count.all())
                        .having("tracks__gte", 300).orderBy("-tracks").all()""");
        List<Map<String, Object>> artists = Oxyde.await(db.objects(Album.class).values("artist__name")
                .annotate("albums", Count.all()).orderBy("-albums", "artist__name").limit(5).all());
        TextTable table = TextTable.of("artist", "albums");
        artists.forEach(r -> table.row(r.get("artist__name"), r.get("albums")));
        table.print(out);
        expect.equal("most prolific artists", List.of("Iron Maiden", "Led Zeppelin", "Deep Purple", "Metallica", "U2"),
                artists.stream().map(r -> r.get("artist__name")).toList());
        expect.equal("their album counts", List.of(21, 14, 11, 10, 10),
                artists.stream().map(r -> r.get("albums")).toList());

        List<Map<String, Object>> genres = Oxyde.await(db.objects(Track.class).values("genre__name")
                .annotate("tracks", Count.all()).having("tracks__gte", 300).orderBy("-tracks").all());
        TextTable byGenre = TextTable.of("genre", "tracks");
        genres.forEach(r -> byGenre.row(r.get("genre__name"), r.get("tracks")));
        byGenre.print(out);
        expect.equal("genres with 300+ tracks", List.of("Rock", "Latin", "Metal", "Alternative & Punk"),
                genres.stream().map(r -> r.get("genre__name")).toList());
        expect.equal("their track counts", List.of(1297, 579, 374, 332),
                genres.stream().map(r -> r.get("tracks")).toList());
    }

    /** Sums of an exact decimal column, grouped and filtered by the {@code year} lookup. */
    void revenueByCountryAndYear() {
        heading("Revenue: Sum over decimals, the year lookup", """
                db.objects(Invoice.class).values("billingCountry").annotate("revenue", Sum.of("total"))
                        .orderBy("-revenue").limit(5).all()
                db.objects(Invoice.class).filter("invoiceDate__year", 2023).sum("total")""");
        List<Map<String, Object>> countries = Oxyde.await(db.objects(Invoice.class).values("billingCountry")
                .annotate("revenue", Sum.of("total")).orderBy("-revenue").limit(5).all());
        TextTable table = TextTable.of("country", "revenue");
        countries.forEach(r -> table.row(r.get("billingCountry"), Expect.cents(r.get("revenue"))));
        table.print(out);
        expect.equal("top countries", List.of("USA", "Canada", "France", "Brazil", "Germany"),
                countries.stream().map(r -> r.get("billingCountry")).toList());
        expect.equal("their revenue", List.of(new BigDecimal("523.06"), new BigDecimal("303.96"),
                new BigDecimal("195.10"), new BigDecimal("190.10"), new BigDecimal("156.48")),
                countries.stream().map(r -> Expect.cents(r.get("revenue"))).toList());

        String[][] years = {{"2021", "83", "449.46"}, {"2022", "83", "481.45"}, {"2023", "83", "469.58"},
                {"2024", "83", "477.53"}, {"2025", "80", "450.58"}};
        TextTable byYear = TextTable.of("year", "invoices", "revenue");
        for (String[] fact : years) {
            Query<Invoice> inYear = db.objects(Invoice.class).filter("invoiceDate__year", Integer.parseInt(fact[0]));
            long invoices = Oxyde.await(inYear.count());
            BigDecimal revenue = Oxyde.await(inYear.sum("total"));
            byYear.row(fact[0], invoices, Expect.cents(revenue));
            expect.equal("invoices in " + fact[0], Long.parseLong(fact[1]), invoices);
            expect.money("revenue in " + fact[0], fact[2], revenue);
        }
        byYear.print(out);
        expect.money("all revenue", "2328.60", Oxyde.await(db.objects(Invoice.class).sum("total")));
    }

    /** Hand-written SQL with bound parameters. */
    void rawSql() {
        heading("Raw SQL", """
                db.raw("SELECT ar.name AS artist, count(*) AS tracks FROM track t JOIN album al ON al.id = t.album_id "
                        + "JOIN artist ar ON ar.id = al.artist_id GROUP BY ar.name HAVING count(*) >= ? "
                        + "ORDER BY tracks DESC, ar.name", 100).all()""");
        List<Map<String, Object>> rows = Oxyde.await(db.raw(
                "SELECT ar.name AS artist, count(*) AS tracks FROM track t JOIN album al ON al.id = t.album_id "
                        + "JOIN artist ar ON ar.id = al.artist_id GROUP BY ar.name HAVING count(*) >= ? "
                        + "ORDER BY tracks DESC, ar.name", 100).all());
        TextTable table = TextTable.of("artist", "tracks");
        rows.forEach(r -> table.row(r.get("artist"), r.get("tracks")));
        table.print(out);
        expect.equal("artists with 100+ tracks", List.of("Iron Maiden", "U2", "Led Zeppelin"),
                rows.subList(0, Math.min(3, rows.size())).stream().map(r -> r.get("artist")).toList());
        expect.equal("their track counts", List.of(213, 135, 114),
                rows.subList(0, Math.min(3, rows.size())).stream().map(r -> r.get("tracks")).toList());
    }

    /** An UPDATE computed by the database ({@code F} expressions), inside {@code atomic}. */
    void updateWithFInTransaction() {
        heading("Update with F expressions in a transaction", """
                db.atomic(tx -> tx.objects(Track.class).filter("album__artist__name", "AC/DC")
                        .update(Map.of("unitPrice", F.col("unitPrice").add(new BigDecimal("0.50")))))""");
        Query<Track> acdc = db.objects(Track.class).filter("album__artist__name", "AC/DC");
        BigDecimal before = Oxyde.await(acdc.sum("unitPrice"));
        int changed = Oxyde.await(db.atomic(tx -> tx.objects(Track.class).filter("album__artist__name", "AC/DC")
                .update(Map.of("unitPrice", F.col("unitPrice").add(new BigDecimal("0.50"))))));
        BigDecimal after = Oxyde.await(acdc.sum("unitPrice"));
        Track first = Oxyde.await(acdc.orderBy("id").first()).orElseThrow();
        TextTable.of("tracks changed", "sum before", "sum after", "track 1 now")
                .row(changed, Expect.cents(before), Expect.cents(after), first.unitPrice())
                .print(out);
        expect.equal("rows updated", 18, changed);
        expect.money("AC/DC prices before", "17.82", before);
        expect.money("AC/DC prices after", "26.82", after);
        expect.money("price of track 1", "1.49", first.unitPrice());
    }

    /** A failing transaction function rolls everything back and rethrows its own exception. */
    void rollback() {
        heading("Rollback: a transaction that fails leaves nothing behind", """
                db.atomic(tx -> tx.objects(PlaylistTrack.class).filter("playlist__name", "Grunge").delete()
                        .thenApply(deleted -> { throw new ChangedMyMind(deleted); }))""");
        AtomicLong leftInside = new AtomicLong(-1);
        int deleted = -1;
        try {
            Oxyde.await(db.atomic(tx -> tx.objects(PlaylistTrack.class).filter("playlist__name", "Grunge").delete()
                    .thenCompose(n -> tx.objects(PlaylistTrack.class).filter("playlist__name", "Grunge").count()
                            .thenApply(left -> {
                                leftInside.set(left);
                                throw new ChangedMyMind(n);
                            }))));
        } catch (ChangedMyMind expected) {
            deleted = expected.deleted;
        }
        long after = Oxyde.await(db.objects(PlaylistTrack.class).filter("playlist__name", "Grunge").count());
        TextTable.of("deleted in the transaction", "left inside it", "after the rollback")
                .row(deleted, leftInside.get(), after)
                .print(out);
        expect.equal("rows deleted inside the transaction", 15, deleted);
        expect.equal("rows visible inside the transaction", 0, leftInside.get());
        expect.equal("rows after rollback", 15, after);
    }

    /** {@code getOrCreate}: finds the row or inserts it, and says which. */
    void getOrCreate() {
        heading("getOrCreate", """
                db.objects(Genre.class).getOrCreate(Map.of("name", "Polka"), Map.of())""");
        TextTable table = TextTable.of("call", "id", "name", "created");
        List<Created<Genre>> results = new ArrayList<>();
        for (String name : List.of("Rock", "Polka", "Polka")) {
            Created<Genre> result = Oxyde.await(db.objects(Genre.class).getOrCreate(Map.of("name", name), Map.of()));
            results.add(result);
            table.row("getOrCreate(name=" + name + ")", result.object().id(), result.object().name(), result.created());
        }
        table.print(out);
        expect.equal("Rock found, Polka created, then found", List.of(false, true, false),
                results.stream().map(Created::created).toList());
        expect.equal("Rock's key", 1L, results.get(0).object().id());
        expect.equal("Polka's generated key follows Chinook's 25 genres", 26L, results.get(1).object().id());
        expect.equal("the second call finds the same row", results.get(1).object(), results.get(2).object());
    }

    /** {@code stream}: keyset pagination over the whole table, one batch in memory at a time. */
    void streamedScan() {
        heading("Streaming every track in batches", """
                db.objects(Track.class).stream(500, batch -> ...)""");
        AtomicLong batches = new AtomicLong();
        AtomicLong milliseconds = new AtomicLong();
        AtomicLong lastId = new AtomicLong();
        long rows = Oxyde.await(db.objects(Track.class).stream(500, batch -> {
            batches.incrementAndGet();
            for (Track t : batch) {
                if (t.id() <= lastId.get()) {
                    throw new TourFailure("stream is not in key order: " + t.id() + " after " + lastId.get());
                }
                lastId.set(t.id());
                milliseconds.addAndGet(t.milliseconds());
            }
        }));
        long hours = milliseconds.get() / 3_600_000;
        TextTable.of("rows", "batches", "total playing time", "milliseconds")
                .row(rows, batches.get(), hours + " h " + milliseconds.get() / 60_000 % 60 + " min", milliseconds.get())
                .print(out);
        expect.equal("streamed rows", 3503, rows);
        expect.equal("batches of 500", 8, batches.get());
        expect.equal("total milliseconds", 1_378_778_040L, milliseconds.get());
    }

    /** {@code sql(dialect)}: the SQL one query becomes on every dialect, without a database. */
    void sqlForEachDialect() {
        heading("The SQL of one query on every dialect", """
                db.objects(Track.class).filter("album__artist__name", "AC/DC").filter("milliseconds__gte", 300_000)
                        .orderBy("-milliseconds").limit(3).sql(Dialect.POSTGRES)""");
        Query<Track> query = db.objects(Track.class).filter("album__artist__name", "AC/DC")
                .filter("milliseconds__gte", 300_000).orderBy("-milliseconds").limit(3);
        for (Dialect dialect : Dialect.values()) {
            SqlStatement statement = query.sql(dialect);
            out.println("  " + dialect + ":");
            out.println("    " + statement.sql());
            out.println("    binds " + statement.binds());
            expect.that(dialect + " SQL joins album and artist",
                    statement.sql().contains("album") && statement.sql().contains("artist")
                            && statement.sql().toUpperCase().contains("JOIN"));
        }
        List<Track> rows = Oxyde.await(query.all());
        expect.equal("AC/DC tracks of 5+ minutes, longest first", List.of("Overdose", "Let There Be Rock", "For Those About To Rock (We Salute You)"),
                rows.stream().map(Track::name).toList());
    }

    /** Thrown by the rollback showcase's transaction function to abandon its work. */
    private static final class ChangedMyMind extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int deleted;

        ChangedMyMind(int deleted) {
            super("changed my mind after deleting " + deleted + " rows", null, false, false);
            this.deleted = deleted;
        }
    }
}
