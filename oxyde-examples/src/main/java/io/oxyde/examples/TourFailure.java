package io.oxyde.examples;

/**
 * A showcase result that differs from the known Chinook fact it was checked against. It names the
 * check, the expected and the actual value, so a failing tour says exactly what went wrong.
 */
public final class TourFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failed check described by {@code message}. */
    public TourFailure(String message) {
        super(message);
    }
}
