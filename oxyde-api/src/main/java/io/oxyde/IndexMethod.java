package io.oxyde;

/** The access method of an {@link Index}; databases without the method fall back to their default. */
public enum IndexMethod {
    BTREE,
    HASH,
    GIN,
    GIST
}
