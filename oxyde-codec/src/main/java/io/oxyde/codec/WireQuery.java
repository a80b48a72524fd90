package io.oxyde.codec;

import io.oxyde.codec.internal.QueryCodec;
import java.util.List;
import io.oxyde.exception.ProtocolException;

/**
 * A received query message, split the way a caching receiver wants it: the {@link ShapeKey}
 * (ready to look up, the shape not yet decoded) and the values (decoded and checked).
 *
 * <p>A receiver that has seen the shape before binds the values to its cached template with
 * {@link #bindTo(QueryIr)}; otherwise it decodes the shape once with {@link #template()} (which
 * validates it fully) and caches it. {@link #ir()} does both for one-off use. Not thread-safe
 * for the first call of {@link #template()}; hand it to one thread.
 */
public final class WireQuery {

    private final ShapeKey shape;
    private final List<Value> values;
    private QueryIr template;

    /** Takes ownership of {@code values}, a private list of non-null values. */
    WireQuery(ShapeKey shape, List<Value> values) {
        this.shape = shape;
        this.values = List.copyOf(values); // no copy for the envelope's immutable list
    }

    /** The shape's cache key; cheap (computed while reading). */
    public ShapeKey shape() {
        return shape;
    }

    /** The slot values in slot order. */
    public List<Value> values() {
        return values;
    }

    /**
     * The template decoded from the shape, validated (decoded on first call).
     *
     * @throws ProtocolException if the shape breaks the protocol or its slot count differs from
     *     the number of values
     */
    public QueryIr template() {
        QueryIr t = template;
        if (t == null) {
            t = QueryCodec.readTemplate(shape.bytes(), shape.offset(), shape.size(), values.size());
            template = t;
        }
        return t;
    }

    /** The query: {@link #template()} with its slots filled from {@link #values()}. */
    public QueryIr ir() {
        return bindTo(template());
    }

    /**
     * Fills {@code cachedTemplate} — the template of a message with an equal {@link #shape()},
     * decoded earlier — with this message's values.
     *
     * @throws ProtocolException if a value's kind differs from its slot's or the counts differ
     */
    public QueryIr bindTo(QueryIr cachedTemplate) {
        try {
            return IrTemplate.bind(cachedTemplate, values);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("values", e.getMessage(), e);
        }
    }
}
