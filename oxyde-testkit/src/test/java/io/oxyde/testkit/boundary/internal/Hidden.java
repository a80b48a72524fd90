package io.oxyde.testkit.boundary.internal;

/** An implementation type that a public signature must not mention (test fixture). */
public final class Hidden {
}
