package io.oxyde.examples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The tour's checks: each compares a query result with a known Chinook fact and throws a
 * {@link TourFailure} naming the check when they differ. Numbers compare by value across types
 * (a {@code Long} count equals an {@code Integer} fact; a money sum that SQLite computed as a
 * {@code double} is rounded to cents first), because the databases legitimately return different
 * Java number types for the same aggregate.
 */
public final class Expect {
    private int passed;

    /** Checks that {@code actual} equals {@code expected}; numbers compare by value. */
    public void equal(String what, Object expected, Object actual) {
        if (!same(expected, actual)) {
            throw new TourFailure("check failed: " + what + ": expected " + expected + " but got " + actual);
        }
        passed++;
    }

    /** Checks a money amount: {@code actual} (any number) rounded to cents equals {@code expected}. */
    public void money(String what, String expected, Object actual) {
        equal(what, new BigDecimal(expected), cents(actual));
    }

    /** Checks that a condition holds. */
    public void that(String what, boolean condition) {
        if (!condition) {
            throw new TourFailure("check failed: " + what);
        }
        passed++;
    }

    /** How many checks have passed so far. */
    public int passed() {
        return passed;
    }

    /** A number rounded to cents, for display and comparison of money amounts. */
    public static BigDecimal cents(Object number) {
        if (number == null) {
            return null;
        }
        return new BigDecimal(number.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    private static boolean same(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a) {
            return new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) == 0;
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            if (e.size() != a.size()) {
                return false;
            }
            for (int i = 0; i < e.size(); i++) {
                if (!same(e.get(i), a.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(expected, actual);
    }
}
