package io.oxyde.validation;

import io.oxyde.internal.model.ModelMetas;
import io.oxyde.internal.validation.Validators;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.oxyde.exception.FieldViolation;
import io.oxyde.exception.ModelDefinitionException;
import io.oxyde.exception.ValidationException;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;

/**
 * Bean Validation of models, run before every write. Constraints are the standard
 * {@code jakarta.validation} annotations on the model's fields (or record components), checked
 * by Hibernate Validator; a failure lists every violation at once in a
 * {@link ValidationException}.
 */
public final class ModelValidation {

    private ModelValidation() {
    }

    /**
     * Validates a whole model.
     *
     * @throws ValidationException listing every violation, sorted by path
     */
    public static void validate(Object model) {
        if (model == null) {
            throw new IllegalArgumentException("cannot validate a null model");
        }
        Set<ConstraintViolation<Object>> violations = Validators.validator().validate(model);
        if (!violations.isEmpty()) {
            throw new ValidationException(model.getClass(), convert(violations));
        }
    }

    /**
     * Validates the values an update would write, field by field, against the constraints
     * declared on those fields of {@code modelClass}. Values that are not instances of the field's
     * type (for example a column expression computed by the database) are left to the database.
     *
     * @param values Java field name to new value
     * @throws ModelDefinitionException when a name is not a column field of the model
     * @throws ValidationException listing every violation, sorted by path
     */
    public static void validateValues(Class<?> modelClass, Map<String, ?> values) {
        ModelMeta<?> meta = ModelMetas.of(modelClass);
        Validator validator = Validators.validator();
        List<ConstraintViolation<?>> all = new ArrayList<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            FieldMeta field = meta.field(e.getKey()).orElseThrow(() -> new ModelDefinitionException(
                    modelClass.getSimpleName() + " has no column field \"" + e.getKey() + "\" (fields: "
                            + meta.fields().stream().map(FieldMeta::name).toList() + ")"));
            Object value = e.getValue();
            if (value != null && !box(field.javaType()).isInstance(value)) {
                continue;
            }
            all.addAll(validateValue(validator, modelClass, field.name(), value));
        }
        if (!all.isEmpty()) {
            throw new ValidationException(modelClass, convert(all));
        }
    }

    private static <T> Set<ConstraintViolation<T>> validateValue(Validator validator, Class<T> type, String property,
            Object value) {
        return validator.validateValue(type, property, value);
    }

    private static List<FieldViolation> convert(Iterable<? extends ConstraintViolation<?>> violations) {
        List<FieldViolation> out = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            out.add(new FieldViolation(v.getPropertyPath().toString(), v.getMessage(), v.getInvalidValue(),
                    v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()));
        }
        out.sort(Comparator.comparing(FieldViolation::path).thenComparing(FieldViolation::constraint));
        return out;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
