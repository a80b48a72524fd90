package io.oxyde.internal.ir;

import io.oxyde.Ref;
import io.oxyde.codec.ValueKind;
import io.oxyde.driver.ResultRow;
import io.oxyde.driver.RowSink;
import java.sql.SQLException;
import io.oxyde.internal.mapping.ModelMapper;
import io.oxyde.internal.mapping.RowReader;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
    private List<T> models = new ArrayList<>();

    private RowLoader(Class<T> type, List<ValueKind> kinds, boolean partial, Map<String, JoinStep> joins,
                      Set<String> eager) {
        this.type = type;
        this.kinds = kinds;
        this.partial = partial;
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
        ModelMapper<T> mapper = ModelMapper.of(type);
        reader = partial ? mapper.partialReader(columns) : mapper.reader(columns);
        joinReaders = new RowReader<?>[steps.size()];
        keyPositions = new int[steps.size()];
        toKey = new boolean[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            JoinStep s = steps.get(i);
            toKey[i] = referencesKey(s.fk()); // once per result, not per row
            joinReaders[i] = ModelMapper.of(s.target().modelClass()).reader(columns, s.alias() + "__", false);
            keyPositions[i] = columns.indexOf(s.alias() + "__" + s.target().primaryKey().column());
        }
        models = new ArrayList<>();
    }

    @Override
    public void row(ResultRow row) throws SQLException {
        if (steps.isEmpty()) {
            models.add(reader.read(row));
            return;
        }
        Object[] loaded = new Object[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            if (row.isNull(keyPositions[i])) {
                continue;
            }
            Object obj = joinReaders[i].read(row);
            loaded[i] = attach(obj, steps.get(i).alias(), loaded);
        }
        models.add(attach(reader.read(row), null, loaded));
    }

    /** The models read (those of the last result the sink was started on). */
    public List<T> models() {
        return models;
    }

    private <M> M attach(M parent, String alias, Object[] loaded) {
        M result = parent;
        for (int i = 0; i < steps.size(); i++) {
            JoinStep child = steps.get(i);
            boolean isChild = alias == null ? child.parentAlias() == null : alias.equals(child.parentAlias());
            if (isChild && loaded[i] != null) {
                result = Models.with(result, child.fk().name(), wrap(child.fk(), loaded[i], toKey[i]));
            }
        }
        return result;
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
