package io.oxyde.metamodel;

import java.util.Objects;
import io.oxyde.Query;
import io.oxyde.Q;

/**
 * A filter condition on model {@code M}, from a typed attribute
 * ({@code Track_.NAME.startswith("A")}); combine with {@link #and}, {@link #or} and
 * {@link #not}. It wraps the {@link Q} the string API would build ({@link #q()}), and its
 * model parameter lets the compiler refuse a condition on another model in
 * {@code Query<M>.filter(...)}.
 *
 * @param <M> the model the condition applies to
 */
public final class Condition<M> {

    private final Q q;

    Condition(Q q) {
        this.q = Objects.requireNonNull(q, "q");
    }

    /** The equivalent string-API condition, to combine with {@code Q.of(...)} terms. */
    public Q q() {
        return q;
    }

    /** This and {@code other}. */
    public Condition<M> and(Condition<M> other) {
        return new Condition<>(q.and(other.q));
    }

    /** This or {@code other}. */
    public Condition<M> or(Condition<M> other) {
        return new Condition<>(q.or(other.q));
    }

    /** Not this. */
    public Condition<M> not() {
        return new Condition<>(q.not());
    }

    @Override
    public String toString() {
        return q.toString();
    }
}
