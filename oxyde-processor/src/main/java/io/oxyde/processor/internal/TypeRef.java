package io.oxyde.processor.internal;

import java.util.List;

/**
 * A type to be written into generated source: a class (by package and nested simple names, so
 * the writer can import it or qualify it), type arguments, array dimensions, or a wildcard.
 *
 * @param packageName the package, empty for primitives and wildcards
 * @param names the simple names from the top-level class down (one element unless nested); for
 *              a primitive its keyword; for a wildcard {@code "?"}
 * @param arguments type arguments
 * @param arrayDims array dimensions
 * @param bound for a wildcard, its bound text ({@code "extends"}/{@code "super"}) or null
 * @param boundType for a bounded wildcard, the bound
 */
record TypeRef(String packageName, List<String> names, List<TypeRef> arguments, int arrayDims, String bound,
        TypeRef boundType) {

    /** A plain class. */
    public static TypeRef of(String packageName, String... names) {
        return new TypeRef(packageName, List.of(names), List.of(), 0, null, null);
    }

    /** The qualified name of the top-level class ({@code io.oxyde.chinook.Track}). */
    public String topLevel() {
        return packageName.isEmpty() ? names.get(0) : packageName + "." + names.get(0);
    }

    /** The same type without type arguments (for class literals). */
    public TypeRef erasure() {
        return new TypeRef(packageName, names, List.of(), arrayDims, bound, boundType);
    }

    /** Whether this is a primitive or wildcard, never imported. */
    public boolean isSpecial() {
        return packageName.isEmpty();
    }
}
