package io.oxyde.bench.variant;

import org.jooq.Identity;
import org.jooq.Record;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.Internal;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;

/**
 * The {@code note} table as jOOQ's code generator would write it, so jOOQ knows {@code id} is the
 * identity: on MySQL-family dialects it then fetches the key of an insert through JDBC generated
 * keys (a plain {@code DSL.table} has no identity and {@code returning} comes back empty).
 */
final class JooqNoteTable extends TableImpl<Record> {

    static final JooqNoteTable NOTE = new JooqNoteTable();

    final TableField<Record, Long> id = createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false).identity(true));
    final TableField<Record, String> title = createField(DSL.name("title"), SQLDataType.VARCHAR(200).nullable(false));
    final TableField<Record, Integer> score = createField(DSL.name("score"), SQLDataType.INTEGER.nullable(false));

    private JooqNoteTable() {
        super(DSL.name("note"));
    }

    @Override
    public Identity<Record, Long> getIdentity() {
        return Internal.createIdentity(this, id);
    }
}
