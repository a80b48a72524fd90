package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.F;
import io.oxyde.Oxyde;
import io.oxyde.chinook.Track;
import io.oxyde.driver.OxydeDriver;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code updateReturning(values)}: the updated models, every field as stored, in key order —
 * UPDATE … RETURNING on PostgreSQL and SQLite, one transaction (keys FOR UPDATE, update, read
 * back) on MariaDB and for SQLite's decimal arithmetic; plain, across a foreign key and with no
 * match, on the three databases; expected models from the Chinook JSON, the stored rows checked
 * with plain SQL.
 */
class UpdateReturningTest {

    private static final List<Track> SMALL = Chinook.SMALL_TRACKS;

    private static long messages(Oxyde db) {
        return OxydeDriver.global().pools().get(db.name()).stats().messages();
    }

    @AllDatabases
    void plainFilterGivesTheStoredModels(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.freshMusic(tdb)) {
            long before = messages(db);
            List<Track> shortOnes = await(db.objects(Track.class).filter("milliseconds__lt", 200_000)
                    .updateReturning(Map.of("composer", "Anon", "milliseconds", F.col("milliseconds").add(1))));
            // one UPDATE … RETURNING where the dialect has it; keys FOR UPDATE, update, read back on MariaDB
            assertThat(messages(db) - before).isEqualTo(db.dialect().supportsUpdateReturning() ? 1L : 3L);
            List<Track> expected = SMALL.stream().filter(t -> t.milliseconds() < 200_000)
                    .map(t -> new Track(t.id(), t.name(), t.album(), t.mediaType(), t.genre(), "Anon",
                            t.milliseconds() + 1, t.bytes(), t.unitPrice()))
                    .toList();
            assertThat(expected).isNotEmpty();
            assertThat(shortOnes).extracting(Track::id).isEqualTo(expected.stream().map(Track::id).toList());
            for (int i = 0; i < expected.size(); i++) {
                Track got = shortOnes.get(i);
                Track want = expected.get(i);
                assertThat(got.name()).isEqualTo(want.name());
                assertThat(got.composer()).isEqualTo("Anon");
                assertThat(got.milliseconds()).isEqualTo(want.milliseconds());
                assertThat(got.bytes()).isEqualTo(want.bytes());
                assertThat(got.unitPrice()).isEqualTo(want.unitPrice());
                assertThat(got.album().id()).isEqualTo(want.album().id());
                assertThat(got.genre() == null ? null : got.genre().id()).isEqualTo(want.genre() == null ? null
                        : want.genre().id());
            }
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM track WHERE composer = 'Anon'"))
                    .isEqualTo(expected.size());
            assertThat(await(db.objects(Track.class).filter("milliseconds__gt", 10_000_000)
                    .updateReturning(Map.of("composer", "x")))).isEmpty();
        }
    }

    @AllDatabases
    void acrossAForeignKeyWithDecimalArithmetic(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.freshMusic(tdb)) {
            List<Track> doubled = await(db.objects(Track.class).filter("album__artist__name", "AC/DC")
                    .updateReturning(Map.of("unitPrice", F.col("unitPrice").mul(2))));
            List<Track> acdc = SMALL.stream().filter(t -> (Long) Expect.ALBUM.get((Long) t.album().id()).artist().id() == 1L)
                    .toList();
            assertThat(doubled).extracting(Track::id).isEqualTo(acdc.stream().map(Track::id).toList()).hasSize(18);
            for (int i = 0; i < acdc.size(); i++) {
                assertThat(doubled.get(i).unitPrice()).isEqualTo(acdc.get(i).unitPrice().multiply(BigDecimal.valueOf(2)));
                assertThat(doubled.get(i).name()).isEqualTo(acdc.get(i).name());
            }
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM track WHERE unit_price = 1.98")).isEqualTo(18L);
        }
    }
}
