package io.oxyde.query;

/**
 * A snapshot of the render-plan cache of a {@link SqlRenderer}: how often a query shape was
 * found already rendered. A low hit rate means queries differ in shape (e.g. IN lists of
 * changing length), which costs a jOOQ render each time.
 *
 * @param hits lookups answered from the cache
 * @param misses lookups that had to render through jOOQ
 * @param size plans currently held
 * @param capacity the most plans held; beyond it, plans not used recently are evicted
 */
public record CacheStats(long hits, long misses, int size, int capacity) {

    /** hits / (hits + misses), or 0 before the first lookup. */
    public double hitRate() {
        long total = hits + misses;
        return total == 0 ? 0.0 : (double) hits / total;
    }
}
