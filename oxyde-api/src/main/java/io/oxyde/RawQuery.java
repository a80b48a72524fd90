package io.oxyde;

import io.oxyde.codec.RawIr;
import io.oxyde.internal.ir.ListSink;
import io.oxyde.codec.Value;
import io.oxyde.internal.mapping.ModelMapper;
import io.oxyde.internal.ir.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    private final ListSink.Prepare<R> reader;

    private RawQuery(Target target, String sql, List<Value> params, ListSink.Prepare<R> reader) {
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
        return new RawQuery<>(target, sql, List.copyOf(values), columns -> row -> Query.rowMap(columns, row));
    }

    /** The same SQL, with rows read into a model by column name. */
    public <M> RawQuery<M> as(Class<M> model) {
        ModelMapper<M> mapper = ModelMapper.of(model);
        return new RawQuery<>(target, sql, params, columns -> mapper.partialReader(columns)::read);
    }

    /** Runs the SQL and returns every row. */
    public CompletableFuture<List<R>> all() {
        return target.rows(toIr(), new ListSink<>(null, reader));
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
