package io.oxyde.internal.ir;

import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.Ref;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.Value;
import io.oxyde.internal.mapping.ModelMapper;
import io.oxyde.internal.mapping.RowReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a result into models: one {@link RowReader} per result shape (column positions are
 * resolved once), plus, for eager joins, one reader per joined model on its
 * {@code alias__column} columns, whose instances are put into the parents' {@link Ref}s.
 */
public final class RowLoader {

    private RowLoader() {
    }

    /** The models of a result. */
    public static <T> List<T> read(Class<T> type, ModelMeta<?> meta, RowSet rows, boolean partial,
                                   Map<String, JoinStep> joins, Set<String> eager) {
        ModelMapper<T> mapper = ModelMapper.of(type);
        RowReader<T> reader = partial ? mapper.partialReader(rows.columns()) : mapper.reader(rows.columns());
        if (eager.isEmpty()) {
            return reader.readAll(rows.rows());
        }
        List<JoinStep> steps = new ArrayList<>();
        for (String alias : eager) {
            steps.add(joins.get(alias));
        }
        steps.sort(Comparator.comparingInt(JoinStep::depth).reversed());
        Map<String, RowReader<?>> readers = new HashMap<>();
        Map<String, Integer> keyPositions = new HashMap<>();
        for (JoinStep s : steps) {
            readers.put(s.alias(), ModelMapper.of(s.target().modelClass()).reader(rows.columns(), s.alias() + "__", false));
            keyPositions.put(s.alias(), rows.columns().indexOf(s.alias() + "__" + s.target().primaryKey().column()));
        }
        List<T> out = new ArrayList<>(rows.rows().size());
        for (List<Value> row : rows.rows()) {
            Map<String, Object> loaded = new HashMap<>();
            for (JoinStep s : steps) {
                if (row.get(keyPositions.get(s.alias())) instanceof Value.Null) {
                    continue;
                }
                Object obj = readers.get(s.alias()).read(row);
                loaded.put(s.alias(), attach(obj, s.alias(), steps, loaded));
            }
            out.add(attach(reader.read(row), null, steps, loaded));
        }
        return out;
    }

    private static <M> M attach(M parent, String alias, List<JoinStep> steps, Map<String, Object> loaded) {
        M result = parent;
        for (JoinStep child : steps) {
            boolean isChild = alias == null ? child.parentAlias() == null : alias.equals(child.parentAlias());
            Object value = loaded.get(child.alias());
            if (isChild && value != null) {
                result = Models.with(result, child.fk().name(), wrap(child.fk(), value));
            }
        }
        return result;
    }

    /** A loaded related model as the FK field holds it: a loaded {@link Ref}, or the model itself. */
    public static Object wrap(FieldMeta fk, Object value) {
        return fk.javaType() == Ref.class ? Ref.of(value) : value;
    }
}
