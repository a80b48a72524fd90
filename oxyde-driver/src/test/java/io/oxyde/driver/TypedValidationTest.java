package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.FilterNode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import io.oxyde.exception.InvalidQueryException;

/**
 * The typed path validates a query's shape the first time it sees it and only the values once
 * its plan is cached: a bad value in a cached shape, and a too-deep query, must still be refused
 * with the same errors every time.
 */
class TypedValidationTest {

    private static SelectIr byPrice(BigDecimal price) {
        return SelectIr.from("tv_item").columns("id")
                .filter(FilterNode.condition("price", Lookup.EQ, Value.of(price))).build();
    }

    @AllDatabases
    void aCachedShapeStillHasItsValuesChecked(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db)) {
            f.sql("CREATE TABLE tv_item (id INTEGER, price DECIMAL(10, 2))");
            f.sql("INSERT INTO tv_item (id, price) VALUES (1, 1.50)");
            RowSet first = DriverFixture.await(f.driver.query(DriverFixture.POOL, byPrice(new BigDecimal("1.50")), null));
            assertThat(first.rows()).hasSize(1);
            SelectIr huge = byPrice(new BigDecimal(BigInteger.TEN.pow(30_000)));
            for (int attempt = 0; attempt < 2; attempt++) {
                Throwable t = DriverFixture.failure(f.driver.query(DriverFixture.POOL, huge, null));
                assertThat(t).isInstanceOf(InvalidQueryException.class)
                        .hasMessageContaining("decimal with more than 8192 bytes of digits")
                        .hasMessageNotContaining("values[");
            }
            RowSet again = DriverFixture.await(f.driver.query(DriverFixture.POOL, byPrice(new BigDecimal("1.50")), null));
            assertThat(again.rows()).hasSize(1);
        }
    }

    @AllDatabases
    void aQueryNestedTooDeeplyIsRefusedEveryTime(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db)) {
            f.sql("CREATE TABLE tv_item (id INTEGER, price DECIMAL(10, 2))");
            FilterNode deep = FilterNode.condition("id", Lookup.EQ, Value.of(1L));
            for (int i = 0; i < 100; i++) {
                deep = FilterNode.not(deep);
            }
            SelectIr q = SelectIr.from("tv_item").columns("id").filter(deep).build();
            for (int attempt = 0; attempt < 2; attempt++) {
                Throwable t = DriverFixture.failure(f.driver.query(DriverFixture.POOL, q, null));
                assertThat(t).isInstanceOf(InvalidQueryException.class).hasMessageContaining("nested deeper than");
            }
        }
    }
}
