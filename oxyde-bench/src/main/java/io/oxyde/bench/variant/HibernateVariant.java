package io.oxyde.bench.variant;

import com.zaxxer.hikari.HikariDataSource;
import io.oxyde.bench.hibernate.AlbumEntity;
import io.oxyde.bench.hibernate.CounterEntity;
import io.oxyde.bench.hibernate.IdentityNote;
import io.oxyde.bench.hibernate.NoteBase;
import io.oxyde.bench.hibernate.SequenceNote;
import io.oxyde.bench.hibernate.TrackEntity;
import io.oxyde.bench.model.AlbumStats;
import io.oxyde.bench.model.Note;
import io.oxyde.bench.setup.BenchTarget;
import io.oxyde.bench.setup.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Hibernate ORM 7 as usually tuned: the same HikariCP pool handed over as the DataSource,
 * reads through a {@link StatelessSession} (no persistence context) with HQL, the album-with-
 * tracks read through a read-only {@link Session} and a {@code SUBSELECT} collection (1 + 1
 * queries), writes in transactions (inserts with {@code StatelessSession.insert}, updates and
 * deletes as HQL mutation queries), bulk inserts through a {@code Session} with
 * {@code hibernate.jdbc.batch_size=1000}, flushed and cleared per batch, as Hibernate's batching
 * guide shows. Keys: a pooled sequence on PostgreSQL and MariaDB, identity on SQLite.
 */
public final class HibernateVariant implements Variant {

    static final int BATCH = 1000;

    private final HikariDataSource ds;
    private final SessionFactory sf;
    private final boolean sequence;
    private final String deleteNote;
    private final ThreadPoolExecutor clientThreads;

    public HibernateVariant(BenchTarget target) {
        this.ds = Pools.hikari(target, "hibernate");
        this.clientThreads = Pools.workers("hibernate-client");
        this.sequence = target.database() != Database.SQLITE;
        this.deleteNote = "delete from " + (sequence ? "SequenceNote" : "IdentityNote") + " n where n.id = :id";
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder();
        if (target.database() == Database.MARIADB) {
            // Connector/J reports MariaDB as "5.5.5-10.11.x-MariaDB", which Hibernate reads as 5.5.5
            // (an unsupported version); state the real server version instead of asking the driver.
            try (Connection c = ds.getConnection()) {
                String v = c.getMetaData().getDatabaseProductVersion();
                Matcher m = Pattern.compile("(\\d+)\\.(\\d+)\\.\\d+-MariaDB").matcher(v);
                if (m.find()) {
                    settings.applySetting("hibernate.boot.allow_jdbc_metadata_access", false)
                            .applySetting("jakarta.persistence.database-product-name", "MariaDB")
                            .applySetting("jakarta.persistence.database-major-version", Integer.parseInt(m.group(1)))
                            .applySetting("jakarta.persistence.database-minor-version", Integer.parseInt(m.group(2)));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the MariaDB version: " + e, e);
            }
        }
        StandardServiceRegistry registry = settings
                .applySetting("hibernate.connection.datasource", ds)
                .applySetting("hibernate.dialect", dialect(target.database()))
                .applySetting("hibernate.jdbc.batch_size", BATCH)
                .applySetting("hibernate.order_inserts", true)
                .applySetting("hibernate.hbm2ddl.auto", "none")
                .applySetting("hibernate.show_sql", false)
                .applySetting("hibernate.generate_statistics", false)
                .applySetting("hibernate.query.in_clause_parameter_padding", true)
                .build();
        MetadataSources sources = new MetadataSources(registry).addAnnotatedClass(TrackEntity.class)
                .addAnnotatedClass(AlbumEntity.class).addAnnotatedClass(CounterEntity.class)
                .addAnnotatedClass(sequence ? SequenceNote.class : IdentityNote.class);
        this.sf = sources.buildMetadata().buildSessionFactory();
    }

    static String dialect(Database db) {
        return db == Database.SQLITE ? "org.hibernate.community.dialect.SQLiteDialect"
                : db == Database.POSTGRES ? "org.hibernate.dialect.PostgreSQLDialect" : "org.hibernate.dialect.MariaDBDialect";
    }

    @Override
    public String name() {
        return "hibernate";
    }

    private NoteBase entity(Note n) {
        return sequence ? new SequenceNote(n.title(), n.score()) : new IdentityNote(n.title(), n.score());
    }

    @Override
    public TrackEntity byId(long id) {
        try (StatelessSession ss = sf.openStatelessSession()) {
            return ss.get(TrackEntity.class, id);
        }
    }

    @Override
    public List<TrackEntity> range(long from, int n) {
        try (StatelessSession ss = sf.openStatelessSession()) {
            return ss.createSelectionQuery("from TrackEntity t where t.id >= :a and t.id < :b order by t.id",
                    TrackEntity.class).setParameter("a", from).setParameter("b", from + n).getResultList();
        }
    }

    @Override
    public List<TrackEntity> byIds(List<Long> ids) {
        try (StatelessSession ss = sf.openStatelessSession()) {
            return ss.createSelectionQuery("from TrackEntity t where t.id in :ids order by t.id", TrackEntity.class)
                    .setParameterList("ids", ids).getResultList();
        }
    }

    @Override
    public List<TrackEntity> longest(int minMs, int limit) {
        try (StatelessSession ss = sf.openStatelessSession()) {
            return ss.createSelectionQuery("from TrackEntity t where t.milliseconds >= :m"
                    + " order by t.milliseconds desc, t.id", TrackEntity.class).setParameter("m", minMs)
                    .setMaxResults(limit).getResultList();
        }
    }

    @Override
    public long countLonger(int minMs) {
        try (StatelessSession ss = sf.openStatelessSession()) {
            return ss.createSelectionQuery("select count(*) from TrackEntity t where t.milliseconds >= :m", Long.class)
                    .setParameter("m", minMs).getSingleResult();
        }
    }

    @Override
    public List<AlbumStats> statsPerAlbum(long maxAlbum) {
        try (StatelessSession ss = sf.openStatelessSession()) {
            List<Object[]> rows = ss.createSelectionQuery("select t.albumId, count(*), sum(t.milliseconds)"
                    + " from TrackEntity t where t.albumId <= :m group by t.albumId order by t.albumId", Object[].class)
                    .setParameter("m", maxAlbum).getResultList();
            List<AlbumStats> out = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                out.add(new AlbumStats(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue()));
            }
            return out;
        }
    }

    @Override
    public List<TrackEntity> rangeWithAlbum(long from, int n) {
        try (StatelessSession ss = sf.openStatelessSession()) {
            return ss.createSelectionQuery("from TrackEntity t left join fetch t.album where t.id >= :a and t.id < :b"
                    + " order by t.id", TrackEntity.class).setParameter("a", from).setParameter("b", from + n)
                    .getResultList();
        }
    }

    @Override
    public List<AlbumEntity> albumsWithTracks(long from, int n) {
        try (Session s = sf.openSession()) {
            s.setDefaultReadOnly(true);
            List<AlbumEntity> albums = s.createSelectionQuery("from AlbumEntity a where a.id >= :a and a.id < :b"
                    + " order by a.id", AlbumEntity.class).setParameter("a", from).setParameter("b", from + n)
                    .getResultList();
            if (!albums.isEmpty()) {
                Hibernate.initialize(albums.get(0).getTracks());
            }
            return albums;
        }
    }

    @Override
    public long insertOne(Note note) {
        NoteBase e = entity(note);
        sf.inStatelessTransaction(ss -> ss.insert(e));
        return e.getId();
    }

    @Override
    public int bulkInsert(List<Note> notes) {
        sf.inTransaction(s -> {
            int i = 0;
            for (Note n : notes) {
                s.persist(entity(n));
                if (++i % BATCH == 0) {
                    s.flush();
                    s.clear();
                }
            }
        });
        return notes.size();
    }

    @Override
    public int updateOne(long id, int hits) {
        return sf.fromStatelessTransaction(ss -> ss.createMutationQuery("update CounterEntity c set c.hits = :h"
                + " where c.id = :id").setParameter("h", hits).setParameter("id", id).executeUpdate());
    }

    @Override
    public int updateBucket(int bucket, int hits) {
        return sf.fromStatelessTransaction(ss -> ss.createMutationQuery("update CounterEntity c set c.hits = :h"
                + " where c.bucket = :b").setParameter("h", hits).setParameter("b", bucket).executeUpdate());
    }

    @Override
    public int insertThenDelete(Note note) {
        long id = insertOne(note);
        return sf.fromStatelessTransaction(ss -> ss.createMutationQuery(deleteNote)
                .setParameter("id", id).executeUpdate());
    }

    @Override
    public List<TrackEntity> concurrentById(long[] ids) {
        return ConcurrentReads.run(ids, clientThreads, this::byId);
    }

    @Override
    public void close() {
        clientThreads.shutdownNow();
        sf.close();
        ds.close();
    }
}
