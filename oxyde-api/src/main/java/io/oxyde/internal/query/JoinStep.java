package io.oxyde.internal.query;

import io.oxyde.FieldMeta;
import io.oxyde.ModelMeta;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Join;
import io.oxyde.codec.JoinKind;
import java.util.List;

/**
 * One foreign-key hop of a field path: {@code album__artist} joins {@code artist} as alias
 * {@code album__artist} onto alias {@code album}.
 *
 * @param alias       the join alias: the path so far, e.g. {@code album__artist}
 * @param parentAlias the alias the FK column lives on, {@code null} for the main table
 * @param fk          the foreign-key field on the parent model
 * @param target      the model joined
 */
public record JoinStep(String alias, String parentAlias, FieldMeta fk, ModelMeta<?> target) {

    /** The IR join; {@code columns} are the target columns to select (for eager loading). */
    public Join toJoin(JoinKind kind, List<String> columns) {
        return new Join(alias, target.tableName(), kind, new ColumnRef(parentAlias, fk.column()),
                fk.foreignKey().targetColumn(), columns);
    }

    /** How many hops deep this join is. */
    public int depth() {
        return alias.split("__").length;
    }
}
