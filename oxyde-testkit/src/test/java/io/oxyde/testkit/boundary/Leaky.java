package io.oxyde.testkit.boundary;

import io.oxyde.testkit.boundary.internal.Hidden;
import java.util.List;
import java.util.function.Supplier;

/** A public type that leaks {@link Hidden} in several ways (test fixture for PublicApiBoundary). */
public class Leaky implements Supplier<List<Hidden>> {

    /** A public field of an internal type. */
    public Hidden field;

    /** Fine: package-private members are not API. */
    Hidden notApi() {
        return null;
    }

    /** A parameter of an internal type. */
    public void take(Hidden[] hidden) {
    }

    /** A protected method of a subclassable type is API. */
    protected <T extends Hidden> T bound() {
        return null;
    }

    @Override
    public List<Hidden> get() {
        return List.of();
    }
}
