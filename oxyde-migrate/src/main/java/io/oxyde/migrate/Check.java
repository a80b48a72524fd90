package io.oxyde.migrate;

/** A named CHECK constraint; a changed expression is migrated as drop + add. */
public record Check(String name, String expression) {
    public Check {
        if (name == null || name.isBlank()) {
            throw new MigrationException("a check constraint needs a name (expression " + expression + ")");
        }
        if (expression == null || expression.isBlank()) {
            throw new MigrationException("check constraint " + name + " needs an expression");
        }
    }

    public static Check of(String name, String expression) {
        return new Check(name, expression);
    }
}
