package io.oxyde.internal.ir;

import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Join;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.JoinPair;
import java.util.ArrayList;
import java.util.List;

/**
 * One hop of a field path: a foreign key ({@code album__artist} joins {@code artist} as alias
 * {@code album__artist} onto alias {@code album}), or the reverse of one ({@code albums} on an
 * artist), or half of a many-to-many hop (through the join model, then to the target).
 *
 * @param alias       the join alias: the path so far, e.g. {@code album__artist}
 * @param parentAlias the alias the left column lives on, {@code null} for the main table
 * @param fk          the foreign-key field on the parent model for forward hops, else {@code null}
 * @param target      the model joined
 * @param leftColumn  the column on the parent (a multi-column foreign key's first; {@link #toJoin} adds the others)
 * @param rightColumn the column on the joined model
 * @param back        for a reverse hop, the joined model's foreign key to the parent, else {@code null}
 */
public record JoinStep(String alias, String parentAlias, FieldMeta fk, ModelMeta<?> target, String leftColumn,
                       String rightColumn, FieldMeta back) {

    /** A hop on one column pair (or a forward hop, whose {@code fk} gives any further pairs). */
    public JoinStep(String alias, String parentAlias, FieldMeta fk, ModelMeta<?> target, String leftColumn,
                    String rightColumn) {
        this(alias, parentAlias, fk, target, leftColumn, rightColumn, null);
    }

    /** A forward foreign-key hop. */
    public JoinStep(String alias, String parentAlias, FieldMeta fk, ModelMeta<?> target) {
        this(alias, parentAlias, fk, target, fk.column(), fk.foreignKey().targetColumn());
    }

    /** This hop under another parent alias (a subquery's main table is {@code null}). */
    public JoinStep under(String parent) {
        return new JoinStep(alias, parent, fk, target, leftColumn, rightColumn, back);
    }

    /** Whether the hop follows a foreign key of several columns (to a composite key), either way. */
    public boolean composite() {
        return fk != null && fk.foreignKey().composite() || back != null && back.foreignKey().composite();
    }

    /**
     * The IR join; {@code columns} are the target columns to select (for eager loading). A
     * foreign key to a composite key joins on each of its columns.
     */
    public Join toJoin(JoinKind kind, List<String> columns) {
        if (!composite()) {
            return new Join(alias, target.tableName(), kind, new ColumnRef(parentAlias, leftColumn), rightColumn, columns);
        }
        // forward: this model's columns to the target's key; reverse: the parent's key to the child's columns
        boolean forward = fk != null && fk.foreignKey().composite();
        List<String> left = forward ? fk.foreignKey().columns() : back.foreignKey().targetColumns();
        List<String> right = forward ? fk.foreignKey().targetColumns() : back.foreignKey().columns();
        List<JoinPair> andOn = new ArrayList<>();
        for (int i = 1; i < left.size(); i++) {
            andOn.add(new JoinPair(new ColumnRef(parentAlias, left.get(i)), right.get(i)));
        }
        return new Join(alias, target.tableName(), kind, new ColumnRef(parentAlias, leftColumn), rightColumn, columns,
                andOn);
    }

    /** How many hops deep this join is. */
    public int depth() {
        return PathSyntax.parts(alias).length;
    }
}
