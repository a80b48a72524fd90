package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oxyde.ExplainFormat;
import io.oxyde.Oxyde;
import io.oxyde.chinook.Track;
import io.oxyde.exception.FieldException;
import io.oxyde.exception.UnsupportedFeatureException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code explain(analyze, format)} on each database (the plan's own markers of ANALYZE and of
 * JSON; SQLite's refusals), and {@code defer(fields)}: deferred fields are not selected and come
 * back null or zero, the rest as in the Chinook JSON, on the three databases.
 */
class ExplainAndDeferTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AllDatabases
    void explainWithOptions(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        var rock = db.objects(Track.class).filter("genre__name", "Rock").filter("milliseconds__gt", 300_000);
        List<String> plain = await(rock.explain());
        assertThat(await(rock.explain(false, ExplainFormat.TEXT))).isEqualTo(plain);
        switch (tdb.kind()) {
            case SQLITE -> {
                assertThatThrownBy(() -> rock.explain(true, ExplainFormat.TEXT))
                        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("SQLITE")
                        .hasMessageContaining("SQLite has only EXPLAIN QUERY PLAN");
                assertThatThrownBy(() -> rock.explain(false, ExplainFormat.JSON))
                        .isInstanceOf(UnsupportedFeatureException.class);
            }
            case POSTGRES -> {
                assertThat(String.join("\n", await(rock.explain(true, ExplainFormat.TEXT)))).contains("actual time=");
                List<String> json = await(rock.explain(false, ExplainFormat.JSON));
                assertThat(json).hasSize(1);
                assertThat(JSON.readTree(json.get(0)).get(0).has("Plan")).isTrue();
                JsonNode analyzed = JSON.readTree(String.join("", await(rock.explain(true, ExplainFormat.JSON))));
                assertThat(analyzed.get(0).get("Plan").has("Actual Rows")).isTrue();
            }
            default -> { // MariaDB
                List<String> json = await(rock.explain(false, ExplainFormat.JSON));
                assertThat(json).hasSize(1);
                assertThat(JSON.readTree(json.get(0)).has("query_block")).isTrue();
                String analyzed = String.join("", await(rock.explain(true, ExplainFormat.JSON)));
                assertThat(JSON.readTree(analyzed).get("query_block").has("r_loops")).isTrue();
                // ANALYZE adds r_rows, filtered and r_filtered to EXPLAIN's ten columns
                List<String> text = await(rock.explain(true, ExplainFormat.TEXT));
                assertThat(plain.get(0).split(" \\| ", -1)).hasSize(10);
                assertThat(text.get(0).split(" \\| ", -1)).hasSize(13);
            }
        }
    }

    @AllDatabases
    void deferredFieldsAreNotLoaded(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        var light = db.objects(Track.class).filter("album", 1).defer("composer", "bytes", "milliseconds").orderBy("id");
        assertThat(light.sql(db.dialect()).sql()).doesNotContain("composer").doesNotContain("bytes")
                .doesNotContain("milliseconds").contains("unit_price");
        List<Track> tracks = await(light.all());
        Map<Long, Track> expected = Expect.TRACKS.stream().collect(Collectors.toMap(Track::id, t -> t));
        assertThat(tracks).hasSize(10);
        for (Track t : tracks) {
            Track want = expected.get(t.id());
            assertThat(t.composer()).isNull();
            assertThat(t.bytes()).isNull();
            assertThat(t.milliseconds()).isZero();
            assertThat(t.name()).isEqualTo(want.name());
            assertThat(t.unitPrice()).isEqualTo(want.unitPrice());
            assertThat(t.album().id()).isEqualTo(1L);
        }
        // after select(...): removes from that selection
        Track one = await(db.objects(Track.class).select("name", "composer").defer("composer").get("id", 1));
        assertThat(one.name()).isEqualTo(expected.get(1L).name());
        assertThat(one.composer()).isNull();
        assertThat(one.unitPrice()).isNull();
        assertThatThrownBy(() -> db.objects(Track.class).defer("id")).isInstanceOf(FieldException.class)
                .hasMessageContaining("the key cannot be deferred");
        assertThatThrownBy(() -> db.objects(Track.class).defer("lyrics")).isInstanceOf(FieldException.class)
                .hasMessageContaining("unknown field in defer(...)");
    }
}
