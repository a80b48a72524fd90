package io.oxyde.migrate;

import io.oxyde.exception.MigrationException;

/** A named CHECK constraint; a changed expression is migrated as drop + add. */
public record CheckDefinition(String name, String expression) {
    public CheckDefinition {
        if (name == null || name.isBlank()) {
            throw new MigrationException("a check constraint needs a name (expression " + expression + ")");
        }
        if (expression == null || expression.isBlank()) {
            throw new MigrationException("check constraint " + name + " needs an expression");
        }
    }

    public static CheckDefinition of(String name, String expression) {
        return new CheckDefinition(name, expression);
    }
}
