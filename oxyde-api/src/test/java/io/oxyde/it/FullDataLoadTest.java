package io.oxyde.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.meta.ModelMeta;
import io.oxyde.Oxyde;
import io.oxyde.chinook.ChinookData;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;

/**
 * The full Chinook data set loaded with bulkCreate: every table holds as many rows as the JSON,
 * counted by the library and, on the fixture's own pool, by raw SQL.
 */
class FullDataLoadTest {

    @AllDatabases
    void everyTableIsLoaded(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        for (Class<?> model : ChinookData.MODELS) {
            long expected = Chinook.DATA.rowSet(model).rows().size();
            String table = ModelMeta.of(model).tableName();
            assertThat(Oxyde.await(db.objects(model).count())).as(table).isEqualTo(expected);
            Object raw = Oxyde.await(db.raw("SELECT count(*) AS n FROM " + table).all()).get(0).get("n");
            assertThat(((Number) raw).longValue()).as(table + " by raw SQL").isEqualTo(expected);
        }
    }
}
