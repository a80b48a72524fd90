package io.oxyde.migrate;

/** IndexDefinition access method; only PostgreSQL honours all of them (see docs/migrations.md). */
public enum IndexMethod { BTREE, HASH, GIN, GIST }
