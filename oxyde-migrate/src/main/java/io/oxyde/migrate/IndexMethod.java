package io.oxyde.migrate;

/** Index access method; only PostgreSQL honours all of them (see docs/migrations.md). */
public enum IndexMethod { BTREE, HASH, GIN, GIST }
