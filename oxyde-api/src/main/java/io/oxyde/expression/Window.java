package io.oxyde.expression;

import io.oxyde.codec.WindowFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A value computed over a window of related rows (SQL {@code f(...) OVER (PARTITION BY … ORDER
 * BY …)}, Django's {@code Window}): the number of each track within its album by length, the
 * rank of an album, a running total, the previous invoice's total. Unlike an aggregate it keeps
 * every row.
 *
 * <pre>{@code
 * db.objects(Track.class).values("name", "album")
 *         .annotate("n", Window.of(RowNumber.of()).partitionBy("album").orderBy("milliseconds", "id"))
 * db.objects(Invoice.class).values("id", "total")
 *         .annotate("running", Window.of(Sum.of("total")).partitionBy("customer").orderBy("invoiceDate", "id"))
 * }</pre>
 *
 * <p>{@code of} takes a {@link WindowedFunction} ({@link RowNumber}, {@link Rank},
 * {@link DenseRank}, {@link Lag}, {@link Lead}) or an {@link Aggregation} ({@link Count},
 * {@link Sum}, {@link Avg}, {@link Min}, {@link Max}; not {@code distinctValues()}). Partitions
 * are field paths or expressions; order terms are field paths, {@code "-path"} descending. Once
 * ordered, an aggregate runs over the rows up to this one and its ties (SQL's default frame): a
 * running sum, so order by something unique to count each row once. Use it in {@code annotate}
 * on model and values queries, order by its alias, nest it in a function
 * ({@code Coalesce.of(Window.of(Lag.of("total")).orderBy("id"), 0)}). It cannot be filtered on:
 * SQL computes windows after WHERE, so {@code filter("n", 1)} on a window annotation is refused
 * (filter the rows read, or write the derived table in raw SQL). Nor can it sit in a grouped
 * {@code values(...).annotate(aggregate)} query, an {@code update} value, or another window.
 */
public final class Window implements Expression {

    private final WindowFunction function;
    private final Object argument;
    private final Integer offset;
    private final List<Object> partitionBy;
    private final List<String> orderBy;

    private Window(WindowFunction function, Object argument, Integer offset, List<Object> partitionBy,
                   List<String> orderBy) {
        this.function = function;
        this.argument = argument;
        this.offset = offset;
        this.partitionBy = List.copyOf(partitionBy);
        this.orderBy = List.copyOf(orderBy);
    }

    /** A ranking or offset function over the whole result until partitioned and ordered. */
    public static Window of(WindowedFunction function) {
        Objects.requireNonNull(function, "function");
        return new Window(function.function(), function.argument(), function.offset(), List.of(), List.of());
    }

    /** An aggregate over the window ({@code Count.all()} counts rows). */
    public static Window of(Aggregation aggregate) {
        Objects.requireNonNull(aggregate, "aggregate");
        if (aggregate.distinct()) {
            throw new IllegalArgumentException("Window.of(" + aggregate.function().wireName() + "): a distinct aggregate"
                    + " over a window is not in PostgreSQL, SQLite or MariaDB; aggregate per group with"
                    + " values(...).annotate(...) instead");
        }
        WindowFunction f = switch (aggregate.function()) {
            case COUNT -> WindowFunction.COUNT;
            case SUM -> WindowFunction.SUM;
            case AVG -> WindowFunction.AVG;
            case MIN -> WindowFunction.MIN;
            case MAX -> WindowFunction.MAX;
        };
        return new Window(f, aggregate.field(), null, List.of(), List.of());
    }

    /** Computes separately for each value of these field paths or expressions (replacing earlier ones). */
    public Window partitionBy(Object... partitions) {
        List<Object> out = new ArrayList<>();
        for (Object p : partitions) {
            out.add(Objects.requireNonNull(p, "partitionBy: a null partition"));
        }
        return new Window(function, argument, offset, out, orderBy);
    }

    /** Orders each partition by these field paths, {@code "-path"} descending (replacing earlier ones). */
    public Window orderBy(String... fields) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            Objects.requireNonNull(f, "orderBy: a null field");
            if (f.equals("?") || f.equals("-") || f.isEmpty()) {
                throw new IllegalArgumentException("Window.orderBy(\"" + f + "\"): a window is ordered by fields,"
                        + " \"path\" or \"-path\" (not random)");
            }
            out.add(f);
        }
        return new Window(function, argument, offset, partitionBy, out);
    }

    /**
     * Orders each partition by typed order terms ({@code Track_.MILLISECONDS.desc(), Track_.ID.asc()}),
     * the metamodel's form of {@link #orderBy(String...)}; partitions and arguments take metamodel
     * fields as they are ({@code partitionBy(Track_.ALBUM)}, {@code Lag.of(Invoice_.TOTAL)}).
     */
    public Window orderBy(io.oxyde.metamodel.Order<?>... terms) {
        String[] specs = new String[terms.length];
        for (int i = 0; i < terms.length; i++) {
            specs[i] = Objects.requireNonNull(terms[i], "orderBy: a null term").term();
        }
        return orderBy(specs);
    }

    /** The SQL window function. */
    public WindowFunction function() {
        return function;
    }

    /** The function's argument (a field path or expression), or {@code null} (row_number, count(*) …). */
    public Object argument() {
        return argument;
    }

    /** The row offset of lag and lead, else {@code null}. */
    public Integer offset() {
        return offset;
    }

    /** The partitions, as given. */
    public List<Object> partitions() {
        return partitionBy;
    }

    /** The order terms, as given. */
    public List<String> order() {
        return orderBy;
    }

    @Override
    public String toString() {
        return function.wireName() + "(" + (argument == null ? "" : argument) + ") over (partition by " + partitionBy
                + " order by " + orderBy + ")";
    }
}
