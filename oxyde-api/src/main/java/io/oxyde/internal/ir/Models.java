package io.oxyde.internal.ir;

import io.oxyde.exception.MappingException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds and copies models by field name, including relation collections (which have no
 * column and so are not part of the row mapper). Records are copied through their canonical
 * constructor ("withers"); classes are changed in place, since they are mutable anyway.
 */
public final class Models {

    private static final ClassValue<Access> ACCESS = new ClassValue<>() {
        @Override
        protected Access computeValue(Class<?> type) {
            return new Access(type);
        }
    };

    private Models() {
    }

    /**
     * A model like {@code model} but with {@code field} set to {@code value}. For a record this
     * is one method-handle call per copy (its accessors feeding its canonical constructor, with
     * {@code value} in the field's place), built once per record type and field: eager joins and
     * prefetches copy a model per row through here.
     */
    @SuppressWarnings("unchecked")
    public static <T> T with(T model, String field, Object value) {
        Access a = ACCESS.get(model.getClass());
        if (a.canonical == null) {
            return with(model, java.util.Collections.singletonMap(field, value));
        }
        MethodHandle wither = a.wither(field);
        try {
            return (T) wither.invokeExact((Object) model, value);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) { // a value of the wrong type, or the record's constructor refused it
            throw new MappingException("cannot set [" + field + "] on " + model.getClass().getSimpleName() + ": " + e, e);
        }
    }

    /** A model like {@code model} with the given fields replaced (null values allowed). */
    @SuppressWarnings("unchecked")
    public static <T> T with(T model, Map<String, ?> changes) {
        Access a = ACCESS.get(model.getClass());
        try {
            if (a.canonical != null) {
                Object[] args = new Object[a.names.size()];
                for (int i = 0; i < args.length; i++) {
                    String name = a.names.get(i);
                    args[i] = changes.containsKey(name) ? changes.get(name) : a.components[i].getAccessor().invoke(model);
                }
                return (T) a.canonical.newInstance(args);
            }
            for (Map.Entry<String, ?> e : changes.entrySet()) {
                a.field(e.getKey()).set(model, e.getValue());
            }
            return model;
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new MappingException("cannot set " + changes.keySet() + " on " + model.getClass().getSimpleName()
                    + ": " + e, e);
        }
    }

    /** The value of a field (record component or instance field) by name. */
    public static Object get(Object model, String field) {
        Access a = ACCESS.get(model.getClass());
        try {
            if (a.canonical != null) {
                return a.components[a.names.indexOf(field)].getAccessor().invoke(model);
            }
            return a.field(field).get(model);
        } catch (ReflectiveOperationException | IndexOutOfBoundsException e) {
            throw new MappingException("cannot read " + field + " of " + model.getClass().getSimpleName() + ": " + e, e);
        }
    }

    /** A new model from field values; absent fields are {@code null} (or zero for primitives). */
    @SuppressWarnings("unchecked")
    public static <T> T create(Class<T> type, Map<String, ?> values) {
        Access a = ACCESS.get(type);
        try {
            if (a.canonical != null) {
                Object[] args = new Object[a.names.size()];
                for (int i = 0; i < args.length; i++) {
                    Object v = values.get(a.names.get(i));
                    args[i] = v == null ? zero(a.components[i].getType()) : v;
                }
                return (T) a.canonical.newInstance(args);
            }
            T instance = (T) a.noArg.newInstance();
            for (Map.Entry<String, ?> e : values.entrySet()) {
                a.field(e.getKey()).set(instance, e.getValue());
            }
            return instance;
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new MappingException("cannot build " + type.getSimpleName() + " from " + values.keySet() + ": " + e, e);
        }
    }

    /** The names of every field (columns and relation collections) of a model type. */
    public static List<String> fieldNames(Class<?> type) {
        return ACCESS.get(type).names;
    }

    private static Object zero(Class<?> t) {
        if (!t.isPrimitive()) {
            return null;
        }
        if (t == boolean.class) {
            return false;
        }
        if (t == char.class) {
            return '\0';
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == double.class) {
            return 0d;
        }
        if (t == float.class) {
            return 0f;
        }
        if (t == short.class) {
            return (short) 0;
        }
        if (t == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    private static final class Access {
        final Constructor<?> canonical;
        final Constructor<?> noArg;
        final RecordComponent[] components;
        final List<String> names = new ArrayList<>();
        final Map<String, Field> fields = new HashMap<>();
        private final java.util.concurrent.ConcurrentHashMap<String, MethodHandle> withers =
                new java.util.concurrent.ConcurrentHashMap<>();

        /** {@code (Object model, Object value) -> Object copy} with {@code field} replaced (records only). */
        MethodHandle wither(String field) {
            MethodHandle mh = withers.get(field);
            return mh != null ? mh : withers.computeIfAbsent(field, this::buildWither);
        }

        private MethodHandle buildWither(String field) {
            int k = names.indexOf(field);
            if (k < 0) {
                throw new MappingException("cannot set [" + field + "] on " + canonical.getDeclaringClass().getSimpleName()
                        + ": no such field", null);
            }
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                Class<?> type = canonical.getDeclaringClass();
                MethodHandle ctor = lookup.unreflectConstructor(canonical); // (A0 … An) -> T
                MethodHandle[] accessors = new MethodHandle[components.length];
                for (int i = 0; i < components.length; i++) {
                    if (i != k) {
                        accessors[i] = lookup.unreflect(components[i].getAccessor()); // (T) -> Ai
                    }
                }
                MethodHandle fromModel = MethodHandles.filterArguments(ctor, 0, accessors); // (T … Ak … T) -> T
                int[] reorder = new int[components.length];
                reorder[k] = 1;
                MethodHandle mh = MethodHandles.permuteArguments(fromModel,
                        MethodType.methodType(type, type, components[k].getType()), reorder); // (T, Ak) -> T
                return mh.asType(MethodType.methodType(Object.class, Object.class, Object.class));
            } catch (IllegalAccessException e) {
                throw new MappingException("cannot copy " + canonical.getDeclaringClass().getSimpleName() + ": " + e, e);
            }
        }

        Access(Class<?> type) {
            try {
                if (type.isRecord()) {
                    components = type.getRecordComponents();
                    Class<?>[] types = new Class<?>[components.length];
                    for (int i = 0; i < components.length; i++) {
                        types[i] = components[i].getType();
                        names.add(components[i].getName());
                        components[i].getAccessor().setAccessible(true);
                    }
                    canonical = type.getDeclaredConstructor(types);
                    canonical.setAccessible(true);
                    noArg = null;
                } else {
                    components = null;
                    canonical = null;
                    noArg = type.getDeclaredConstructor();
                    noArg.setAccessible(true);
                    List<Class<?>> chain = new ArrayList<>();
                    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                        chain.add(0, c);
                    }
                    Map<String, Field> ordered = new LinkedHashMap<>();
                    for (Class<?> c : chain) {
                        for (Field f : c.getDeclaredFields()) {
                            if (!Modifier.isStatic(f.getModifiers())) {
                                f.setAccessible(true);
                                ordered.put(f.getName(), f);
                            }
                        }
                    }
                    fields.putAll(ordered);
                    names.addAll(ordered.keySet());
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new MappingException("cannot access the fields of " + type.getName() + ": " + e, e);
            }
        }

        Field field(String name) {
            Field f = fields.get(name);
            if (f == null) {
                throw new MappingException(name + " is not a field of " + noArg.getDeclaringClass().getSimpleName());
            }
            return f;
        }
    }
}
