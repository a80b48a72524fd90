package io.oxyde.exception;

import io.oxyde.exception.OxydeException;

import java.util.List;

/**
 * A model (or a set of update values) broke its Bean Validation constraints. Raised before a
 * write reaches the database, listing every violation rather than the first one so a form can
 * show all of its errors at once.
 */
public class ValidationException extends OxydeException {
    private static final long serialVersionUID = 1L;

    private final Class<?> modelClass;
    private final transient List<FieldViolation> violations;

    public ValidationException(Class<?> modelClass, List<FieldViolation> violations) {
        super(message(modelClass, violations));
        this.modelClass = modelClass;
        this.violations = List.copyOf(violations);
    }

    /** The model whose values were rejected. */
    public Class<?> modelClass() {
        return modelClass;
    }

    /** Every violation, sorted by path. */
    public List<FieldViolation> violations() {
        return violations;
    }

    private static String message(Class<?> modelClass, List<FieldViolation> violations) {
        StringBuilder sb = new StringBuilder(modelClass.getSimpleName()).append(" is invalid (")
                .append(violations.size()).append(violations.size() == 1 ? " violation)" : " violations)");
        for (FieldViolation v : violations) {
            sb.append("\n  ").append(v);
        }
        return sb.toString();
    }
}
