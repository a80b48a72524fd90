package io.oxyde.exception;

/**
 * One failed Bean Validation constraint, as reported by {@link ValidationException}.
 *
 * @param path the property path, e.g. {@code title} (nested paths are dotted)
 * @param message the interpolated constraint message, e.g. {@code must not be blank}
 * @param invalidValue the rejected value (may be {@code null})
 * @param constraint the simple name of the constraint annotation, e.g. {@code NotBlank}
 */
public record FieldViolation(String path, String message, Object invalidValue, String constraint) {

    @Override
    public String toString() {
        return path + ": " + message + " (was " + render(invalidValue) + ")";
    }

    private static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence) {
            return "\"" + value + "\"";
        }
        return String.valueOf(value);
    }
}
