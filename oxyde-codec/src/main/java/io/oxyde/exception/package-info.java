/**
 * Every error Oxyde reports, under one root, {@link io.oxyde.exception.OxydeException}, so a caller
 * can catch one type and tell the cases apart by subclass, never by message text. It lives in the
 * bottom module (oxyde-codec) so that every layer throws the same types: the codec's
 * {@link io.oxyde.exception.ProtocolException}, the renderer's {@link io.oxyde.exception.RenderException},
 * the driver's {@link io.oxyde.exception.DatabaseException} family, the API's
 * {@link io.oxyde.exception.FieldException} and {@link io.oxyde.exception.NotFoundException}, and
 * migrations' {@link io.oxyde.exception.MigrationException}. The tree is drawn in {@code docs/errors.md}.
 * Bad builder arguments that are plain Java mistakes (a negative limit, a null where a value is
 * required) are {@link java.lang.IllegalArgumentException} or {@link java.lang.NullPointerException},
 * thrown by the builder method itself.
 */
package io.oxyde.exception;
