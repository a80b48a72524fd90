/**
 * The optional annotation processor that generates a typed metamodel ({@code Track_}) per
 * model. It works on {@code javax.lang.model} only and never depends on the API at build time.
 * On a processor module path javac finds it through {@code provides}; on a processor path,
 * through {@code META-INF/services}.
 */
module io.oxyde.processor {
    requires java.compiler;

    exports io.oxyde.processor;

    provides javax.annotation.processing.Processor with io.oxyde.processor.MetamodelProcessor;
}
