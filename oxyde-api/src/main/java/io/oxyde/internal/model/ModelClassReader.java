package io.oxyde.internal.model;

import io.oxyde.annotation.Column;
import io.oxyde.annotation.ForeignKey;
import io.oxyde.annotation.Id;
import io.oxyde.annotation.IdStrategy;
import io.oxyde.annotation.Json;
import io.oxyde.annotation.ManyToMany;
import io.oxyde.exception.ModelDefinitionException;
import io.oxyde.annotation.OneToMany;
import io.oxyde.Ref;
import io.oxyde.annotation.Table;
import io.oxyde.annotation.Transient;
import io.oxyde.codec.ValueKind;
import io.oxyde.internal.convert.TypeMap;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/** Reads a {@link ModelShape} from a class; see there. Every error names the class and field. */
final class ModelClassReader {

    static final ClassValue<ModelShape> CACHE = new ClassValue<>() {
        @Override
        protected ModelShape computeValue(Class<?> type) {
            return read(type);
        }
    };

    private ModelClassReader() {
    }

    static ModelShape read(Class<?> type) {
        String name = type.getName();
        if (type.isInterface() || type.isAnnotation() || type.isEnum() || type.isArray() || type.isPrimitive()) {
            throw new ModelDefinitionException(name + " cannot be a model: models are records or classes");
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new ModelDefinitionException(name + " cannot be a model: it is abstract (an abstract class can be"
                    + " the base of models, whose fields it contributes)");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers()) && !type.isRecord()) {
            throw new ModelDefinitionException(name + " cannot be a model: an inner class needs an enclosing"
                    + " instance; make it static");
        }
        boolean record = type.isRecord();
        List<ShapeField> fields = new ArrayList<>();
        if (record) {
            for (RecordComponent c : type.getRecordComponents()) {
                Field f;
                try {
                    f = type.getDeclaredField(c.getName());
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException("record component without field: " + c, e);
                }
                fields.add(field(type, fields.size(), f, c.getAccessor(), true));
            }
        } else {
            Deque<Class<?>> chain = new ArrayDeque<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                chain.push(c);
            }
            for (Class<?> c : chain) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                        continue;
                    }
                    if (Modifier.isTransient(f.getModifiers()) || f.isAnnotationPresent(Transient.class)) {
                        continue;
                    }
                    fields.add(field(type, fields.size(), f, null, false));
                }
            }
        }
        List<ShapeField> keys = primaryKeys(type, fields);
        ShapeField pk = keys.get(0);
        IdStrategy strategy = keys.size() > 1 ? compositeStrategy(keys) : idStrategy(pk);
        MethodHandle constructor;
        MethodHandle canonical = null;
        Object[] defaults = null;
        if (record) {
            Class<?>[] types = new Class<?>[fields.size()];
            defaults = new Object[fields.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = fields.get(i).type();
                defaults[i] = zero(types[i]);
            }
            canonical = Handles.canonicalConstructor(type, types);
            constructor = canonical.asSpreader(Object[].class, types.length);
        } else {
            constructor = Handles.noArgConstructor(type);
        }
        Table table = type.getAnnotation(Table.class);
        String tableName = table != null && !table.value().isEmpty() ? table.value() : Naming.snakeCase(type.getSimpleName());
        return new ModelShape(type, record, tableName, List.copyOf(fields), pk, strategy, constructor, canonical, defaults,
                List.copyOf(keys));
    }

    private static ShapeField field(Class<?> model, int index, Field f, Method accessor, boolean record) {
        String where = model.getSimpleName() + "." + f.getName();
        Class<?> raw = f.getType();
        Type generic = f.getGenericType();
        MethodHandle getter = Handles.getter(f, accessor);
        MethodHandle setter = record ? null : Handles.setter(model, f);
        if (f.isAnnotationPresent(Transient.class)) {
            return new ShapeField(index, f, f.getName(), raw, generic, ShapeField.Role.TRANSIENT, null, null, null,
                    false, getter, setter);
        }
        ManyToMany m2m = f.getAnnotation(ManyToMany.class);
        OneToMany o2m = f.getAnnotation(OneToMany.class);
        if (m2m != null || o2m != null) {
            if (m2m != null && o2m != null) {
                throw new ModelDefinitionException(where + ": @OneToMany and @ManyToMany exclude each other");
            }
            Class<?> element = listElement(raw, generic);
            if (element == null) {
                throw new ModelDefinitionException(where + ": a " + (m2m != null ? "@ManyToMany" : "@OneToMany")
                        + " field must be a List of a model type, not " + generic.getTypeName());
            }
            rejectColumnAnnotations(f, where);
            return new ShapeField(index, f, f.getName(), raw, generic,
                    m2m != null ? ShapeField.Role.MANY_TO_MANY : ShapeField.Role.REVERSE, null, null, element, false,
                    getter, setter);
        }
        if (raw == Ref.class) {
            if (!(generic instanceof ParameterizedType p) || !(p.getActualTypeArguments()[0] instanceof Class<?> target)) {
                throw new ModelDefinitionException(where + ": a Ref field needs a concrete model type argument, e.g."
                        + " Ref<Artist>, not " + generic.getTypeName());
            }
            return new ShapeField(index, f, f.getName(), raw, generic, ShapeField.Role.FOREIGN_KEY, fkColumn(f), null,
                    target, true, getter, setter);
        }
        TypeMap.ScalarType scalar;
        try {
            scalar = TypeMap.resolve(raw, generic, f.isAnnotationPresent(Json.class));
        } catch (RuntimeException e) {
            throw new ModelDefinitionException(where + ": cannot map type " + generic.getTypeName() + ": " + e.getMessage(), e);
        }
        if (scalar != null) {
            if (f.isAnnotationPresent(ForeignKey.class)) {
                throw new ModelDefinitionException(where + ": @ForeignKey needs a Ref<Model> or model-typed field, not "
                        + generic.getTypeName());
            }
            Column column = f.getAnnotation(Column.class);
            String columnName = column != null && !column.name().isEmpty() ? column.name() : Naming.snakeCase(f.getName());
            return new ShapeField(index, f, f.getName(), raw, generic, ShapeField.Role.COLUMN, columnName, scalar, null,
                    false, getter, setter);
        }
        Class<?> element = listElement(raw, generic);
        if (element != null && modelCandidate(element)) {
            rejectColumnAnnotations(f, where);
            return new ShapeField(index, f, f.getName(), raw, generic, ShapeField.Role.REVERSE, null, null, element, false,
                    getter, setter);
        }
        if (modelCandidate(raw)) {
            return new ShapeField(index, f, f.getName(), raw, generic, ShapeField.Role.FOREIGN_KEY, fkColumn(f), null, raw,
                    false, getter, setter);
        }
        throw new ModelDefinitionException(where + ": unsupported type " + generic.getTypeName() + "; supported: "
                + TypeMap.SUPPORTED + ". Annotate the field with @Json to store it as JSON or @Transient to skip it");
    }

    private static void rejectColumnAnnotations(Field f, String where) {
        if (f.isAnnotationPresent(Column.class) || f.isAnnotationPresent(Id.class) || f.isAnnotationPresent(ForeignKey.class)) {
            throw new ModelDefinitionException(where + ": a relation collection has no column; @Column, @Id and"
                    + " @ForeignKey do not apply");
        }
    }

    private static String fkColumn(Field f) {
        ForeignKey fk = f.getAnnotation(ForeignKey.class);
        if (fk != null && !fk.column().isEmpty()) {
            return fk.column();
        }
        Column column = f.getAnnotation(Column.class);
        if (column != null && !column.name().isEmpty()) {
            return column.name();
        }
        return Naming.snakeCase(f.getName()) + "_id";
    }

    private static Class<?> listElement(Class<?> raw, Type generic) {
        if (raw == List.class && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    /** Whether a type that is not a column type could be a model (checked when the relation is resolved). */
    static boolean modelCandidate(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || type.isInterface() || type.isEnum() || type.isAnnotation()) {
            return false;
        }
        String pkg = type.getPackageName();
        return !(pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("jdk.") || pkg.startsWith("sun.")
                || pkg.startsWith("com.fasterxml.jackson."));
    }

    /** The key fields: every {@code @Id} field (several make a composite key), or the field named {@code id}. */
    private static List<ShapeField> primaryKeys(Class<?> type, List<ShapeField> fields) {
        List<ShapeField> annotated = new ArrayList<>();
        for (ShapeField f : fields) {
            if (f.field().isAnnotationPresent(Id.class)) {
                annotated.add(f);
            }
        }
        if (annotated.size() > 1) {
            for (ShapeField f : annotated) {
                checkKeyColumn(f);
            }
            return annotated;
        }
        ShapeField pk = annotated.isEmpty() ? null : annotated.get(0);
        if (pk == null) {
            for (ShapeField f : fields) {
                if (f.name().equals("id")) {
                    pk = f;
                }
            }
        }
        if (pk == null) {
            throw new ModelDefinitionException(type.getSimpleName() + " has no primary key: annotate a field with @Id or"
                    + " name it id");
        }
        checkKeyColumn(pk);
        return List.of(pk);
    }

    private static void checkKeyColumn(ShapeField pk) {
        if (pk.role() != ShapeField.Role.COLUMN || pk.scalar().json() || pk.scalar().kind() == ValueKind.ARRAY) {
            throw new ModelDefinitionException(pk.qualifiedName() + ": a primary key must be a scalar column (integer,"
                    + " string, UUID, ...), not " + pk.genericType().getTypeName());
        }
    }

    /**
     * A composite key is chosen by the application ({@code CLIENT}): the databases generate at
     * most one identity per table, and never a part of a key. {@code @Id}'s default strategy is
     * accepted on each field; {@code UUID} is refused.
     */
    private static IdStrategy compositeStrategy(List<ShapeField> keys) {
        for (ShapeField f : keys) {
            Id id = f.field().getAnnotation(Id.class);
            if (id.strategy() == IdStrategy.UUID) {
                throw new ModelDefinitionException(f.qualifiedName() + ": the fields of a composite primary key "
                        + keys.stream().map(ShapeField::name).toList() + " are set by the application; strategy = UUID"
                        + " is not supported on them (set a UUID yourself, or use a single @Id)");
            }
        }
        return IdStrategy.CLIENT;
    }

    private static IdStrategy idStrategy(ShapeField pk) {
        Id id = pk.field().getAnnotation(Id.class);
        boolean integer = pk.scalar().kind() == ValueKind.INT && pk.type() != Duration.class;
        if (id == null) {
            return integer ? IdStrategy.AUTO : pk.type() == UUID.class ? IdStrategy.UUID : IdStrategy.CLIENT;
        }
        if (id.strategy() == IdStrategy.AUTO && !integer) {
            throw new ModelDefinitionException(pk.qualifiedName() + ": @Id(strategy = AUTO) is generated by the database"
                    + " and needs an integer field, not " + pk.type().getSimpleName()
                    + "; use strategy = UUID (random UUID made by Oxyde) or CLIENT (set by the application)");
        }
        if (id.strategy() == IdStrategy.UUID && pk.type() != UUID.class) {
            throw new ModelDefinitionException(pk.qualifiedName() + ": @Id(strategy = UUID) needs a java.util.UUID field,"
                    + " not " + pk.type().getSimpleName());
        }
        return id.strategy();
    }

    private static Object zero(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == double.class) {
            return 0.0d;
        }
        return 0.0f;
    }
}
