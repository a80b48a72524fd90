package io.oxyde.query.internal;

import java.sql.SQLFeatureNotSupportedException;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;

/**
 * A jOOQ binding for placeholder tokens: renders a bare {@code ?} (no dialect cast) and is never
 * executed by jOOQ. Each bind parameter the renderer creates carries a {@link Token}; after
 * rendering, {@code DSLContext.extractBindValues} lists the tokens in placeholder order, which is
 * how the plan learns which slot feeds which {@code ?} — including parameters jOOQ repeats or
 * reorders in its emulations.
 */
final class TokenBinding implements Binding<Object, Object> {
    private static final long serialVersionUID = 1L;

    /** The token a rendered bind parameter carries: an index into the statement's bind specs. */
    record Token(int id) {
    }

    private static final Converter<Object, Object> IDENTITY =
            Converter.ofNullable(Object.class, Object.class, x -> x, x -> x);

    @Override
    public Converter<Object, Object> converter() {
        return IDENTITY;
    }

    @Override
    public void sql(BindingSQLContext<Object> ctx) {
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().sql("/* " + ctx.value() + " */ ?");
        } else {
            ctx.render().sql("?");
        }
    }

    @Override
    public void register(BindingRegisterContext<Object> ctx) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("oxyde tokens are rendered, never executed by jOOQ");
    }

    @Override
    public void set(BindingSetStatementContext<Object> ctx) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("oxyde tokens are rendered, never executed by jOOQ");
    }

    @Override
    public void set(BindingSetSQLOutputContext<Object> ctx) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("oxyde tokens are rendered, never executed by jOOQ");
    }

    @Override
    public void get(BindingGetResultSetContext<Object> ctx) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("oxyde tokens are rendered, never executed by jOOQ");
    }

    @Override
    public void get(BindingGetStatementContext<Object> ctx) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("oxyde tokens are rendered, never executed by jOOQ");
    }

    @Override
    public void get(BindingGetSQLInputContext<Object> ctx) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("oxyde tokens are rendered, never executed by jOOQ");
    }
}
