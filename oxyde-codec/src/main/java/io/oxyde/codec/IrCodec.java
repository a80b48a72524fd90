package io.oxyde.codec;

import io.oxyde.codec.internal.IrValidator;
import io.oxyde.codec.internal.QueryCodec;
import io.oxyde.codec.internal.ResultCodec;
import io.oxyde.codec.internal.ValueCodec;
import io.oxyde.codec.internal.WireFormat;
import java.util.List;
import java.util.Objects;
import io.oxyde.exception.ProtocolException;

/**
 * The wire protocol of the IR (version {@value #PROTOCOL_VERSION}, specified in
 * {@code docs/protocol.md}): a query travels as the MessagePack array
 * {@code [proto, shape, values]}, where {@code shape} is the query's template (every scalar
 * value replaced by a parameter slot, see {@link IrTemplate}) and {@code values} fills the
 * slots. Splitting them lets a receiver cache everything it derives from a shape under its
 * {@link ShapeKey} and decode only the values of each message ({@link #read(byte[])}).
 *
 * <p>Decoding checks every rule of the protocol and, for any input bytes, either returns or
 * throws {@link ProtocolException} naming the offending field; encoding checks the same
 * rules, so an invalid IR never leaves the process. All methods are thread-safe.
 */
public final class IrCodec {

    /** The protocol version written and the only one accepted. */
    public static final int PROTOCOL_VERSION = WireFormat.PROTOCOL_VERSION;

    /** The deepest nesting of filters, expressions and arrays a query may have (docs/protocol.md, limits). */
    public static final int MAX_DEPTH = WireFormat.MAX_DEPTH;

    private IrCodec() {
    }

    /**
     * Encodes a query.
     *
     * @throws ProtocolException if the query breaks a rule of the protocol
     */
    public static byte[] encode(QueryIr ir) {
        Objects.requireNonNull(ir, "ir");
        IrValidator.validate(ir, IrValidator.Mode.QUERY);
        return QueryCodec.encode(ir);
    }

    /**
     * Checks a query against the protocol's rules and limits (section 6 of
     * {@code docs/protocol.md}: nesting depth, sizes, identifiers, semantics) without encoding
     * it, so an in-process caller that skips the bytes gets the same limits and messages.
     *
     * @throws ProtocolException naming the first rule broken and where
     */
    public static void validate(QueryIr ir) {
        Objects.requireNonNull(ir, "ir");
        IrValidator.validate(ir, IrValidator.Mode.QUERY);
    }

    /**
     * Checks a template ({@link IrTemplate#parameterize}): every rule of {@link #validate} that
     * concerns the query's shape. A caller that caches per template checks a template once and
     * then only its values ({@link #validateValues}) on later calls.
     *
     * @throws ProtocolException naming the first rule broken and where
     */
    public static void validateTemplate(QueryIr template) {
        Objects.requireNonNull(template, "template");
        IrValidator.validate(template, IrValidator.Mode.TEMPLATE);
    }

    /**
     * Checks the values of a parameterized query: value sizes, the number of values, and that
     * none is a parameter slot. Together with {@link #validateTemplate} of its template, the
     * same rules as {@link #validate} of the query (errors name {@code values[i]}, not the
     * value's place in the query).
     *
     * @throws ProtocolException naming the first rule broken and where
     */
    public static void validateValues(List<Value> values) {
        Objects.requireNonNull(values, "values");
        IrValidator.validateValues(values);
    }

    /**
     * Decodes and validates a whole query message.
     *
     * @throws ProtocolException for anything but a valid message
     */
    public static QueryIr decode(byte[] bytes) {
        QueryCodec.Envelope e = QueryCodec.readEnvelope(bytes);
        return QueryCodec.readShape(e.input(), e.shapeOffset(), e.shapeLength(), e.values());
    }

    /**
     * Reads a message's envelope and values without decoding its shape: the fast path of a
     * receiver that caches per shape. The shape is validated when
     * {@link WireQuery#template()} first decodes it.
     *
     * @throws ProtocolException if the envelope or the values break the protocol
     */
    public static WireQuery read(byte[] bytes) {
        QueryCodec.Envelope e = QueryCodec.readEnvelope(bytes);
        return new WireQuery(new ShapeKey(e.input(), e.shapeOffset(), e.shapeLength()), e.values());
    }

    /**
     * The shape key {@code read(encode(ir)).shape()} would give, computed without writing the
     * values.
     *
     * @throws ProtocolException if the query breaks a rule of the protocol
     */
    public static ShapeKey shapeOf(QueryIr ir) {
        Objects.requireNonNull(ir, "ir");
        IrValidator.validate(ir, IrValidator.Mode.QUERY);
        return new ShapeKey(QueryCodec.shape(ir, null, new ValueCodec()));
    }

    /**
     * The message for a query whose shape was taken before with {@link #shapeOf} and whose
     * values are {@code values} (in slot order, as {@link IrTemplate#parameterize} gives them):
     * equal to {@code encode(ir)} for that query, without walking it again. A sender that keeps
     * the shape per query shape encodes only the values on each call.
     *
     * @throws ProtocolException if a value breaks the protocol's limits
     */
    public static byte[] message(ShapeKey shape, List<Value> values) {
        Objects.requireNonNull(shape, "shape");
        IrValidator.validateValues(values);
        return QueryCodec.message(shape.compact().bytes(), values);
    }

    /**
     * Encodes a result frame (rows, or a mutation's outcome) with the same value encoding.
     *
     * @throws ProtocolException if the frame holds a parameter slot or nests too deeply
     */
    public static byte[] encodeResult(ResultFrame frame) {
        return ResultCodec.encode(frame);
    }

    /**
     * Decodes and validates a result frame.
     *
     * @throws ProtocolException for anything but a valid frame
     */
    public static ResultFrame decodeResult(byte[] bytes) {
        return ResultCodec.decode(bytes);
    }
}
