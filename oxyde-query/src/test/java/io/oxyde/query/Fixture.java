package io.oxyde.query;

import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Value;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import io.oxyde.dialect.Dialect;

/**
 * The artists / albums / tracks schema, created in plain DDL per dialect, and its rows, inserted
 * through the renderer itself.
 */
final class Fixture {
    static final UUID U1 = UUID.fromString("11111111-1111-4111-8111-111111111111");
    static final UUID U5 = UUID.fromString("55555555-5555-4555-8555-555555555555");

    private Fixture() {
    }

    static void create(Connection c, Dialect d, SqlRenderer r) throws SQLException {
        switch (d) {
            case POSTGRES -> {
                Exec.ddl(c,
                        "create table artists (id bigint primary key, name varchar(100) not null, country varchar(50), uid uuid unique)",
                        "create table albums (id bigint primary key, artist_id bigint not null references artists(id), title varchar(200) not null, "
                                + "price numeric(10,2) not null, released date, created_at timestamptz, rating double precision)",
                        "create table tracks (id bigint primary key, album_id bigint not null references albums(id), title varchar(200) not null, seconds integer not null)");
            }
            case SQLITE -> {
                Exec.ddl(c,
                        "create table artists (id integer primary key, name text not null, country text, uid text unique)",
                        "create table albums (id integer primary key, artist_id integer not null references artists(id), title text not null, "
                                + "price text not null, released text, created_at text, rating real)",
                        "create table tracks (id integer primary key, album_id integer not null references albums(id), title text not null, seconds integer not null)");
            }
            default -> {
                String cs = " default charset=utf8mb4 collate=utf8mb4_unicode_520_ci";
                Exec.ddl(c,
                        "create table artists (id bigint primary key, name varchar(100) not null, country varchar(50), uid char(36) unique)" + cs,
                        "create table albums (id bigint primary key, artist_id bigint not null references artists(id), title varchar(200) not null, "
                                + "price decimal(10,2) not null, released date, created_at datetime(6), rating double)" + cs,
                        "create table tracks (id bigint primary key, album_id bigint not null references albums(id), title varchar(200) not null, seconds integer not null)" + cs);
            }
        }
        insert(c, d, r, "artists", List.of("id", "name", "country", "uid"),
                row(1, "Björk", "IS", U1),
                row(2, "ÉCOLE Band", "FR", UUID.fromString("22222222-2222-4222-8222-222222222222")),
                row(3, "The 100% Club", null, UUID.fromString("33333333-3333-4333-8333-333333333333")),
                row(4, "under_score", "UK", UUID.fromString("44444444-4444-4444-8444-444444444444")),
                row(5, "Radiohead", "UK", U5));
        insert(c, d, r, "albums", List.of("id", "artist_id", "title", "price", "released", "created_at", "rating"),
                row(1, 1, "Debut", new BigDecimal("12.50"), LocalDate.of(1993, 7, 5), OffsetDateTime.parse("1993-07-05T10:00:00Z"), 4.5),
                row(2, 1, "Post", new BigDecimal("13.00"), LocalDate.of(1995, 6, 13), OffsetDateTime.parse("1995-06-13T20:30:00-02:00"), null),
                row(3, 5, "OK Computer", new BigDecimal("15.99"), LocalDate.of(1997, 5, 21), OffsetDateTime.parse("1997-05-21T08:00:00+02:00"), 5.0),
                row(4, 5, "Kid A", new BigDecimal("14.25"), LocalDate.of(2000, 10, 2), OffsetDateTime.parse("2000-10-02T12:00:00Z"), 4.0),
                row(5, 2, "école", new BigDecimal("9.99"), LocalDate.of(2000, 1, 15), OffsetDateTime.parse("2000-01-15T12:00:00Z"), null));
        insert(c, d, r, "tracks", List.of("id", "album_id", "title", "seconds"),
                row(1, 1, "Human Behaviour", 252),
                row(2, 1, "Venus as a Boy", 281),
                row(3, 3, "Airbag", 284),
                row(4, 3, "Paranoid Android", 383),
                row(5, 4, "Idioteque", 309));
    }

    static List<Value> row(Object... values) {
        List<Value> out = new ArrayList<>();
        for (Object o : values) {
            out.add(Value.of(o));
        }
        return out;
    }

    @SafeVarargs
    static void insert(Connection c, Dialect d, SqlRenderer r, String table, List<String> columns, List<Value>... rows)
            throws SQLException {
        Exec.run(c, r.render(new InsertIr(null, table, columns, List.of(rows), List.of(), null), d), d);
    }
}
