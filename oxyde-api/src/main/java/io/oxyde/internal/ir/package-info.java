/**
 * From the fluent builder to the IR and back: resolving Django-style field paths into joins and
 * typed IR conditions, sending the IR to the driver over the byte road ({@link IrMessages}),
 * copying immutable models and loading rows and relations. Named {@code ir} so it is not
 * confused with the renderer's {@code io.oxyde.query.internal}. Not API: it may change in any
 * release.
 */
package io.oxyde.internal.ir;
