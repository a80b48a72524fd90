package io.oxyde.codec.internal;

import io.oxyde.exception.ProtocolException;

/**
 * A mutable stack of path segments ({@code filter}, {@code children}, {@code [2]}) naming the
 * field being read or checked. Segments are pushed and popped as the reader descends; the
 * string is built only when an error is reported, so tracking costs no allocation.
 */
final class Path {

    private String[] keys = new String[4];
    private int[] indices = new int[4];
    private int size;
    private final String root;

    /** A path whose empty form reads {@code root}, e.g. {@code message} or {@code shape}. */
    public Path(String root) {
        this.root = root;
    }

    /** Enters the map key {@code key}. */
    public Path key(String key) {
        grow();
        keys[size] = key;
        indices[size] = -1;
        size++;
        return this;
    }

    /** Enters the array element {@code index}. */
    public Path index(int index) {
        grow();
        keys[size] = null;
        indices[size] = index;
        size++;
        return this;
    }

    /** Replaces the innermost segment, an array index, with {@code index}. */
    public void setIndex(int index) {
        indices[size - 1] = index;
    }

    /** Leaves the innermost segment. */
    public Path pop() {
        size--;
        return this;
    }

    /** The number of segments, to restore with {@link #truncate(int)} after a failure. */
    public int size() {
        return size;
    }

    /** Drops segments beyond {@code newSize}. */
    public void truncate(int newSize) {
        size = newSize;
    }

    private void grow() {
        if (size == keys.length) {
            keys = java.util.Arrays.copyOf(keys, size * 2);
            indices = java.util.Arrays.copyOf(indices, size * 2);
        }
    }

    /** An exception for a problem at the current path. */
    public ProtocolException error(String problem) {
        return new ProtocolException(toString(), problem);
    }

    /** An exception for a problem at the current path, with its cause. */
    public ProtocolException error(String problem, Throwable cause) {
        return new ProtocolException(toString(), problem, cause);
    }

    @Override
    public String toString() {
        if (size == 0) {
            return root;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            if (keys[i] != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(keys[i]);
            } else {
                sb.append('[').append(indices[i]).append(']');
            }
        }
        return sb.toString();
    }
}
