package io.oxyde.expression;

import io.oxyde.codec.ScalarFunction;
import java.util.List;
import java.util.Objects;

/**
 * A scalar SQL function over fields and values, built by {@link Lower}, {@link Upper},
 * {@link Length}, {@link Trim}, {@link Substr}, {@link Concat}, {@link Coalesce}, {@link Round},
 * {@link Abs}, {@link Cast}, {@link Extract} and {@link Now}. An argument that is a
 * {@code String} names a field (a path, which may cross foreign keys); an {@link Expression}
 * nests; {@link Literal#of} or any other object (a number) is a bound value. Use it in
 * {@code annotate} (then filter, order and read by the alias) and as an {@code update} value.
 *
 * @param function the SQL function
 * @param args the arguments, as given
 */
public record FunctionCall(ScalarFunction function, List<Object> args) implements Expression {

    public FunctionCall {
        Objects.requireNonNull(function, "function");
        for (Object a : args) {
            Objects.requireNonNull(a, () -> function.wireName() + ": a null argument (use Literal.of(null) for NULL)");
        }
        args = List.copyOf(args);
        if (args.size() < function.minArgs() || args.size() > function.maxArgs()) {
            throw new IllegalArgumentException(function.wireName() + " takes " + function.minArgs()
                    + (function.maxArgs() == function.minArgs() ? "" : " to " + function.maxArgs()) + " arguments, got "
                    + args.size());
        }
    }

    static FunctionCall of(ScalarFunction function, Object... args) {
        return new FunctionCall(function, List.of(args));
    }

    @Override
    public String toString() {
        return function.wireName() + args;
    }
}
