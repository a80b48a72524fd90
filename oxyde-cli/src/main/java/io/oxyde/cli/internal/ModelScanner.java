package io.oxyde.cli.internal;

import io.oxyde.annotation.Id;
import io.oxyde.annotation.Table;
import io.oxyde.exception.MigrationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds model classes on a classpath without running them: every top-level concrete class of a package
 * (subpackages included) that is annotated {@link Table}, has an {@link Id} field, or has a field named
 * {@code id}. Classes are loaded without initialisation through a loader whose parent is this tool's,
 * so the annotations are the ones the model layer reads.
 */
final class ModelScanner {
    private final List<Path> entries;
    private final ClassLoader loader;

    ModelScanner(List<Path> entries) {
        this.entries = List.copyOf(entries);
        List<URL> urls = new ArrayList<>();
        for (Path p : entries) {
            if (!Files.exists(p)) {
                throw new MigrationException("classpath entry " + p + " does not exist");
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new MigrationException("bad classpath entry " + p, e);
            }
        }
        this.loader = new URLClassLoader(urls.toArray(URL[]::new), ModelScanner.class.getClassLoader());
    }

    /** A model class by name; {@code a.B.C} is also tried as the nested class {@code a.B$C}. */
    Class<?> load(String name) {
        String candidate = name;
        while (true) {
            try {
                return Class.forName(candidate, false, loader);
            } catch (ClassNotFoundException | NoClassDefFoundError e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    throw new MigrationException("model class " + name + " not found on " + describe());
                }
                candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
            }
        }
    }

    /** The model classes of {@code pkg} and its subpackages, sorted by name. */
    List<Class<?>> scan(String pkg) {
        String prefix = pkg.replace('.', '/') + "/";
        TreeSet<String> names = new TreeSet<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                Path root = entry.resolve(prefix);
                if (Files.isDirectory(root)) {
                    try (Stream<Path> files = Files.walk(root)) {
                        files.filter(Files::isRegularFile)
                                .map(f -> entry.relativize(f).toString().replace('\\', '/'))
                                .forEach(n -> addClassName(n, names));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            } else if (entry.toString().endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    Enumeration<JarEntry> all = jar.entries();
                    while (all.hasMoreElements()) {
                        String n = all.nextElement().getName();
                        if (n.startsWith(prefix)) {
                            addClassName(n, names);
                        }
                    }
                } catch (IOException e) {
                    throw new MigrationException("cannot read jar " + entry + ": " + e.getMessage(), e);
                }
            }
        }
        List<Class<?>> out = new ArrayList<>();
        for (String n : names) {
            try {
                Class<?> c = load(n);
                if (isModel(c)) {
                    out.add(c);
                }
            } catch (LinkageError e) {
                throw new MigrationException("cannot inspect class " + n + " while scanning package " + pkg + ": "
                        + e + " (add what it needs to -cp, or name the models with --model)", e);
            }
        }
        out.sort(Comparator.comparing(Class::getName));
        return out;
    }

    /** The classpath, for messages. */
    String describe() {
        return entries.isEmpty() ? "an empty classpath" : "classpath " + entries;
    }

    private static void addClassName(String file, TreeSet<String> names) {
        if (file.endsWith(".class") && !file.contains("$") && !file.endsWith("package-info.class")
                && !file.endsWith("module-info.class")) {
            names.add(file.substring(0, file.length() - ".class".length()).replace('/', '.'));
        }
    }

    private static boolean isModel(Class<?> c) {
        if (c.isInterface() || c.isEnum() || c.isAnnotation() || Modifier.isAbstract(c.getModifiers())) {
            return false;
        }
        if (c.isAnnotationPresent(Table.class)) {
            return true;
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && (f.isAnnotationPresent(Id.class) || f.getName().equals("id"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
