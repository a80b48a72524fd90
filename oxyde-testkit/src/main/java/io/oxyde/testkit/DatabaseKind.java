package io.oxyde.testkit;

/** The databases every integration test runs against. */
public enum DatabaseKind {
    SQLITE("sqlite"),
    POSTGRES("postgres"),
    MARIADB("mariadb");

    private final String label;

    DatabaseKind(String label) {
        this.label = label;
    }

    /** Short lower-case name, used in display names and in {@code OXYDE_TEST_DATABASES}. */
    public String label() {
        return label;
    }
}
