package io.oxyde.processor.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The imports of one generated file. A top-level class is imported the first time it is named
 * unless it is in the file's package or {@code java.lang}; a later class with the same simple
 * name (or one clashing with the file's own class names) stays fully qualified, so the output
 * always compiles and is the same for the same input.
 */
final class Imports {

    private final String packageName;
    private final Map<String, String> bySimpleName = new HashMap<>();
    private final TreeSet<String> imports = new TreeSet<>();

    /**
     * @param packageName the generated file's package
     * @param reserved simple names declared in the file or its package that must not be shadowed
     */
    public Imports(String packageName, Iterable<String> reserved) {
        this.packageName = packageName;
        for (String r : reserved) {
            bySimpleName.put(r, packageName.isEmpty() ? r : packageName + "." + r);
        }
    }

    /** The source text naming {@code type}, registering an import when one is needed. */
    public String name(TypeRef type) {
        StringBuilder sb = new StringBuilder();
        if (type.names().get(0).equals("?")) {
            sb.append('?');
            if (type.bound() != null) {
                sb.append(' ').append(type.bound()).append(' ').append(name(type.boundType()));
            }
            return sb.toString();
        }
        if (type.isSpecial()) {
            sb.append(type.names().get(0));
        } else {
            sb.append(qualifier(type)).append(String.join(".", type.names()));
        }
        if (!type.arguments().isEmpty()) {
            sb.append('<');
            for (int i = 0; i < type.arguments().size(); i++) {
                sb.append(i > 0 ? ", " : "").append(name(type.arguments().get(i)));
            }
            sb.append('>');
        }
        sb.append("[]".repeat(type.arrayDims()));
        return sb.toString();
    }

    private String qualifier(TypeRef type) {
        String top = type.topLevel();
        String simple = type.names().get(0);
        if (type.packageName().equals(packageName) && top.equals(bySimpleName.getOrDefault(simple, top))) {
            bySimpleName.putIfAbsent(simple, top);
            return "";
        }
        String owner = bySimpleName.get(simple);
        if (owner == null) {
            bySimpleName.put(simple, top);
            if (!type.packageName().equals("java.lang")) {
                imports.add(top);
            }
            return "";
        }
        return owner.equals(top) ? "" : type.packageName() + ".";
    }

    /** The import lines, sorted. */
    public Iterable<String> lines() {
        return imports;
    }
}
