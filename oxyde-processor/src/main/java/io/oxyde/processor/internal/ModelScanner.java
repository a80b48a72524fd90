package io.oxyde.processor.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reads a model's fields into {@link AttributeSpec}s with the runtime's rules (ShapeReader and
 * TypeMap in oxyde-api): records use their components, classes every non-static,
 * non-transient field with superclass fields first; {@code @Transient} fields are skipped;
 * {@code Ref<T>} and model-typed fields are foreign keys; {@code @OneToMany} /
 * {@code @ManyToMany} lists (or lists of a model) are collections; {@code @Json} fields,
 * {@code @Json} types, {@code Map}, {@code JsonNode} and lists of {@code @Json} types are JSON;
 * other lists are arrays. A field the runtime would refuse gets no constant and a warning.
 */
public final class ModelScanner {

    static final String API = "io.oxyde";
    /** Where the model annotations live ({@code @Table}, {@code @Column}, …). */
    static final String ANNOTATIONS = "io.oxyde.annotation";
    /** Where the typed attribute classes the generated constants use live. */
    static final String METAMODEL = "io.oxyde.metamodel";
    private static final Set<String> NUMBERS = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short",
            "java.lang.Byte", "java.lang.Double", "java.lang.Float", "java.math.BigDecimal");
    private static final Set<String> TEMPORAL = Set.of("java.time.LocalDate", "java.time.LocalDateTime",
            "java.time.Instant", "java.time.OffsetDateTime");
    private static final Set<String> ORDERED = Set.of("java.time.LocalTime", "java.util.UUID", "java.time.Duration");

    private final Elements elements;
    private final Types types;
    private final Messager messager;

    public ModelScanner(Elements elements, Types types, Messager messager) {
        this.elements = elements;
        this.types = types;
        this.messager = messager;
    }

    /** The result of scanning one model: its attributes and the models its relations lead to. */
    public record Scan(List<AttributeSpec> attributes, Set<TypeElement> related) {
    }

    /** Whether a type can have a metamodel: a non-abstract, non-generic, accessible class or record. */
    public static boolean canBeModel(TypeElement type) {
        if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
            return false;
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT) || !type.getTypeParameters().isEmpty()) {
            return false;
        }
        Element e = type;
        while (e instanceof TypeElement t) {
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                return false;
            }
            if (t.getNestingKind() == NestingKind.MEMBER && t.getKind() == ElementKind.CLASS
                    && !t.getModifiers().contains(Modifier.STATIC)) {
                return false;
            }
            e = t.getEnclosingElement();
        }
        return true;
    }

    /** Whether the runtime would take this class as a model (a foreign-key target). */
    boolean modelCandidate(TypeMirror t) {
        if (t.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeElement e = (TypeElement) ((DeclaredType) t).asElement();
        if (e.getKind() != ElementKind.CLASS && e.getKind() != ElementKind.RECORD) {
            return false;
        }
        String pkg = elements.getPackageOf(e).getQualifiedName().toString();
        return !(pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("jdk.") || pkg.startsWith("sun.")
                || pkg.startsWith("com.fasterxml.jackson."));
    }

    /** Scans one model. */
    public Scan scan(TypeElement model) {
        List<AttributeSpec> out = new ArrayList<>();
        Set<TypeElement> related = new LinkedHashSet<>();
        Set<String> constants = new LinkedHashSet<>();
        boolean record = model.getKind() == ElementKind.RECORD;
        for (VariableElement f : fields(model)) {
            AttributeSpec spec;
            try {
                spec = attribute(model, f, record, related);
            } catch (IllegalArgumentException e) {
                spec = warn(f, e.getMessage());
            }
            if (spec == null) {
                continue;
            }
            if (!constants.add(spec.constant())) {
                messager.printMessage(Diagnostic.Kind.WARNING, "Oxyde metamodel: field " + f.getSimpleName()
                        + " maps to the constant " + spec.constant() + ", which another field already uses; it gets"
                        + " no constant", f);
                continue;
            }
            out.add(spec);
        }
        return new Scan(out, related);
    }

    private List<VariableElement> fields(TypeElement model) {
        List<TypeElement> chain = new ArrayList<>();
        TypeElement t = model;
        while (t != null && !t.getQualifiedName().contentEquals("java.lang.Object")
                && !t.getQualifiedName().contentEquals("java.lang.Record")) {
            chain.add(t);
            TypeMirror sup = t.getSuperclass();
            t = sup.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) sup).asElement() : null;
        }
        Collections.reverse(chain);
        List<VariableElement> out = new ArrayList<>();
        for (TypeElement c : chain) {
            for (Element e : c.getEnclosedElements()) {
                if (e.getKind() == ElementKind.FIELD && !e.getModifiers().contains(Modifier.STATIC)
                        && !e.getModifiers().contains(Modifier.TRANSIENT) && annotation(e, "Transient") == null) {
                    out.add((VariableElement) e);
                }
            }
        }
        return out;
    }

    private AttributeSpec attribute(TypeElement model, VariableElement f, boolean record, Set<TypeElement> related) {
        String name = f.getSimpleName().toString();
        TypeMirror t = f.asType();
        String link = "{@link " + relativeName(model) + "#" + name + (record ? "()" : "") + "}";
        if (!f.getEnclosingElement().equals(model)) {
            link = "{@link " + relativeName((TypeElement) f.getEnclosingElement()) + "#" + name + "}";
        }
        AnnotationMirror o2m = annotation(f, "OneToMany");
        AnnotationMirror m2m = annotation(f, "ManyToMany");
        if (o2m != null || m2m != null) {
            TypeMirror element = listElement(t);
            if (element == null || !modelCandidate(element)) {
                return warn(f, "a relation collection must be a List of a model type");
            }
            String what;
            if (m2m != null) {
                Object through = value(m2m, "through");
                what = "many-to-many" + (through instanceof TypeMirror tm ? " through {@link " + javadocName(tm) + "}" : "");
            } else {
                Object mappedBy = value(o2m, "mappedBy");
                what = "reverse foreign key" + (mappedBy instanceof String s && !s.isEmpty()
                        ? " {@code " + simple(element) + "." + s + "}" : "");
            }
            return collection(model, f, link, element, what, related);
        }
        if (isType(t, API + ".Ref")) {
            List<? extends TypeMirror> args = ((DeclaredType) t).getTypeArguments();
            if (args.size() != 1 || !modelCandidate(args.get(0))) {
                return warn(f, "a Ref field needs a concrete model type argument");
            }
            return relation(model, f, link, args.get(0), related);
        }
        String column = column(f, Names.snakeCase(name));
        String doc = link + ": column {@code " + column + "}.";
        if (isJson(f, t)) {
            return spec(f, "JsonAttribute", "of", List.of(typeRef(boxed(t))), List.of(typeRef(types.erasure(t))), doc);
        }
        if (t.getKind().isPrimitive()) {
            return switch (t.getKind()) {
                case BOOLEAN -> spec(f, "BooleanAttribute", "of", List.of(), List.of(), doc);
                case CHAR -> warn(f, "char is not a supported column type");
                default -> {
                    TypeMirror box = boxed(t);
                    yield spec(f, "NumberAttribute", "of", List.of(typeRef(box)), List.of(typeRef(box)), doc);
                }
            };
        }
        if (t.getKind() == TypeKind.ARRAY) {
            if (((ArrayType) t).getComponentType().getKind() == TypeKind.BYTE) {
                return spec(f, "BytesAttribute", "of", List.of(), List.of(), doc);
            }
            return warn(f, "arrays other than byte[] are not supported; use a List");
        }
        if (t.getKind() != TypeKind.DECLARED) {
            return warn(f, "unsupported type " + t);
        }
        TypeElement te = (TypeElement) ((DeclaredType) t).asElement();
        String qn = te.getQualifiedName().toString();
        if (NUMBERS.contains(qn)) {
            return spec(f, "NumberAttribute", "of", List.of(typeRef(t)), List.of(typeRef(t)), doc);
        }
        if (qn.equals("java.lang.String")) {
            return spec(f, "TextAttribute", "of", List.of(), List.of(), doc);
        }
        if (qn.equals("java.lang.Boolean")) {
            return spec(f, "BooleanAttribute", "of", List.of(), List.of(), doc);
        }
        if (TEMPORAL.contains(qn)) {
            return spec(f, "TemporalAttribute", "of", List.of(typeRef(t)), List.of(typeRef(t)), doc);
        }
        if (ORDERED.contains(qn) || te.getKind() == ElementKind.ENUM) {
            return spec(f, "ComparableAttribute", "comparable", List.of(typeRef(t)), List.of(typeRef(t)), doc);
        }
        if (qn.equals("java.util.List")) {
            TypeMirror element = listElement(t);
            if (element == null) {
                return warn(f, "a List needs a concrete element type");
            }
            if (modelCandidate(element)) {
                return collection(model, f, link, element, "reverse foreign key", related);
            }
            return spec(f, "ArrayAttribute", "of", List.of(typeRef(element)), List.of(), doc);
        }
        if (modelCandidate(t)) {
            return relation(model, f, link, t, related);
        }
        return warn(f, "unsupported type " + t + "; annotate it with @Json or @Transient");
    }

    private AttributeSpec relation(TypeElement model, VariableElement f, String link, TypeMirror target,
            Set<TypeElement> related) {
        related.add((TypeElement) ((DeclaredType) target).asElement());
        String column = column(annotation(f, "ForeignKey"), "column", Names.snakeCase(f.getSimpleName().toString()) + "_id");
        String doc = link + ": foreign key to {@link " + javadocName(target) + "}, column {@code " + column + "}.";
        return spec(f, "RelationAttribute", "of", List.of(typeRef(target)), List.of(typeRef(target)), doc);
    }

    private AttributeSpec collection(TypeElement model, VariableElement f, String link, TypeMirror element, String what,
            Set<TypeElement> related) {
        related.add((TypeElement) ((DeclaredType) element).asElement());
        String doc = link + ": " + what + " to {@link " + javadocName(element) + "}, no column (for prefetch and paths).";
        return spec(f, "CollectionAttribute", "of", List.of(typeRef(element)), List.of(typeRef(element)), doc);
    }

    private AttributeSpec spec(VariableElement f, String kind, String factory, List<TypeRef> typeArgs, List<TypeRef> extra,
            String doc) {
        String name = f.getSimpleName().toString();
        return new AttributeSpec(Names.constant(name), name, METAMODEL + "." + kind, factory, typeArgs, extra, doc);
    }

    private AttributeSpec warn(VariableElement f, String why) {
        messager.printMessage(Diagnostic.Kind.WARNING, "Oxyde metamodel: field " + f.getSimpleName()
                + " gets no constant: " + why, f);
        return null;
    }

    private boolean isJson(VariableElement f, TypeMirror t) {
        if (annotation(f, "Json") != null) {
            return true;
        }
        if (t.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeElement te = (TypeElement) ((DeclaredType) t).asElement();
        if (annotation(te, "Json") != null || assignableTo(t, "java.util.Map")
                || assignableTo(t, "com.fasterxml.jackson.databind.JsonNode")) {
            return true;
        }
        if (te.getQualifiedName().contentEquals("java.util.List")) {
            TypeMirror element = listElement(t);
            return element != null && element.getKind() == TypeKind.DECLARED
                    && annotation(((DeclaredType) element).asElement(), "Json") != null;
        }
        return false;
    }

    private boolean assignableTo(TypeMirror t, String qualifiedName) {
        TypeElement target = elements.getTypeElement(qualifiedName);
        return target != null && types.isAssignable(types.erasure(t), types.erasure(target.asType()));
    }

    private static boolean isType(TypeMirror t, String qualifiedName) {
        return t.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    private static TypeMirror listElement(TypeMirror t) {
        if (!isType(t, "java.util.List")) {
            return null;
        }
        List<? extends TypeMirror> args = ((DeclaredType) t).getTypeArguments();
        if (args.size() != 1) {
            return null;
        }
        TypeMirror a = args.get(0);
        if (a.getKind() == TypeKind.WILDCARD) {
            a = ((WildcardType) a).getExtendsBound();
        }
        return a != null && a.getKind() == TypeKind.DECLARED ? a : null;
    }

    private TypeMirror boxed(TypeMirror t) {
        return t.getKind().isPrimitive() ? types.boxedClass((javax.lang.model.type.PrimitiveType) t).asType() : t;
    }

    private String column(VariableElement f, String fallback) {
        return column(annotation(f, "Column"), "name", fallback);
    }

    private static String column(AnnotationMirror a, String attribute, String fallback) {
        Object v = a == null ? null : value(a, attribute);
        return v instanceof String s && !s.isEmpty() ? s : fallback;
    }

    static AnnotationMirror annotation(Element e, String simpleName) {
        for (AnnotationMirror a : e.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) a.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(ANNOTATIONS + "." + simpleName)) {
                return a;
            }
        }
        return null;
    }

    private static Object value(AnnotationMirror a, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : a.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(name)) {
                return e.getValue().getValue();
            }
        }
        return null;
    }

    private static String simple(TypeMirror t) {
        return ((DeclaredType) t).asElement().getSimpleName().toString();
    }

    /** A type's name for Javadoc: qualified (Javadoc resolves it without an import). */
    private static String javadocName(TypeMirror t) {
        return ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().toString();
    }

    /** {@code Track} or {@code Outer.Inner}: the name relative to the package. */
    public String relativeName(TypeElement type) {
        String qn = type.getQualifiedName().toString();
        String pkg = elements.getPackageOf(type).getQualifiedName().toString();
        return pkg.isEmpty() ? qn : qn.substring(pkg.length() + 1);
    }

    /** A {@link TypeRef} for a type mirror. */
    public TypeRef typeRef(TypeMirror t) {
        switch (t.getKind()) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE -> {
                return new TypeRef("", List.of(t.getKind().name().toLowerCase(java.util.Locale.ROOT)), List.of(), 0, null, null);
            }
            case ARRAY -> {
                TypeRef c = typeRef(((ArrayType) t).getComponentType());
                return new TypeRef(c.packageName(), c.names(), c.arguments(), c.arrayDims() + 1, null, null);
            }
            case WILDCARD -> {
                WildcardType w = (WildcardType) t;
                if (w.getExtendsBound() != null) {
                    return new TypeRef("", List.of("?"), List.of(), 0, "extends", typeRef(w.getExtendsBound()));
                }
                if (w.getSuperBound() != null) {
                    return new TypeRef("", List.of("?"), List.of(), 0, "super", typeRef(w.getSuperBound()));
                }
                return new TypeRef("", List.of("?"), List.of(), 0, null, null);
            }
            case DECLARED -> {
                DeclaredType d = (DeclaredType) t;
                TypeElement e = (TypeElement) d.asElement();
                PackageElement pkg = elements.getPackageOf(e);
                List<String> names = new ArrayList<>();
                Element cur = e;
                while (cur instanceof TypeElement te) {
                    names.add(0, te.getSimpleName().toString());
                    cur = te.getEnclosingElement();
                }
                List<TypeRef> args = new ArrayList<>();
                for (TypeMirror a : d.getTypeArguments()) {
                    args.add(typeRef(a));
                }
                return new TypeRef(pkg.getQualifiedName().toString(), names, args, 0, null, null);
            }
            default -> throw new IllegalArgumentException("cannot write type " + t);
        }
    }
}
