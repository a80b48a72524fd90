/**
 * Mapping whole models to IR value rows and back: {@link io.oxyde.internal.mapping.ModelMapper}
 * (one per class) and {@link io.oxyde.internal.mapping.RowReader} (one per result shape), built
 * from the handles and codecs resolved in {@code io.oxyde.internal.model}.
 */
package io.oxyde.internal.mapping;
