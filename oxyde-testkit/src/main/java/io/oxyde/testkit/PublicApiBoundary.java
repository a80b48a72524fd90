package io.oxyde.testkit;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds public API signatures that mention an implementation type (one in an {@code .internal}
 * package). Each library module's tests run it over the module's own compiled classes, so a
 * change that leaks an internal type into a public method, constructor, field, supertype or
 * type bound fails the build where it is made.
 *
 * <p>Why a test and not {@code module-info.java}: the modules are also used on the class path
 * (and as automatic modules), where nothing hides an exported class's signatures; the check
 * makes the boundary hold in both cases.
 */
public final class PublicApiBoundary {

    private PublicApiBoundary() {
    }

    /**
     * The leaks in the compiled classes of the module that contains {@code anchor}: one line per
     * offending member, naming the member and the internal type it mentions. Empty when clean.
     */
    public static List<String> leaks(Class<?> anchor) {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + anchor, e);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(anchor + " is not loaded from a classes directory: " + root);
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                if (!rel.endsWith(".class") || rel.contains("/internal/") || rel.endsWith("package-info.class")
                        || rel.endsWith("module-info.class")) {
                    continue;
                }
                String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                Class<?> type;
                try {
                    type = Class.forName(name, false, anchor.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    out.add(name + ": cannot be loaded (" + e + ")");
                    continue;
                }
                if (isApi(type)) {
                    check(type, out);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + root, e);
        }
        return out;
    }

    private static boolean isApi(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isSynthetic() || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static void check(Class<?> type, List<String> out) {
        String where = type.getName();
        mention(where + " extends", type.getGenericSuperclass(), out);
        for (Type i : type.getGenericInterfaces()) {
            mention(where + " implements", i, out);
        }
        for (TypeVariable<?> v : type.getTypeParameters()) {
            mention(where + " type parameter " + v.getName(), v, out);
        }
        boolean extensible = !Modifier.isFinal(type.getModifiers()) && !type.isEnum() && !type.isRecord();
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c.getModifiers(), extensible) && !c.isSynthetic()) {
                executable(where + ".<init>", c, out);
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m.getModifiers(), extensible) && !m.isSynthetic() && !m.isBridge()) {
                mention(where + "." + m.getName() + "() returns", m.getGenericReturnType(), out);
                executable(where + "." + m.getName() + "()", m, out);
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f.getModifiers(), extensible) && !f.isSynthetic()) {
                mention(where + "." + f.getName(), f.getGenericType(), out);
            }
        }
    }

    private static boolean visible(int modifiers, boolean extensible) {
        return Modifier.isPublic(modifiers) || (extensible && Modifier.isProtected(modifiers));
    }

    private static void executable(String where, Executable e, List<String> out) {
        for (Type p : e.getGenericParameterTypes()) {
            mention(where + " parameter", p, out);
        }
        for (Type x : e.getGenericExceptionTypes()) {
            mention(where + " throws", x, out);
        }
        for (TypeVariable<?> v : e.getTypeParameters()) {
            mention(where + " type parameter " + v.getName(), v, out);
        }
    }

    private static void mention(String where, Type type, List<String> out) {
        Set<String> internal = new HashSet<>();
        collect(type, internal, new HashSet<>());
        for (String name : internal) {
            out.add(where + " mentions " + name);
        }
    }

    private static void collect(Type type, Set<String> internal, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            Class<?> base = c;
            while (base.isArray()) {
                base = base.getComponentType();
            }
            if (base.getName().contains(".internal.")) {
                internal.add(base.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), internal, seen);
            collect(p.getOwnerType(), internal, seen);
            for (Type a : p.getActualTypeArguments()) {
                collect(a, internal, seen);
            }
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                collect(b, internal, seen);
            }
            for (Type b : w.getLowerBounds()) {
                collect(b, internal, seen);
            }
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                collect(b, internal, seen);
            }
        } else if (type instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), internal, seen);
        }
    }
}
