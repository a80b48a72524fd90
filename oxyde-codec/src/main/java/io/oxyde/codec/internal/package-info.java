/**
 * The machinery behind {@link io.oxyde.codec.IrCodec}: the wire constants and limits, a
 * bounded MessagePack reader that tracks the path of what it reads, the shape and value
 * writers and readers, and the IR validator shared by encoding and decoding. Not API: these
 * classes may change without notice.
 */
package io.oxyde.codec.internal;
