package io.oxyde.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.BulkUpdateIr;
import io.oxyde.codec.BulkUpdateRow;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.oxyde.dialect.Dialect;

/**
 * Statement splitting below each dialect's bind limit, checked on the binds themselves (the
 * insert case is also executed on the databases in {@code MutationsTest}).
 */
class ChunkingTest {
    private final SqlRenderer r = new SqlRenderer();

    @Test
    void bulkUpdateIsChunkedAndKeepsEveryRowOnce() {
        List<BulkUpdateRow> rows = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            rows.add(new BulkUpdateRow(Value.of(i), List.of(Value.of("v" + i), Value.of(i * 10L))));
        }
        BulkUpdateIr ir = new BulkUpdateIr(null, "t", "id", List.of("a", "b"), rows);
        for (Dialect d : Dialect.values()) {
            RenderedQuery q = r.render(ir, d);
            int perStatement = d.maxBindParameters() / 5;
            assertThat(q.statements()).as("%s", d).hasSize((12_000 + perStatement - 1) / perStatement);
            long keys = 0;
            for (SqlStatement st : q.statements()) {
                assertThat(st.binds().size()).isLessThanOrEqualTo(d.maxBindParameters());
                keys += st.binds().size() / 5;
            }
            assertThat(keys).isEqualTo(12_000);
            SqlStatement last = q.statements().get(q.statements().size() - 1);
            assertThat(last.binds().get(last.binds().size() - 1)).isEqualTo(Value.of(11_999L));
        }
    }

    @Test
    void insertChunksShareTheirSqlAndShiftSlots() {
        List<List<Value>> rows = new ArrayList<>();
        for (int i = 0; i < 140_000; i++) {
            rows.add(List.of(Value.of(i)));
        }
        RenderedQuery q = r.render(new InsertIr(null, "t", List.of("a"), rows, List.of(), null), Dialect.POSTGRES);
        assertThat(q.statements()).hasSize(3);
        assertThat(q.statements().get(0).binds()).hasSize(65_535);
        // The second chunk reuses the first one's SQL with its slots moved on.
        assertThat(q.statements().get(1).sql()).isSameAs(q.statements().get(0).sql());
        assertThat(q.statements().get(1).binds().get(0)).isEqualTo(Value.of(65_535L));
        assertThat(q.statements().get(1).binds().get(65_534)).isEqualTo(Value.of(131_069L));
        assertThat(q.statements().get(2).binds()).hasSize(140_000 - 2 * 65_535);
        assertThat(q.statements().get(2).binds().get(0)).isEqualTo(Value.of(131_070L));
    }
}
