package io.oxyde;

/** What the database does to referencing rows when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
    CASCADE,
    RESTRICT,
    SET_NULL,
    SET_DEFAULT,
    NO_ACTION
}
