package io.oxyde.internal.ir;

import io.oxyde.Ref;
import io.oxyde.codec.ValueKind;
import io.oxyde.driver.ResultRow;
import io.oxyde.driver.RowSink;
import java.sql.SQLException;
import io.oxyde.internal.mapping.Attached;
import io.oxyde.internal.mapping.ModelMapper;
import io.oxyde.internal.mapping.RowReader;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a result into models as the driver reads it: a {@link RowSink} that turns each row into
 * its model while the cursor is on it, through one {@link RowReader} per result shape (column
 * positions are resolved once), plus, for eager joins, one reader per joined model on its
 * {@code alias__column} columns, whose instances are put into the parents' {@link Ref}s.
 *
 * @param <T> the model class
 */
public final class RowLoader<T> implements RowSink {

    private final Class<T> type;
    private final List<ValueKind> kinds;
    private final boolean partial;
    private final List<JoinStep> steps;
    private RowReader<T> reader;
    private RowReader<?>[] joinReaders;
    private int[] keyPositions;
    /** Per join step: whether its foreign key references the target's key (else a toField). */
    private boolean[] toKey;
    /** Per reader (the join steps, then the model): the steps whose models are attached to it. */
    private int[][] childrenOf;
    private Attached[] attached;
    /** The joined models of the current row, by step. */
    private Object[] loaded;
    private List<T> models = new ArrayList<>(); // handed to the caller as the query's result

    private RowLoader(Class<T> type, List<ValueKind> kinds, boolean partial, Map<String, JoinStep> joins,
                      Set<String> eager) {
        this.type = type;
        this.kinds = kinds;
        this.partial = partial;
        if (eager.isEmpty()) {
            this.steps = List.of();
            return;
        }
        List<JoinStep> s = new ArrayList<>(eager.size());
        for (String alias : eager) {
            s.add(joins.get(alias));
        }
        s.sort(Comparator.comparingInt(JoinStep::depth).reversed());
        this.steps = s;
    }

    /**
     * A loader for one call of a model query.
     *
     * @param kinds   the kinds the result columns are read as
     * @param partial whether the query selects only some of the model's fields
     * @param joins   the query's joins by alias; {@code eager} the aliases loaded into the models
     */
    public static <T> RowLoader<T> of(Class<T> type, List<ValueKind> kinds, boolean partial,
                                      Map<String, JoinStep> joins, Set<String> eager) {
        return new RowLoader<>(type, kinds, partial, joins, eager);
    }

    @Override
    public List<ValueKind> expectedKinds() {
        return kinds;
    }

    @Override
    public void start(List<String> columns) {
        int n = steps.size();
        if (!models.isEmpty()) {
            models = new ArrayList<>(); // a second result starts a list of its own
        }
        if (n == 0) { // no eager joins, the common case: the model's reader alone
            reader = ModelMapper.of(type).reader(columns, "", partial, List.of());
            return;
        }
        childrenOf = new int[n + 1][];
        attached = new Attached[n + 1];
        for (int r = 0; r <= n; r++) { // reader r: join step r, or the model itself (r == n)
            String alias = r == n ? null : steps.get(r).alias();
            int[] children = new int[n];
            int count = 0;
            for (int j = 0; j < n; j++) {
                if (Objects.equals(alias, steps.get(j).parentAlias())) {
                    children[count++] = j;
                }
            }
            childrenOf[r] = Arrays.copyOf(children, count);
            attached[r] = new Attached(count);
        }
        ModelMapper<T> mapper = ModelMapper.of(type);
        reader = mapper.reader(columns, "", partial, fieldNames(childrenOf[n]));
        joinReaders = new RowReader<?>[n];
        keyPositions = new int[n];
        toKey = new boolean[n];
        loaded = new Object[n];
        for (int i = 0; i < n; i++) {
            JoinStep s = steps.get(i);
            toKey[i] = referencesKey(s.fk()); // once per result, not per row
            joinReaders[i] = ModelMapper.of(s.target().modelClass()).reader(columns, s.alias() + "__", false,
                    fieldNames(childrenOf[i]));
            keyPositions[i] = columns.indexOf(s.alias() + "__" + s.target().primaryKey().column());
        }
    }

    private List<String> fieldNames(int[] stepIndexes) {
        List<String> names = new ArrayList<>(stepIndexes.length);
        for (int j : stepIndexes) {
            names.add(steps.get(j).fk().name());
        }
        return names;
    }

    /**
     * One row: the joined models deepest first (a LEFT JOIN without a match leaves the foreign key
     * as read), each built with its own loaded relations attached, then the model with its.
     */
    @Override
    public void row(ResultRow row) throws SQLException {
        if (steps.isEmpty()) {
            models.add(reader.read(row));
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            loaded[i] = row.isNull(keyPositions[i]) ? null : joinReaders[i].read(attach(i, row));
        }
        models.add(reader.read(attach(steps.size(), row)));
    }

    /** The {@link Attached} of reader {@code r} on this row, holding its children loaded so far. */
    private Attached attach(int r, ResultRow row) {
        Attached a = attached[r].on(row);
        int[] children = childrenOf[r];
        for (int k = 0; k < children.length; k++) {
            int j = children[k];
            if (loaded[j] != null) {
                a.set(k, wrap(steps.get(j).fk(), loaded[j], toKey[j]));
            }
        }
        return a;
    }

    /** The models read (those of the last result the sink was started on). */
    public List<T> models() {
        return models;
    }

    /** A loaded related model as the FK field holds it: a loaded {@link Ref}, or the model itself. */
    public static Object wrap(FieldMeta fk, Object value) {
        return wrap(fk, value, referencesKey(fk));
    }

    /** Whether {@code fk} references its target's key (not a {@code toField}). */
    static boolean referencesKey(FieldMeta fk) {
        return fk.foreignKey().targetField().equals(ModelMeta.of(fk.foreignKey().target()).primaryKey().name());
    }

    private static Object wrap(FieldMeta fk, Object value, boolean toKey) {
        if (fk.javaType() != Ref.class) {
            return value;
        }
        return toKey ? Ref.of(value) : Ref.of(value, fk.foreignKey().targetField()); // @ForeignKey(toField = ...)
    }
}
