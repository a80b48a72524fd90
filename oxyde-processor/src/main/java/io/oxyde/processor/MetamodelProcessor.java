package io.oxyde.processor;

import io.oxyde.processor.internal.MetamodelWriter;
import io.oxyde.processor.internal.ModelScanner;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Generates a metamodel class ({@code Track_}) next to every Oxyde model of the compilation: a
 * type annotated {@code @io.oxyde.annotation.Table}, a record or class with an {@code @io.oxyde.annotation.Id} field,
 * and every model of the same compilation that their relations lead to (so {@code Genre},
 * referenced by {@code Ref<Genre>}, gets {@code Genre_} without annotations). Each field gets a
 * typed constant ({@code Track_.NAME}, {@code Track_.ALBUM}...) of the matching attribute kind
 * of oxyde-api. Enable it by putting {@code oxyde-processor} on the annotation processor path
 * (Maven {@code annotationProcessorPaths}, Gradle {@code annotationProcessor}); without it the
 * string API works unchanged.
 *
 * <p>The processor never fails a build: a field it cannot type gets no constant and a warning.
 */
@SupportedAnnotationTypes({"io.oxyde.annotation.Table", "io.oxyde.annotation.Id"})
public final class MetamodelProcessor extends AbstractProcessor {

    private final Set<String> generated = new HashSet<>();

    /** Creates the processor (called by javac through the service loader). */
    public MetamodelProcessor() {
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Set<TypeElement> roots = new LinkedHashSet<>();
        for (Element e : round.getRootElements()) {
            collectTypes(e, roots);
        }
        Deque<TypeElement> queue = new ArrayDeque<>();
        for (TypeElement annotation : annotations) {
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                Element type = e.getKind() == ElementKind.FIELD ? e.getEnclosingElement() : e;
                if (type instanceof TypeElement t) {
                    queue.add(t);
                }
            }
        }
        ModelScanner scanner = new ModelScanner(processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
                processingEnv.getMessager());
        Set<TypeElement> done = new HashSet<>();
        while (!queue.isEmpty()) {
            TypeElement model = queue.poll();
            if (!done.add(model) || !ModelScanner.canBeModel(model)) {
                continue;
            }
            ModelScanner.Scan scan = scanner.scan(model);
            write(model, scanner, scan, roots);
            for (TypeElement related : scan.related()) {
                if (roots.contains(related)) {
                    queue.add(related);
                }
            }
        }
        return false;
    }

    private static void collectTypes(Element e, Set<TypeElement> out) {
        if (e instanceof TypeElement t) {
            out.add(t);
            for (Element inner : t.getEnclosedElements()) {
                collectTypes(inner, out);
            }
        }
    }

    private void write(TypeElement model, ModelScanner scanner, ModelScanner.Scan scan, Set<TypeElement> roots) {
        String pkg = processingEnv.getElementUtils().getPackageOf(model).getQualifiedName().toString();
        String relative = scanner.relativeName(model);
        String name = MetamodelWriter.metamodelName(relative);
        String qualified = pkg.isEmpty() ? name : pkg + "." + name;
        // Skip a metamodel written by hand in this compilation; a stale one from an earlier build
        // on the class path is regenerated (it may lack new fields).
        TypeElement existing = processingEnv.getElementUtils().getTypeElement(qualified);
        if (!generated.add(qualified) || (existing != null && roots.contains(existing))) {
            return;
        }
        String source = MetamodelWriter.write(pkg, relative, scan.attributes());
        try {
            JavaFileObject file = processingEnv.getFiler().createSourceFile(qualified, model);
            try (Writer w = file.openWriter()) {
                w.write(source);
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "Oxyde metamodel: cannot write " + qualified + ": " + e.getMessage(), model);
        }
    }
}
