package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.FilterNode;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import io.oxyde.exception.OxydeException;
import io.oxyde.exception.ProtocolException;

/**
 * The byte boundary is safe against any input: random bytes and corrupted valid messages never
 * throw on the caller's thread and always end in a result or an {@link OxydeException}.
 */
class AnyBytesTest {

    @Test
    void randomAndCorruptedMessagesFailCleanly() throws Exception {
        try (PoolRegistry registry = new PoolRegistry()) {
            OxydeDriver driver = new OxydeDriver(registry);
            registry.init("m", "sqlite::memory:", PoolSettings.builder().maxQueuedTasks(100_000).build());
            DriverFixture.await(driver.execute("m", DriverFixture.raw("CREATE TABLE t (id INTEGER, name TEXT)")));
            byte[] valid = IrCodec.encode(SelectIr.from("t").columns("id", "name")
                    .filter(FilterNode.condition("name", Lookup.EQ, Value.of("x"))).build());
            Random random = new Random(42);
            List<CompletableFuture<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                byte[] input;
                if (i % 2 == 0) {
                    input = new byte[random.nextInt(64)];
                    random.nextBytes(input);
                } else {
                    input = valid.clone();
                    for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                        input[random.nextInt(input.length)] = (byte) random.nextInt(256);
                    }
                }
                futures.add(driver.execute("m", input));
            }
            int protocolErrors = 0;
            for (CompletableFuture<byte[]> f : futures) {
                try {
                    assertThat(IrCodec.decodeResult(f.get())).isNotNull();
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(OxydeException.class);
                    if (e.getCause() instanceof ProtocolException) {
                        protocolErrors++;
                    }
                }
            }
            // all random inputs are invalid messages
            assertThat(protocolErrors).isGreaterThanOrEqualTo(1000);
        }
    }
}
