package io.oxyde.query;

import io.oxyde.exception.ProtocolException;
import io.oxyde.codec.IrTemplate;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.query.internal.CompiledStatement;
import io.oxyde.query.internal.PlanCompiler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.oxyde.dialect.Dialect;

/**
 * The rendered form of one query shape (an {@link io.oxyde.codec.IrTemplate} template) on one
 * dialect: SQL text plus, for each {@code ?}, which slot feeds it and through which transform.
 * {@link #bind} fills in one execution's values without touching jOOQ, so a driver that already
 * holds a template and its values (decoded from the wire) goes straight to SQL.
 *
 * <p>Immutable and thread-safe. A template whose {@code isnull} flags are slots (their value
 * changes the SQL: {@code IS NULL} vs {@code IS NOT NULL}) keeps one small compiled variant per
 * flag combination, made on first use.
 */
public final class RenderPlan {
    private final QueryIr template;
    private final Dialect dialect;
    private final int slotCount;
    private final ValueKind[] slotKinds;
    private final List<Integer> structuralSlots;
    private final PlanCompiler.Compiled fixed;
    private final Map<List<Boolean>, PlanCompiler.Compiled> variants;

    RenderPlan(QueryIr template, Dialect dialect, int slotCount) {
        this.template = template;
        this.dialect = dialect;
        this.slotCount = slotCount;
        this.slotKinds = IrTemplate.slotKinds(template);
        this.structuralSlots = List.copyOf(PlanCompiler.structuralSlots(template));
        if (structuralSlots.isEmpty()) {
            this.fixed = PlanCompiler.compile(template, dialect, Map.of());
            this.variants = null;
        } else {
            this.fixed = null;
            this.variants = new ConcurrentHashMap<>();
            // Render the all-false variant eagerly so shape errors surface at plan time.
            List<Boolean> key = new ArrayList<>();
            for (int i = 0; i < structuralSlots.size(); i++) {
                key.add(Boolean.FALSE);
            }
            variant(key);
        }
    }

    /** The dialect this plan renders for. */
    public Dialect dialect() {
        return dialect;
    }

    /** The template this plan was made from. */
    public QueryIr template() {
        return template;
    }

    /**
     * What is wrong with {@code values} for this plan's slots (their number, or the first value
     * whose kind is not its slot's: a NULL slot filled with an INT, an INT slot with TEXT), as the
     * protocol error naming the value's path (not thrown here), or {@code null} if they fit. A receiver that found this plan by a message's shape checks the
     * message's values with it: the protocol holds every value to its slot's declared kind.
     */
    public ProtocolException slotMismatch(List<Value> values) {
        if (values.size() != slotKinds.length) {
            return new ProtocolException("values", "the shape has " + slotKinds.length + " slots but the message has "
                    + values.size() + " values");
        }
        for (int i = 0; i < slotKinds.length; i++) {
            ValueKind kind = values.get(i).kind();
            if (kind != slotKinds[i]) {
                return new ProtocolException("values[" + i + "]", "slot " + i + " is declared " + slotKinds[i]
                        + " but the value is " + kind);
            }
        }
        return null;
    }

    /**
     * About how many bytes of heap this plan holds (its SQL, bind specs and template), for
     * caches that must be bounded by memory rather than by entry count: a plan of 4,000 slots
     * holds about 640 KB, a primary-key select a few hundred bytes.
     */
    public long approximateBytes() {
        long bytes = 512 + 160L * slotCount;
        PlanCompiler.Compiled compiled = fixed != null ? fixed : variants.values().stream().findFirst().orElse(null);
        if (compiled != null) {
            for (CompiledStatement st : compiled.statements()) {
                bytes += 2L * st.sql().length() + 48L * st.binds().size();
            }
        }
        return bytes;
    }

    /** How many slot values {@link #bind} expects. */
    public int slotCount() {
        return slotCount;
    }

    /**
     * The SQL for one execution.
     *
     * @param slotValues the template's values in slot order ({@code IrTemplate.parameterize(ir).values()})
     * @throws IllegalArgumentException if the count or a kind does not match the template
     */
    public RenderedQuery bind(List<Value> slotValues) {
        if (slotValues.size() != slotCount) {
            throw new IllegalArgumentException("template has " + slotCount + " slots but " + slotValues.size()
                    + " values were given");
        }
        PlanCompiler.Compiled compiled = fixed;
        if (compiled == null) {
            List<Boolean> key = new ArrayList<>(structuralSlots.size());
            for (int slot : structuralSlots) {
                Value v = slotValues.get(slot);
                if (!(v instanceof Value.Bool b)) {
                    throw new IllegalArgumentException("slot " + slot + " (an isnull flag) expects BOOL but got " + v.kind());
                }
                key.add(b.value());
            }
            compiled = variant(key);
        }
        List<CompiledStatement> compiledStatements = compiled.statements();
        List<SqlStatement> statements;
        if (compiledStatements.size() == 1) { // the common case: no list to grow and copy
            statements = List.of(compiledStatements.get(0).bind(slotValues));
        } else {
            statements = new ArrayList<>(compiledStatements.size());
            for (CompiledStatement st : compiledStatements) {
                statements.add(st.bind(slotValues));
            }
        }
        return new RenderedQuery(statements, compiled.resultKind(), compiled.generatedKeyColumns());
    }

    private PlanCompiler.Compiled variant(List<Boolean> key) {
        return variants.computeIfAbsent(key, k -> {
            Map<Integer, Boolean> values = new HashMap<>();
            for (int i = 0; i < structuralSlots.size(); i++) {
                values.put(structuralSlots.get(i), k.get(i));
            }
            return PlanCompiler.compile(template, dialect, values);
        });
    }
}
