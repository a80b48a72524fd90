package io.oxyde.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.exception.MappingException;
import io.oxyde.codec.Value;
import io.oxyde.internal.mapping.AllTypes.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Readers are prepared once per result shape, shared safely, and the cache stays bounded. */
class RowReaderCacheTest {

    /** A model used only here, so the cache counts of this test are not disturbed by others. */
    record Pet(Long id, String name, int legs) {
    }

    @Test
    void sameShapeGivesTheSameReaderAndOtherShapesDoNot() {
        ModelMapper<Owner> mapper = ModelMapper.of(Owner.class);
        List<String> columns = new ArrayList<>(List.of("id", "name"));
        RowReader<Owner> first = mapper.reader(columns);
        columns.set(1, "changed"); // the cache must not keep the caller's mutable list
        assertThat(mapper.reader(List.of("id", "name"))).isSameAs(first);
        assertThat(mapper.reader(List.of("name", "id"))).isNotSameAs(first);
        assertThat(mapper.partialReader(List.of("id", "name"))).isNotSameAs(first);
        assertThat(mapper.reader(List.of("o__id", "o__name"), "o__", false)).isNotSameAs(first);
        assertThat(mapper.reader(List.of("name", "id")).read(List.of(Value.of("Ann"), Value.of(3L))))
                .isEqualTo(new Owner(3L, "Ann"));
        assertThat(first.read(List.of(Value.of(4L), Value.of("Bo")))).isEqualTo(new Owner(4L, "Bo"));
    }

    @Test
    void aShapeWithMissingColumnsStillFailsEveryTime() {
        ModelMapper<Owner> mapper = ModelMapper.of(Owner.class);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> mapper.reader(List.of("id")))
                    .isInstanceOf(MappingException.class).hasMessageContaining("missing [name]");
        }
    }

    @Test
    void theCacheIsBoundedAndReadersBeyondItStillWork() {
        ModelMapper<Pet> mapper = ModelMapper.of(Pet.class);
        int shapes = ModelMapper.MAX_CACHED_READERS + 50;
        for (int i = 0; i < shapes; i++) {
            List<String> columns = List.of("id", "name", "legs", "extra" + i);
            Pet pet = mapper.reader(columns).read(List.of(Value.of((long) i), Value.of("p" + i), Value.of(4), Value.of(0)));
            assertThat(pet).isEqualTo(new Pet((long) i, "p" + i, 4));
        }
        assertThat(mapper.cachedReaders()).isEqualTo(ModelMapper.MAX_CACHED_READERS);
        List<String> uncached = List.of("id", "name", "legs", "extra" + (shapes - 1));
        assertThat(mapper.reader(uncached)).isNotSameAs(mapper.reader(uncached));
    }

    @Test
    void oneSharedReaderReadsCorrectlyFromManyThreads() throws Exception {
        ModelMapper<Owner> mapper = ModelMapper.of(Owner.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long base = t * 10_000L;
                results.add(pool.submit(() -> {
                    for (long i = base; i < base + 2_000; i++) {
                        Owner o = mapper.reader(List.of("name", "id")).read(List.of(Value.of("n" + i), Value.of(i)));
                        if (!o.equals(new Owner(i, "n" + i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
