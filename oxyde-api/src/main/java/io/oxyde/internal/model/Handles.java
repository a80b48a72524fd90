package io.oxyde.internal.model;

import io.oxyde.exception.ModelDefinitionException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Builds the method handles a model is read and written through, once per field: record
 * accessors and canonical constructors, or for classes a no-arg constructor and public setters
 * (falling back to direct field access through {@link MethodHandles#privateLookupIn}). All
 * handles are adapted to erased {@code Object} signatures so the mapper can call them with
 * {@code invokeExact}.
 */
final class Handles {

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private Handles() {
    }

    static MethodHandles.Lookup lookup(Class<?> type) {
        try {
            // On the module path a method handle needs readability as well as the opened
            // package (core reflection assumes readability; lookups do not): read the model's
            // module first. A no-op on the class path, where every module is read.
            Handles.class.getModule().addReads(type.getModule());
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException | SecurityException e) {
            throw new ModelDefinitionException("cannot access model " + type.getName() + ": its package must be open to"
                    + " Oxyde (in module-info.java: opens " + type.getPackageName()
                    + " to io.oxyde, org.hibernate.validator;)", e);
        }
    }

    static MethodHandle getter(Field field, Method accessor) {
        try {
            MethodHandles.Lookup lookup = lookup(field.getDeclaringClass());
            MethodHandle h = accessor != null ? lookup.unreflect(accessor) : lookup.unreflectGetter(field);
            return h.asType(GETTER);
        } catch (IllegalAccessException e) {
            throw new ModelDefinitionException("cannot read field " + where(field) + ": " + e.getMessage(), e);
        }
    }

    /** A public {@code setX(T)} if the class has one, else direct field access. */
    static MethodHandle setter(Class<?> modelClass, Field field) {
        String name = "set" + Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        try {
            Method m = modelClass.getMethod(name, field.getType());
            if (!Modifier.isStatic(m.getModifiers())) {
                return lookup(m.getDeclaringClass()).unreflect(m).asType(SETTER);
            }
        } catch (NoSuchMethodException | IllegalAccessException e) {
            // no usable setter: write the field directly
        }
        try {
            if (Modifier.isFinal(field.getModifiers())) {
                field.setAccessible(true);
            }
            return lookup(field.getDeclaringClass()).unreflectSetter(field).asType(SETTER);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new ModelDefinitionException("cannot write field " + where(field) + ": " + e.getMessage(), e);
        }
    }

    /** The canonical constructor as {@code (Object, ..., Object)Object}. */
    static MethodHandle canonicalConstructor(Class<?> record, Class<?>[] types) {
        try {
            Constructor<?> c = record.getDeclaredConstructor(types);
            MethodHandle h = lookup(record).unreflectConstructor(c);
            return h.asType(h.type().generic());
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new ModelDefinitionException("cannot use the canonical constructor of record " + record.getName()
                    + ": " + e.getMessage(), e);
        }
    }

    static MethodHandle noArgConstructor(Class<?> type) {
        try {
            return lookup(type).findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException e) {
            throw new ModelDefinitionException("model class " + type.getName() + " needs a no-argument constructor"
                    + " (or make it a record)");
        } catch (IllegalAccessException e) {
            throw new ModelDefinitionException("cannot use the no-argument constructor of " + type.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    static String where(Field field) {
        return field.getDeclaringClass().getSimpleName() + "." + field.getName();
    }

    /** Rethrows what a handle threw: unchecked as is, checked wrapped. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
