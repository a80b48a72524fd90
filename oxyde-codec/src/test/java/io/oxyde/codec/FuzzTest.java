package io.oxyde.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import io.oxyde.exception.ProtocolException;

/**
 * Feeds random and mutated messages to every decoding entry point: each either returns or
 * throws {@link ProtocolException}; nothing else escapes, nothing hangs, and a tiny input
 * claiming a huge length allocates next to nothing.
 */
class FuzzTest {

    private static final long SEED = 0x0C0DECL;
    private static final int INPUTS = 105_000;
    private static final long PER_INPUT_LIMIT_NANOS = Duration.ofSeconds(1).toNanos();
    private static final byte[] INTERESTING = {
        (byte) 0xc1, (byte) 0xc4, (byte) 0xc5, (byte) 0xc6, (byte) 0xc7, (byte) 0xc8, (byte) 0xc9,
        (byte) 0xd4, (byte) 0xd5, (byte) 0xd6, (byte) 0xd7, (byte) 0xd8, (byte) 0xd9, (byte) 0xda,
        (byte) 0xdb, (byte) 0xdc, (byte) 0xdd, (byte) 0xde, (byte) 0xdf, (byte) 0xcf, (byte) 0xd3,
        (byte) 0xcb, (byte) 0xca, 0x00, (byte) 0xff, 0x7f, (byte) 0x80, (byte) 0x8f, (byte) 0x90,
        (byte) 0x9f, (byte) 0xa0, (byte) 0xbf, (byte) 0xc0, (byte) 0xc2, (byte) 0xc3, 0x10, 0x01};

    private volatile byte[] current = new byte[0];

    private static List<byte[]> queryCorpus() {
        List<byte[]> corpus = new ArrayList<>();
        for (QueryIr ir : Examples.all()) {
            corpus.add(IrCodec.encode(ir));
        }
        corpus.add(IrCodec.encode(Examples.insert(20)));
        return corpus;
    }

    private static List<byte[]> resultCorpus() {
        return List.of(
                IrCodec.encodeResult(new RowSet(List.of("id", "name", "price"), List.of(
                        List.of(Value.of(1), Value.of("a"), new Value.Decimal(new java.math.BigDecimal("1.50"))),
                        List.of(Value.of(2), Value.nullValue(), Value.of((Object) java.time.LocalDate.of(2024, 1, 1)))))),
                IrCodec.encodeResult(new MutationResult(2, List.of(Value.of(5), Value.of((Object) java.util.UUID.randomUUID())),
                        new RowSet(List.of("t"), List.of(List.of(Value.array(Value.of(1), Value.of("x"))))))));
    }

    @Test
    void onlyProtocolExceptionsEscape() {
        List<byte[]> queries = queryCorpus();
        List<byte[]> results = resultCorpus();
        List<byte[]> all = new ArrayList<>(queries);
        all.addAll(results);
        Random random = new Random(SEED);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < INPUTS; i++) {
                byte[] input;
                int strategy = random.nextInt(10);
                if (strategy == 9) {
                    input = mutateShape(queries.get(random.nextInt(queries.size())), random);
                } else {
                    input = mutate(all.get(random.nextInt(all.size())), all, random, strategy);
                }
                current = input;
                long start = System.nanoTime();
                feed(input, outcomes);
                long elapsed = System.nanoTime() - start;
                if (elapsed > PER_INPUT_LIMIT_NANOS) {
                    throw new AssertionError("input " + i + " took " + elapsed / 1_000_000 + " ms: " + hex(input));
                }
            }
        }, () -> "timed out on input " + hex(current));
        // Both outcomes happen: the mutations are neither all fatal nor all harmless.
        assertThat(outcomes[0]).as("accepted").isGreaterThan(100);
        assertThat(outcomes[1]).as("rejected").isGreaterThan(INPUTS / 2);
    }

    private static void feed(byte[] input, int[] outcomes) {
        boolean accepted = false;
        try {
            IrCodec.decode(input);
            accepted = true;
        } catch (ProtocolException expected) {
            assertThat(expected.getMessage()).contains(": ");
        } catch (Throwable t) {
            throw new AssertionError("decode threw " + t + " for " + hex(input), t);
        }
        try {
            WireQuery wire = IrCodec.read(input);
            wire.shape().hashCode();
            wire.template();
            wire.ir();
        } catch (ProtocolException expected) {
            // fine
        } catch (Throwable t) {
            throw new AssertionError("read threw " + t + " for " + hex(input), t);
        }
        try {
            IrCodec.decodeResult(input);
            accepted = true;
        } catch (ProtocolException expected) {
            // fine
        } catch (Throwable t) {
            throw new AssertionError("decodeResult threw " + t + " for " + hex(input), t);
        }
        outcomes[accepted ? 0 : 1]++;
    }

    private static byte[] mutate(byte[] base, List<byte[]> corpus, Random random, int strategy) {
        byte[] b = base.clone();
        switch (strategy) {
            case 0: { // random bytes
                byte[] r = new byte[random.nextInt(64)];
                random.nextBytes(r);
                return r;
            }
            case 1: { // bit flips
                int flips = 1 + random.nextInt(4);
                for (int k = 0; k < flips && b.length > 0; k++) {
                    int at = random.nextInt(b.length);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            }
            case 2: { // interesting bytes
                int n = 1 + random.nextInt(3);
                for (int k = 0; k < n && b.length > 0; k++) {
                    b[random.nextInt(b.length)] = INTERESTING[random.nextInt(INTERESTING.length)];
                }
                return b;
            }
            case 3: // truncation
                return Arrays.copyOf(b, random.nextInt(b.length + 1));
            case 4: { // splice two inputs
                byte[] other = corpus.get(random.nextInt(corpus.size()));
                int cut = random.nextInt(b.length + 1);
                int from = random.nextInt(other.length + 1);
                byte[] out = Arrays.copyOf(b, cut + other.length - from);
                System.arraycopy(other, from, out, cut, other.length - from);
                return out;
            }
            case 5: { // huge length prefix at a random position
                byte[] prefix = {INTERESTING[12 + random.nextInt(7)], (byte) (random.nextBoolean() ? 0x7f : 0xff),
                        (byte) 0xff, (byte) 0xff, (byte) 0xff};
                int at = random.nextInt(b.length + 1);
                byte[] out = new byte[b.length + prefix.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(prefix, 0, out, at, prefix.length);
                System.arraycopy(b, at, out, at + prefix.length, b.length - at);
                return out;
            }
            case 6: { // overwrite with a huge length
                if (b.length > 5) {
                    int at = random.nextInt(b.length - 5);
                    b[at] = INTERESTING[12 + random.nextInt(7)];
                    b[at + 1] = (byte) 0x7f;
                    b[at + 2] = (byte) 0xff;
                }
                return b;
            }
            case 7: { // duplicate a chunk
                int from = random.nextInt(b.length);
                int len = random.nextInt(Math.min(16, b.length - from) + 1);
                byte[] out = Arrays.copyOf(b, b.length + len);
                System.arraycopy(b, from, out, from + len, b.length - from);
                return out;
            }
            default: { // delete a chunk
                int from = random.nextInt(b.length);
                int len = random.nextInt(Math.min(16, b.length - from) + 1);
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, from);
                System.arraycopy(b, from + len, out, from, b.length - from - len);
                return out;
            }
        }
    }

    /** Mutates only the shape of a valid message and rebuilds a well-formed envelope around it. */
    private static byte[] mutateShape(byte[] message, Random random) {
        WireQuery wire = IrCodec.read(message);
        byte[] shape = wire.shape().toByteArray();
        int header = shape.length < 256 ? 2 : shape.length < 65_536 ? 3 : 5;
        int valuesStart = 2 + header + shape.length;
        byte[] values = Arrays.copyOfRange(message, valuesStart, message.length);
        byte[] mutated = mutate(shape, List.of(shape), random, 1 + random.nextInt(8));
        return Wire.pack(Wire.list(1, mutated, new Wire.Raw(values)));
    }

    @Test
    void hugeDeclaredLengthsAllocateNothingBig() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[][] inputs = {
            {(byte) 0xdd, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
            {(byte) 0x93, 0x01, (byte) 0xc6, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
            {(byte) 0x93, 0x01, (byte) 0xc4, 0x00, (byte) 0xdd, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
            {(byte) 0x93, 0x01, (byte) 0xc4, 0x00, (byte) 0x91, (byte) 0xdb, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
            {(byte) 0x93, 0x01, (byte) 0xc4, 0x00, (byte) 0x91, (byte) 0xc9, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01},
            {(byte) 0x94, 0x01, (byte) 0xa4, 'r', 'o', 'w', 's', (byte) 0xdd, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
            {(byte) 0x93, 0x01, (byte) 0xc4, 0x05, (byte) 0xdf, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x90},
        };
        for (byte[] input : inputs) {
            // Warm up once so class loading is not counted.
            decodeAny(input);
            long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            decodeAny(input);
            long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertThat(allocated).as("bytes allocated for %s", hex(input)).isLessThan(256 * 1024);
        }
    }

    private static void decodeAny(byte[] input) {
        try {
            IrCodec.decode(input);
        } catch (ProtocolException expected) {
            // fine
        }
        try {
            IrCodec.read(input).template();
        } catch (ProtocolException expected) {
            // fine
        }
        try {
            IrCodec.decodeResult(input);
        } catch (ProtocolException expected) {
            // fine
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b, 0, Math.min(b.length, 512));
    }
}
