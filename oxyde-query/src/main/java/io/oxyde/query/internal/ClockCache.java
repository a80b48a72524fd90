package io.oxyde.query.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A bounded map of computed values for concurrent readers, with hit and miss counters.
 *
 * <p>Why not a {@code LinkedHashMap} in access order behind one lock: every query of every
 * thread looks a plan up here, and an access-ordered map must be locked even to read (a hit
 * relinks the entry), so pool threads queued on that lock. Here a hit is a lock-free
 * {@link ConcurrentHashMap} read plus, at most, setting the entry's "used" flag. Eviction is
 * the CLOCK approximation of least-recently-used: when the map grows past its capacity, one
 * thread sweeps it, dropping entries not hit since they were added or since the previous
 * sweep and clearing the flag of the others, until the map is back under its capacity. Values are computed outside any
 * lock; two threads missing on the same key at once may both compute it (one result is kept,
 * both count as misses), which is harmless because the values (render plans) are pure.
 */
public final class ClockCache<K, V> {

    private final int capacity;
    private final ConcurrentHashMap<K, Entry<V>> map = new ConcurrentHashMap<>();
    private final ReentrantLock evicting = new ReentrantLock();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    private static final class Entry<V> {
        final V value;
        volatile boolean used;

        Entry(V value) {
            this.value = value;
        }
    }

    public ClockCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** The cached value for {@code key}, computing and storing it on a miss. */
    public V get(K key, Function<K, V> compute) {
        V cached = getIfPresent(key); // values are never null
        if (cached != null) {
            return cached;
        }
        misses.increment();
        V computed = compute.apply(key);
        Entry<V> fresh = new Entry<>(computed); // not "used" until hit again: one-off keys go first
        Entry<V> raced = map.putIfAbsent(key, fresh);
        if (raced == null && map.size() > capacity) {
            evict(key);
        }
        return raced == null ? computed : raced.value;
    }

    /**
     * The cached value for {@code key}, or {@code null}; a hit counts as one, an absence does
     * not count (the caller's {@link #get} that follows counts the miss).
     */
    public V getIfPresent(K key) {
        Entry<V> e = map.get(key);
        if (e == null) {
            return null;
        }
        if (!e.used) {
            e.used = true;
        }
        hits.increment();
        return e.value;
    }

    /**
     * Sweeps until the map is within its capacity again (one sweeper at a time), keeping
     * {@code added}. A thread that finds another sweeping leaves the work to it, and the sweeper
     * checks the size again after it lets go, so an entry added during its sweep cannot leave
     * the map over capacity once both are done.
     */
    private void evict(K added) {
        while (map.size() > capacity && evicting.tryLock()) {
            try {
                sweep(added);
            } finally {
                evicting.unlock();
            }
        }
    }

    private void sweep(K added) {
        while (map.size() > capacity) {
            for (Iterator<Map.Entry<K, Entry<V>>> it = map.entrySet().iterator();
                 it.hasNext() && map.size() > capacity; ) {
                Map.Entry<K, Entry<V>> next = it.next();
                Entry<V> e = next.getValue();
                if (next.getKey().equals(added)) {
                    continue; // the entry just computed stays: its caller is about to use it
                }
                if (e.used) {
                    e.used = false; // a second chance
                } else {
                    it.remove();
                }
            }
        }
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return map.size();
    }
}
