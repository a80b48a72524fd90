package io.oxyde.query;

import io.oxyde.codec.IrTemplate;
import io.oxyde.codec.QueryIr;
import io.oxyde.query.internal.ClockCache;
import java.util.Objects;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.RenderException;
import io.oxyde.exception.UnsupportedFeatureException;

/**
 * Renders IR to SQL, through jOOQ only once per query shape and dialect.
 *
 * <p>{@link #render} splits the IR into template and values ({@link IrTemplate}), finds the
 * template's {@link RenderPlan} in a bounded LRU cache (rendering it on a miss) and binds the
 * values. Queries that differ only in their values therefore share one jOOQ render. Thread-safe;
 * one instance is meant to be shared by a whole application.
 */
public final class SqlRenderer {
    /** The default number of cached plans. */
    public static final int DEFAULT_CAPACITY = 1024;

    /**
     * Templates with more parameter slots than this are rendered every time and never cached.
     * A bulk insert's shape includes its row count, so every distinct size is a new shape, and
     * the plan of an 8,000-row insert holds about 4 MB: a cache bounded by entries would pin
     * gigabytes. Rendering such a statement again costs little next to binding and sending its
     * values. (An API batch of 500 rows of 8 columns, 4,000 slots, is still cached.)
     */
    public static final int MAX_CACHED_SLOTS = 4_096;

    private final ClockCache<Key, RenderPlan> cache;

    /** A template and dialect, hashed once: the hash walks the whole template tree. */
    private static final class Key {
        final QueryIr template;
        final Dialect dialect;
        private final int hash;

        Key(QueryIr template, Dialect dialect) {
            this.template = template;
            this.dialect = dialect;
            this.hash = 31 * template.hashCode() + dialect.hashCode();
        }

        QueryIr template() {
            return template;
        }

        Dialect dialect() {
            return dialect;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Key k && k.hash == hash && k.dialect == dialect
                    && k.template.equals(template);
        }
    }

    public SqlRenderer() {
        this(DEFAULT_CAPACITY);
    }

    /** @param cacheCapacity the most plans kept; beyond it, plans not used recently are evicted (CLOCK, an approximation of least-recently-used) */
    public SqlRenderer(int cacheCapacity) {
        this.cache = new ClockCache<>(cacheCapacity);
    }

    /**
     * The SQL and binds for {@code ir} on {@code dialect}.
     *
     * @throws UnsupportedFeatureException if the dialect lacks a feature the query needs
     * @throws RenderException if the IR is inconsistent (unknown alias, wrong value kind…)
     */
    public RenderedQuery render(QueryIr ir, Dialect dialect) {
        IrTemplate.Parameterized p = IrTemplate.parameterize(Objects.requireNonNull(ir, "ir"));
        if (p.values().size() > MAX_CACHED_SLOTS) {
            Objects.requireNonNull(dialect, "dialect");
            return new RenderPlan(p.template(), dialect, paramCount(p.template())).bind(p.values());
        }
        return cached(p.template(), Objects.requireNonNull(dialect, "dialect")).bind(p.values());
    }

    /**
     * The cached plan for a template ({@code IrTemplate.parameterize(ir).template()}); renders it
     * on a miss. An IR with literal values is accepted too (they become constants of the plan),
     * but then every distinct value is a separate cache entry. Templates with more than
     * {@link #MAX_CACHED_SLOTS} slots are not cached.
     */
    public RenderPlan plan(QueryIr template, Dialect dialect) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(dialect, "dialect");
        int slots = paramCount(template);
        if (slots > MAX_CACHED_SLOTS) {
            return new RenderPlan(template, dialect, slots);
        }
        return cached(template, dialect);
    }

    /**
     * The plan cached for a template, or {@code null} without rendering: lets a caller that
     * validates templates before rendering them skip validation for shapes it has seen.
     */
    public RenderPlan cachedPlan(QueryIr template, Dialect dialect) {
        return cache.getIfPresent(new Key(Objects.requireNonNull(template, "template"),
                Objects.requireNonNull(dialect, "dialect")));
    }

    /**
     * A fresh plan for a template, not kept in this renderer's cache: for a receiver that keeps
     * plans in a cache of its own (the driver's, keyed by shape bytes and bounded by memory),
     * so the same plan is not pinned twice.
     */
    public RenderPlan uncachedPlan(QueryIr template, Dialect dialect) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(dialect, "dialect");
        return new RenderPlan(template, dialect, paramCount(template));
    }

    private RenderPlan cached(QueryIr template, Dialect dialect) {
        return cache.get(new Key(template, dialect), k -> new RenderPlan(k.template(), k.dialect(),
                paramCount(k.template())));
    }

    private static int paramCount(QueryIr template) {
        int n = 0;
        for (io.oxyde.codec.Value v : IrTemplate.parameterize(template).values()) {
            if (v instanceof io.oxyde.codec.Value.Param) {
                n++;
            }
        }
        return n;
    }

    /** Hits, misses and size of the plan cache so far. */
    public CacheStats stats() {
        return new CacheStats(cache.hits(), cache.misses(), cache.size(), cache.capacity());
    }
}
