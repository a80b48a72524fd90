package io.oxyde.query.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A bounded least-recently-used map guarded by one lock, with hit and miss counters. The value
 * is computed outside the lock, so a slow render never blocks other lookups; two threads
 * missing on the same key at once may both compute it (the second result wins, both count as
 * misses), which is harmless because plans are pure.
 */
public final class LruCache<K, V> {
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final LinkedHashMap<K, V> map;

    public LruCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > LruCache.this.capacity;
            }
        };
    }

    /** The cached value for {@code key}, computing and storing it on a miss. */
    public V get(K key, Function<K, V> compute) {
        lock.lock();
        try {
            V v = map.get(key);
            if (v != null) {
                hits.incrementAndGet();
                return v;
            }
        } finally {
            lock.unlock();
        }
        misses.incrementAndGet();
        V computed = compute.apply(key);
        lock.lock();
        try {
            map.put(key, computed);
        } finally {
            lock.unlock();
        }
        return computed;
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        lock.lock();
        try {
            return map.size();
        } finally {
            lock.unlock();
        }
    }
}
