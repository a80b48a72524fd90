package io.oxyde.annotation;

/**
 * Whether a column accepts NULL, for {@link Column#nullable()}. The default infers it from the
 * Java side so that the schema and the validation rules cannot drift apart.
 */
public enum Nullability {
    /**
     * Primitives, primary keys and fields carrying {@code @NotNull}, {@code @NotBlank} or
     * {@code @NotEmpty} are NOT NULL; every other field is nullable.
     */
    INFERRED,
    /** Always nullable. */
    NULLABLE,
    /** Always NOT NULL. */
    NOT_NULL
}
