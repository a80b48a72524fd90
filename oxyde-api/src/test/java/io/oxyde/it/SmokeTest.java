package io.oxyde.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.Oxyde;
import io.oxyde.chinook.Track;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;

class SmokeTest {

    @AllDatabases
    void loadsAndCounts(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThat(Oxyde.await(db.objects(Track.class).count())).isEqualTo(3503L);
        List<Track> rock = Oxyde.await(db.objects(Track.class).filter("genre__name", "Rock")
                .filter("milliseconds__gte", 300_000).orderBy("-milliseconds").limit(3).join("album__artist").all());
        assertThat(rock).hasSize(3);
        assertThat(rock.get(0).album().get().artist().get().name()).isNotBlank();
    }
}
