package io.oxyde.internal.ir;

import io.oxyde.codec.InsertIr;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.OnConflict;
import io.oxyde.codec.ShapeKey;
import io.oxyde.codec.Value;
import io.oxyde.query.SqlRenderer;
import io.oxyde.query.internal.ClockCache;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The messages of bulk inserts, with their shapes kept like every other query's.
 *
 * <p>An insert's shape is its table, columns, returning list and conflict clause plus one slot
 * per cell, typed by the cell's kind; so it is known from those and the row-major array of the
 * cells' kinds, without building the template ({@code IrTemplate.parameterize} copies every row
 * and makes a slot object per cell). That is this cache's key: a repeated bulk insert (the same
 * batch size, the same NULL pattern) writes only its values behind the kept shape, and the
 * driver finds its plan by the same bytes. Walking a 1,000-row insert to write its shape cost
 * about 110 µs on the reference machine, three times what writing its values costs.
 *
 * <p>Inserts holding an array value (structural in a shape) and inserts larger than the
 * renderer keeps plans for ({@link SqlRenderer#MAX_CACHED_SLOTS}) are encoded whole: nothing
 * downstream would keep their shape either. The cache holds at most {@link #CAPACITY} shapes
 * of at most about 25 KB each.
 */
final class InsertMessages {

    /** Bulk-insert shapes kept: distinct batch sizes × NULL patterns in use, not one per call. */
    static final int CAPACITY = 128;

    private static final ClockCache<Key, ShapeKey> SHAPES = new ClockCache<>(CAPACITY);

    private InsertMessages() {
    }

    /** The message for {@code insert}, equal to {@code IrCodec.encode(insert)}. */
    static byte[] encode(InsertIr insert) {
        List<List<Value>> rows = insert.rows();
        int width = insert.columns().size();
        long cells = (long) rows.size() * width;
        if (cells > SqlRenderer.MAX_CACHED_SLOTS) {
            return IrCodec.encode(insert);
        }
        byte[] kinds = new byte[(int) cells];
        Value[] values = new Value[(int) cells];
        int at = 0;
        for (List<Value> row : rows) {
            for (int c = 0; c < width; c++) {
                Value v = row.get(c);
                if (v instanceof Value.Array) {
                    return IrCodec.encode(insert);
                }
                kinds[at] = (byte) v.kind().tag();
                values[at++] = v;
            }
        }
        Key key = new Key(insert.table(), insert.model(), insert.columns(), insert.returning(), insert.onConflict(),
                kinds);
        ShapeKey shape = SHAPES.get(key, k -> IrCodec.shapeOf(insert));
        return IrCodec.message(shape, Arrays.asList(values));
    }

    /** What an insert's shape is made of (see the class comment); equal by content. */
    private static final class Key {
        private final String table;
        private final String model;
        private final List<String> columns;
        private final List<String> returning;
        private final OnConflict onConflict;
        private final byte[] kinds;
        private final int hash;

        Key(String table, String model, List<String> columns, List<String> returning, OnConflict onConflict,
            byte[] kinds) {
            this.table = table;
            this.model = model;
            this.columns = columns;
            this.returning = returning;
            this.onConflict = onConflict;
            this.kinds = kinds;
            this.hash = Objects.hash(table, model, columns, returning, onConflict) * 31 + Arrays.hashCode(kinds);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && table.equals(k.table) && Objects.equals(model, k.model)
                    && columns.equals(k.columns) && returning.equals(k.returning)
                    && Objects.equals(onConflict, k.onConflict) && Arrays.equals(kinds, k.kinds);
        }
    }

    /** How many shapes are kept now (for tests). */
    static int size() {
        return SHAPES.size();
    }
}
