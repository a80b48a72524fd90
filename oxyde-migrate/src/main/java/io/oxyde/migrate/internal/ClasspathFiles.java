package io.oxyde.migrate.internal;

import io.oxyde.exception.MigrationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The {@code .json} files directly inside one classpath location, whether it is a directory
 * ({@code file:} URL) or a folder of a jar ({@code jar:} URL, read through {@link JarURLConnection}, so
 * nested jars of packaged applications work too). A location found in two classpath entries is an
 * error, since the migrations of one application form one line of history.
 */
public final class ClasspathFiles {
    /** One file: its name (without folders) and content. */
    public record File(String name, byte[] content) {
    }

    private ClasspathFiles() {
    }

    /** The files of {@code location} (e.g. {@code db/oxyde}) as seen by {@code loader}, sorted by name. */
    public static List<File> list(String location, ClassLoader loader) {
        String folder = location.replaceAll("^/+|/+$", "");
        List<URL> urls = new ArrayList<>();
        try {
            Enumeration<URL> found = loader.getResources(folder);
            while (found.hasMoreElements()) {
                urls.add(found.nextElement());
            }
        } catch (IOException e) {
            throw new MigrationException("cannot search the classpath for " + folder + ": " + e.getMessage(), e);
        }
        if (urls.isEmpty()) {
            throw new MigrationException("no migrations on the classpath at " + folder + " (classpath:" + folder
                    + " is not a folder of any classpath entry; a jar needs its directory entries, which Maven, "
                    + "Gradle and the jar tool write)");
        }
        if (urls.size() > 1) {
            throw new MigrationException("classpath:" + folder + " exists in several classpath entries " + urls
                    + "; keep one application's migrations in one place");
        }
        URL url = urls.get(0);
        List<File> files = "file".equals(url.getProtocol()) ? fromDirectory(url) : fromJar(url);
        files.sort((a, b) -> a.name().compareTo(b.name()));
        return files;
    }

    private static List<File> fromDirectory(URL url) {
        List<File> out = new ArrayList<>();
        try (Stream<Path> list = Files.list(Path.of(url.toURI()))) {
            for (Path p : list.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                out.add(new File(p.getFileName().toString(), Files.readAllBytes(p)));
            }
        } catch (IOException | URISyntaxException e) {
            throw new MigrationException("cannot read migrations from " + url + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static List<File> fromJar(URL url) {
        List<File> out = new ArrayList<>();
        try {
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jarConnection)) {
                throw new MigrationException("cannot list migrations at " + url + ": neither a directory nor a jar");
            }
            jarConnection.setUseCaches(false);
            String prefix = jarConnection.getEntryName().replaceAll("/+$", "") + "/";
            try (JarFile jar = jarConnection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : "";
                    if (!entry.isDirectory() && rest.endsWith(".json") && rest.indexOf('/') < 0) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            out.add(new File(rest, in.readAllBytes()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new MigrationException("cannot read migrations from " + url + ": " + e.getMessage(), e);
        }
        return out;
    }
}
