package io.oxyde.internal.mapping;

import io.oxyde.driver.ResultRow;

/**
 * A row together with the related models an eager join loaded from it, for a reader prepared
 * with attached fields ({@link ModelMapper#reader(java.util.List, String, boolean, java.util.List)}):
 * a field whose value is set here takes it, one left {@code null} is read from the row as usual.
 * So the model is built once with its loaded relations, not built and then copied with each.
 * One per reader and result, reused for every row (the reader keeps nothing of it).
 */
public final class Attached {

    private final Object[] values;
    private ResultRow row;

    /** Room for {@code n} attached fields, in the order the reader was prepared with. */
    public Attached(int n) {
        this.values = new Object[n];
    }

    /** The row to read next; clears the attached values. */
    public Attached on(ResultRow row) {
        this.row = row;
        java.util.Arrays.fill(values, null);
        return this;
    }

    /** Sets attached field {@code k} ({@code null}: read it from the row). */
    public void set(int k, Object value) {
        values[k] = value;
    }

    ResultRow row() {
        return row;
    }

    Object value(int k) {
        return values[k];
    }

    boolean has(int k) {
        return values[k] != null;
    }
}
