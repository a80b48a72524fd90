package io.oxyde.query.internal;

import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.RenderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Creates the bind parameters of one statement and, once jOOQ has rendered it, turns the
 * placeholder order into the statement's bind plan. One instance per statement; not shared.
 */
final class Binder {
    private static final DataType<Object> TOKEN = SQLDataType.OTHER.asConvertedDataType(new TokenBinding());

    private final Dialect dialect;
    private final DSLContext ctx;
    private final Map<Integer, Boolean> structural;
    private final List<BindSpec> specs = new ArrayList<>();

    /**
     * @param structural the values of slots that change the SQL itself (an {@code isnull} flag),
     *     by slot index
     */
    public Binder(Dialect dialect, Map<Integer, Boolean> structural) {
        this.dialect = dialect;
        this.ctx = Jooq.context(dialect);
        this.structural = structural;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DSLContext ctx() {
        return ctx;
    }

    /**
     * A {@code ?} fed by {@code value}: a template slot ({@link Value.Param}) or a literal left in
     * the IR, which becomes a constant of the plan.
     */
    public Field<Object> bind(Value value, Transform transform, String where) {
        if (value instanceof Value.Array) {
            throw new RenderException(where + ": an array value cannot be bound as a single parameter on " + dialect);
        }
        BindSpec spec = value instanceof Value.Param p
                ? BindSpec.slot(p.index(), p.kind(), transform, where)
                : BindSpec.constant(value, transform, where);
        int id = specs.size();
        specs.add(spec);
        Field<Object> field = DSL.val(new TokenBinding.Token(id), TOKEN);
        if (dialect == Dialect.POSTGRES && value.kind() == ValueKind.JSON && transform == Transform.NONE) {
            // PgJDBC binds a String as varchar; a JSON value must reach a json/jsonb column as jsonb.
            return DSL.field("cast({0} as jsonb)", Object.class, field);
        }
        return field;
    }

    /**
     * A {@code ?} fed by a column's value: a list ({@link Value.Array}, each element a slot) is
     * bound as <em>one</em> parameter (see {@code io.oxyde.dialect.internal.StorageFormat}); anything else as
     * {@link #bind}.
     */
    public Field<Object> bindValue(Value value, String where) {
        if (!(value instanceof Value.Array list)) {
            return bindCompared(value, where);
        }
        for (Value e : list.elements()) {
            if (e instanceof Value.Array) {
                throw new RenderException(where + ": a list element cannot itself be a list");
            }
        }
        int id = specs.size();
        specs.add(new BindSpec(-1, list, ValueKind.ARRAY, Transform.LIST, where));
        return DSL.val(new TokenBinding.Token(id), TOKEN);
    }

    /**
     * A scalar stored in, or compared with, a column: on PostgreSQL text goes untyped
     * ({@link Transform#UNTYPED}), so a native enum column (or any type with text input) takes it
     * as its own type, as {@code ?::type} would without the renderer knowing the type's name.
     */
    public Field<Object> bindCompared(Value value, String where) {
        boolean text = value.kind() == ValueKind.TEXT;
        return bind(value, dialect == Dialect.POSTGRES && text ? Transform.UNTYPED : Transform.NONE, where);
    }

    /**
     * The boolean of an {@code isnull} condition: a literal, or a structural slot whose value the
     * plan fixed for this variant.
     */
    public boolean structuralBool(Value value, String where) {
        if (value instanceof Value.Bool b) {
            return b.value();
        }
        if (value instanceof Value.Param p && p.kind() == ValueKind.BOOL) {
            Boolean known = structural.get(p.index());
            if (known == null) {
                throw new IllegalStateException(where + ": isnull slot " + p.index() + " has no variant value");
            }
            return known;
        }
        throw new RenderException(where + ": isnull needs a boolean value, got " + value.kind());
    }

    /** Renders {@code query} and maps its placeholders, in order, to bind specs. */
    public CompiledStatement finish(QueryPart query) {
        return finish(query, "");
    }

    /** As {@link #finish(QueryPart)}, appending {@code suffix} (which must hold no placeholder) to the SQL. */
    public CompiledStatement finish(QueryPart query, String suffix) {
        String sql = ctx.render(query) + suffix;
        List<Object> values = ctx.extractBindValues(query);
        List<BindSpec> ordered = new ArrayList<>(values.size());
        for (Object v : values) {
            if (v instanceof TokenBinding.Token t) {
                ordered.add(specs.get(t.id()));
            } else {
                // A value jOOQ itself introduced (e.g. an emulation constant).
                ordered.add(BindSpec.constant(Value.of(v), Transform.NONE, "constant added by jOOQ"));
            }
        }
        return new CompiledStatement(sql, ordered);
    }

    /** The SQL text of an identifier (or other part without binds), quoted for this dialect. */
    public String render(QueryPart part) {
        return ctx.render(part);
    }
}
