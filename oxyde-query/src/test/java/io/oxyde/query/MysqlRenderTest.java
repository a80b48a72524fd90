package io.oxyde.query;

import static io.oxyde.codec.FilterNode.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.InsertIr;
import io.oxyde.codec.LockMode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.OnConflict;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.oxyde.dialect.Dialect;

/**
 * The MYSQL dialect has no server in this environment; these pin the SQL where it differs from
 * MariaDB (selects, inserts with generated keys and DELETE are also executed on MariaDB as a
 * proxy in the integration tests). Snapshots, not proof: see docs/dialects.md.
 */
class MysqlRenderTest {
    private final SqlRenderer r = new SqlRenderer();

    @Test
    void upsertUsesTheRowAliasForm() {
        InsertIr ir = new InsertIr(null, "notes", List.of("title", "body"), List.of(List.of(Value.of("a"), Value.of("b"))),
                List.of(), OnConflict.doUpdate(List.of("title"), List.of("body")));
        assertThat(r.render(ir, Dialect.MYSQL).single().sql()).isEqualTo(
                "insert into `notes` (`title`, `body`) values (?, ?) as excluded on duplicate key update `body` = excluded.`body`");
        assertThat(r.render(ir, Dialect.MYSQL).single().sql()).contains(" as ").contains("on duplicate key update");
        assertThat(r.render(ir, Dialect.MARIADB).single().sql()).contains("values(`body`)");
        InsertIr nothing = new InsertIr(null, "notes", List.of("title"), List.of(List.of(Value.of("a"))), List.of(),
                OnConflict.doNothing("title"));
        assertThat(r.render(nothing, Dialect.MYSQL).single().sql())
                .isEqualTo("insert into `notes` (`title`) values (?) as excluded on duplicate key update `notes`.`title` = `notes`.`title`");
    }

    @Test
    void lockOffsetAndGeneratedKeys() {
        SelectIr ir = SelectIr.from("t").columns("id").filter(condition("id", Lookup.GT, Value.of(1)))
                .orderBy(OrderBy.asc("id")).offset(5L).lock(LockMode.SHARE).build();
        SqlStatement st = r.render(ir, Dialect.MYSQL).single();
        assertThat(st.sql()).isEqualTo("select `t`.`id` from `t` where `t`.`id` > ? order by `t`.`id` asc limit ? offset ? for share");
        assertThat(st.binds()).containsExactly(Value.of(1L), Value.of(Long.MAX_VALUE), Value.of(5L));
        assertThat(r.render(ir, Dialect.MARIADB).single().sql()).endsWith("lock in share mode");
        assertThat(r.render(ir, Dialect.SQLITE).single().sql()).doesNotContain("share").doesNotContain("for update");
    }
}
