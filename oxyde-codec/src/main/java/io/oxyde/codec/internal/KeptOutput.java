package io.oxyde.codec.internal;

import io.oxyde.exception.ProtocolException;
import java.util.Arrays;
import org.msgpack.core.buffer.MessageBuffer;
import org.msgpack.core.buffer.MessageBufferOutput;

/**
 * A msgpack-core output that collects what a packer writes into one growable array, kept with
 * its packer by a thread and cleared before each message. msgpack-core's own
 * {@code ArrayBufferOutput} hands out a new buffer, and a slice of it per flush, for every
 * message; this one hands out the same scratch buffer each time and copies each flushed part
 * into {@link #bytes()}, so writing a small message allocates nothing.
 */
final class KeptOutput implements MessageBufferOutput {

    private static final int MAX_SIZE = Integer.MAX_VALUE - 16;

    private byte[] scratch;
    private MessageBuffer window;
    private byte[] bytes;
    private int size;

    KeptOutput(int bufferSize) {
        scratch = new byte[bufferSize];
        window = MessageBuffer.wrap(scratch);
        bytes = new byte[bufferSize];
    }

    /** Forgets what was written. */
    void clear() {
        size = 0;
    }

    /** The bytes written since {@link #clear}: the first {@link #size} of this array. */
    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    /** How much this output holds on to, whatever it holds now. */
    int capacity() {
        return bytes.length + scratch.length;
    }

    @Override
    public MessageBuffer next(int minimumSize) {
        if (minimumSize > scratch.length) {
            scratch = new byte[Math.max(minimumSize, scratch.length * 2)];
            window = MessageBuffer.wrap(scratch);
        }
        return window;
    }

    @Override
    public void writeBuffer(int length) {
        append(scratch, 0, length);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        append(buffer, offset, length);
    }

    @Override
    public void add(byte[] buffer, int offset, int length) {
        append(buffer, offset, length); // copied: the caller may reuse its array
    }

    private void append(byte[] from, int offset, int length) {
        if (length > bytes.length - size) {
            long needed = (long) size + length;
            if (needed > MAX_SIZE) {
                throw new ProtocolException("message", "message larger than 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(Math.max(needed, 2L * bytes.length), MAX_SIZE));
        }
        System.arraycopy(from, offset, bytes, size, length);
        size += length;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
