package io.oxyde.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.metamodel.Assignments;
import io.oxyde.F;
import io.oxyde.Oxyde;
import io.oxyde.metamodel.Row2;
import io.oxyde.chinook.Album_;
import io.oxyde.chinook.Artist_;
import io.oxyde.chinook.Genre_;
import io.oxyde.chinook.Track;
import io.oxyde.chinook.Track_;
import io.oxyde.it.Chinook;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The code tour at the top of docs/typed-queries.md, verbatim, run on every database against
 * the string form of the same queries; and a check that the guide still shows this code.
 */
class TypedDocsExampleTest {

    @AllDatabases
    void codeTour(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.freshMusic(tdb)) {
            // The string forms first: the tour doubles AC/DC's prices.
            List<Track> strings = Oxyde.await(db.objects(Track.class).filter("genre__name", "Rock")
                    .filter("milliseconds__gte", 300_000).exclude("composer__isnull", true).orderBy("-milliseconds")
                    .limit(10).join("album__artist").all());
            List<Map<String, Object>> maps = Oxyde.await(db.objects(Track.class).filter("album__artist__name", "AC/DC")
                    .orderBy("id").values("name", "milliseconds").all());

            List<Track> longRock = Oxyde.await(db.objects(Track.class)
                    .filter(Track_.GENRE.then(Genre_.NAME).eq("Rock"))
                    .filter(Track_.MILLISECONDS.gte(300_000))
                    .exclude(Track_.COMPOSER.isNull())
                    .orderBy(Track_.MILLISECONDS.desc())
                    .limit(10)
                    .join(Track_.ALBUM.then(Album_.ARTIST))
                    .all());
            String artist = longRock.get(0).album().get().artist().get().name();

            List<Row2<String, Integer>> lengths = Oxyde.await(db.objects(Track.class)
                    .filter(Track_.ALBUM.then(Album_.ARTIST).then(Artist_.NAME).eq("AC/DC"))
                    .orderBy(Track_.ID.asc())
                    .values(Track_.NAME, Track_.MILLISECONDS)           // typed rows: String, Integer
                    .all());

            int doubled = Oxyde.await(db.objects(Track.class)
                    .filter(Track_.ALBUM.then(Album_.ARTIST).then(Artist_.NAME).eq("AC/DC"))
                    .update(Assignments.of(Track_.UNIT_PRICE, F.col(Track_.UNIT_PRICE).mul(2))));

            // Track_.MILLISECONDS.icontains("x")   -> does not compile: no text lookups on a number
            // Track_.NAME.year(2020)               -> does not compile: no date parts on text
            // Track_.MILLISECONDS.eq("300000")     -> does not compile: a number is not compared with a String

            assertThat(longRock).isNotEmpty().isEqualTo(strings);
            assertThat(artist).isEqualTo(strings.get(0).album().get().artist().get().name());
            assertThat(lengths).isNotEmpty().hasSize(maps.size());
            for (int i = 0; i < maps.size(); i++) {
                assertThat(lengths.get(i)).isEqualTo(new Row2<>((String) maps.get(i).get("name"),
                        ((Number) maps.get(i).get("milliseconds")).intValue()));
            }
            assertThat(doubled).isEqualTo(lengths.size());
            List<BigDecimal> prices = Oxyde.await(db.objects(Track.class)
                    .filter(Track_.ALBUM.then(Album_.ARTIST).then(Artist_.NAME).eq("AC/DC"))
                    .flatValues(Track_.UNIT_PRICE).all());
            assertThat(prices).allSatisfy(p -> assertThat(p).isEqualByComparingTo("1.98"));
        }
    }

    @Test
    void theGuideShowsThisCode() throws IOException {
        List<String> guide = Files.readAllLines(Path.of("..", "docs", "typed-queries.md"));
        List<String> block = new ArrayList<>();
        boolean in = false;
        for (String line : guide) {
            if (!in && line.trim().equals("```java")) {
                in = true;
            } else if (in && line.trim().equals("```")) {
                break;
            } else if (in) {
                block.add(line);
            }
        }
        assertThat(block).as("the first java block of typed-queries.md").isNotEmpty();
        List<String> source = normalize(Files.readAllLines(
                Path.of("src", "test", "java", "io", "oxyde", "docs", "TypedDocsExampleTest.java")));
        assertThat(Collections.indexOfSubList(source, normalize(block)))
                .as("typed-queries.md's code tour is not in TypedDocsExampleTest:\n" + String.join("\n", block))
                .isGreaterThanOrEqualTo(0);
    }

    private static List<String> normalize(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.isBlank()) {
                out.add(l.strip());
            }
        }
        return out;
    }
}
