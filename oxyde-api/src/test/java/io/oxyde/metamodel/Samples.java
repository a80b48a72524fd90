package io.oxyde.metamodel;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import javax.tools.JavaFileObject;
import com.google.testing.compile.JavaFileObjects;
import io.oxyde.processor.MetamodelProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sample models for the processor tests, and a javac run with the processor. */
final class Samples {

    static final String ARTIST = """
            package shop;

            import io.oxyde.annotation.Id;
            import io.oxyde.annotation.OneToMany;
            import java.util.List;

            public record Artist(@Id Long id, String name, @OneToMany(mappedBy = "artist") List<Album> albums) {
            }
            """;

    static final String ALBUM = """
            package shop;

            import io.oxyde.annotation.ForeignKey;
            import io.oxyde.Ref;
            import io.oxyde.annotation.Table;
            import java.time.LocalDate;

            @Table("album")
            public record Album(Long id, String title, @ForeignKey(column = "band_id") Ref<Artist> artist, LocalDate released) {
            }
            """;

    static final String TRACK = """
            package shop;

            import io.oxyde.annotation.Id;
            import io.oxyde.Ref;
            import java.math.BigDecimal;

            public record Track(@Id Long id, String name, Ref<Album> album, Genre genre, int milliseconds,
                    BigDecimal unitPrice, boolean explicit) {
            }
            """;

    static final String GENRE = """
            package shop;

            public record Genre(Long id, String name) {
            }
            """;

    private static final Pattern TOP_LEVEL = Pattern.compile("public (?:abstract |final )*(?:class|record) (\\w+)");

    private Samples() {
    }

    static JavaFileObject source(String text) {
        String pkg = text.substring(text.indexOf("package ") + 8, text.indexOf(';'));
        Matcher m = TOP_LEVEL.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no public top-level type in " + text);
        }
        String name = m.group(1);
        return JavaFileObjects.forSourceString(pkg + "." + name, text);
    }

    static Compilation compile(String... sources) {
        List<JavaFileObject> files = new ArrayList<>();
        for (String s : sources) {
            files.add(source(s));
        }
        return compile(files);
    }

    static Compilation compile(List<JavaFileObject> files) {
        return Compiler.javac().withProcessors(new MetamodelProcessor()).withOptions("-Xlint:-processing").compile(files);
    }

    static String generated(Compilation compilation, String qualifiedName) {
        JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError("no generated " + qualifiedName + "; generated: "
                        + compilation.generatedSourceFiles() + "; diagnostics: " + compilation.diagnostics()));
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
