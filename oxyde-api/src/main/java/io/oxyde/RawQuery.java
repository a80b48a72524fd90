package io.oxyde;

import io.oxyde.codec.RawIr;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.Value;
import io.oxyde.internal.mapping.ModelMapper;
import io.oxyde.internal.ir.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import io.oxyde.exception.MappingException;

/**
 * Hand-written SQL with {@code ?} placeholders, for what the query builder cannot express.
 * Values are always bound, never spliced into the text. Rows come back as maps (column →
 * value) or, after {@link #as(Class)}, as models (columns matched by name; missing fields are
 * {@code null}). The SQL is passed through unchanged, so it must be written for the target
 * database's dialect.
 *
 * @param <R> the row type
 */
public final class RawQuery<R> {

    private final Target target;
    private final String sql;
    private final List<Value> params;
    private final Function<RowSet, List<R>> reader;

    private RawQuery(Target target, String sql, List<Value> params, Function<RowSet, List<R>> reader) {
        this.target = target;
        this.sql = sql;
        this.params = params;
        this.reader = reader;
    }

    static RawQuery<Map<String, Object>> of(Target target, String sql, Object... params) {
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            Object p = params[i] instanceof Ref<?> r ? r.id() : params[i];
            try {
                values.add(Value.of(p));
            } catch (IllegalArgumentException e) {
                throw new MappingException("raw SQL parameter " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new RawQuery<>(target, sql, List.copyOf(values), rs -> {
            List<Map<String, Object>> out = new ArrayList<>(rs.rows().size());
            for (List<Value> row : rs.rows()) {
                out.add(Query.rowMap(rs, row));
            }
            return out;
        });
    }

    /** The same SQL, with rows read into a model by column name. */
    public <M> RawQuery<M> as(Class<M> model) {
        ModelMapper<M> mapper = ModelMapper.of(model);
        return new RawQuery<>(target, sql, params, rs -> mapper.partialReader(rs.columns()).readAll(rs.rows()));
    }

    /** Runs the SQL and returns every row. */
    public CompletableFuture<List<R>> all() {
        return target.query(toIr(), null).thenApply(reader);
    }

    /** Runs the SQL and returns the first row, if any. */
    public CompletableFuture<Optional<R>> first() {
        return all().thenApply(l -> l.stream().findFirst());
    }

    /** Runs a statement that returns no rows (INSERT, UPDATE, DDL…) and returns the affected count. */
    public CompletableFuture<Long> execute() {
        return target.mutate(toIr()).thenApply(r -> r.affected());
    }

    /** The IR sent to the driver. */
    public RawIr toIr() {
        return new RawIr(sql, params);
    }
}
