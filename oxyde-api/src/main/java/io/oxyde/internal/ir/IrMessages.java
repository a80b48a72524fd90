package io.oxyde.internal.ir;

import io.oxyde.codec.IrCodec;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.IrTemplate;
import io.oxyde.exception.ProtocolException;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.ShapeKey;
import io.oxyde.exception.InvalidQueryException;
import io.oxyde.query.internal.ClockCache;

/**
 * Turns the API's queries into IR messages, the only form in which they reach the driver.
 *
 * <p>A query's shape (its template: the query with every value replaced by a typed slot) is
 * validated and encoded the first time it is seen and kept; later calls with the same shape
 * write only their values behind the kept shape bytes ({@link IrCodec#message}), so the
 * protocol crossing costs a walk that splits off the values plus the values' own encoding.
 * The cache is bounded (CLOCK eviction): shapes built from unbounded input, such as IN lists
 * of every length, cannot grow it without limit.
 */
public final class IrMessages {

    /** Shapes kept, process-wide: an application has a few hundred query shapes, not thousands. */
    static final int CAPACITY = 2048;
    /**
     * Queries with more values than this (long IN lists) are encoded whole each time: their
     * templates are large (about 50 bytes a slot), one-off more often than not, and the walk is
     * small next to their values. So the cache holds at most about 25 MB. Bulk inserts are the
     * exception: repeated with the same batch size, they keep their shapes in
     * {@link InsertMessages}, keyed without a template.
     */
    static final int MAX_CACHED_SLOTS = 256;

    private static final ClockCache<QueryIr, ShapeKey> SHAPES = new ClockCache<>(CAPACITY);

    private IrMessages() {
    }

    /**
     * The message for {@code ir}.
     *
     * @throws InvalidQueryException if the query breaks a rule of the protocol (the API
     *     validates names and values before this, so that means a bug or a value too large)
     */
    public static byte[] encode(QueryIr ir, String pool) {
        try {
            if (surelyLarge(ir)) {
                return InsertMessages.encode((InsertIr) ir);
            }
            IrTemplate.Parameterized p = IrTemplate.parameterize(ir);
            if (p.values().size() > MAX_CACHED_SLOTS) {
                return IrCodec.encode(ir);
            }
            ShapeKey shape = SHAPES.get(p.template(), template -> IrCodec.shapeOf(ir));
            return IrCodec.message(shape, p.values());
        } catch (ProtocolException e) {
            throw new InvalidQueryException("invalid query: " + e.getMessage(), pool, e);
        } catch (StackOverflowError e) {
            throw new InvalidQueryException("invalid query: nested deeper than " + IrCodec.MAX_DEPTH + " levels",
                    pool, null);
        }
    }

    /**
     * Whether {@code ir} is a bulk insert with more than {@link #MAX_CACHED_SLOTS} cells, told
     * without walking it. Such an insert keeps its shape in {@link InsertMessages}, keyed by its
     * cells' kinds, so splitting it into template and values (a copy of every row, a slot per
     * cell, then thrown away) is skipped.
     */
    private static boolean surelyLarge(QueryIr ir) {
        return ir instanceof InsertIr insert
                && (long) insert.rows().size() * insert.columns().size() > MAX_CACHED_SLOTS;
    }
}
