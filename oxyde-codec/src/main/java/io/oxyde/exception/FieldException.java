package io.oxyde.exception;

import io.oxyde.exception.OxydeException;
import java.util.List;

/**
 * A query names a field, a lookup or a value that does not fit the model: an unknown field,
 * a lookup the field's type does not support ({@code icontains} on a number, {@code year} on
 * a string), or a value of the wrong type. Thrown when the query is <em>built</em>
 * ({@code filter(...)}, {@code orderBy(...)}), never at execution, so mistakes surface at the
 * line that made them. The message names the model, the field and the valid choices.
 */
public class FieldException extends OxydeException {

    private static final long serialVersionUID = 1L;

    private final Class<?> model;
    private final String field;
    private final transient List<String> choices;

    public FieldException(Class<?> model, String field, String problem, List<String> choices) {
        super(model.getSimpleName() + "." + field + ": " + problem
                + (choices.isEmpty() ? "" : " (valid choices: " + String.join(", ", choices) + ")"));
        this.model = model;
        this.field = field;
        this.choices = List.copyOf(choices);
    }

    /** The model the field was looked up on. */
    public Class<?> model() {
        return model;
    }

    /** The field (or path part) that was wrong. */
    public String field() {
        return field;
    }

    /** What would have been accepted in its place (field names, lookups or types). */
    public List<String> choices() {
        return choices;
    }
}
