package io.oxyde.internal.mapping;

import io.oxyde.meta.FieldMeta;
import io.oxyde.exception.MappingException;
import io.oxyde.Ref;
import io.oxyde.codec.Value;
import io.oxyde.internal.convert.FieldCodec;
import io.oxyde.internal.convert.Unconvertible;
import io.oxyde.internal.model.ModelShape;
import io.oxyde.internal.model.ShapeField;
import java.lang.invoke.MethodHandle;

/**
 * Everything needed to move one stored field between a model instance and an IR value,
 * resolved once: the codec (for a foreign key, the codec of the target's primary key), the
 * access handles and, for foreign keys, how the Java side holds the reference.
 */
final class Slot {

    /** How the field holds its value. */
    enum Mode {
        /** The value itself. */
        PLAIN,
        /** A {@link Ref} holding the target's id. */
        REF,
        /** An instance of the target model (a stub holding only the primary key when read without a join). */
        MODEL
    }

    final ShapeField field;
    final FieldMeta meta;
    final FieldCodec codec;
    final Mode mode;
    final ModelShape target;
    /** For a foreign key: the target field it references (the key, or {@code toField}); else {@code null}. */
    final ShapeField referenced;
    final boolean primitive;
    final MethodHandle getter;
    final MethodHandle setter;
    /** For a column of a multi-column foreign key: its position in the key; else -1. */
    final int part;
    private final String modelName;

    Slot(String modelName, ShapeField field, FieldMeta meta, FieldCodec codec, Mode mode, ModelShape target,
         ShapeField referenced) {
        this.modelName = modelName;
        this.referenced = referenced;
        this.field = field;
        this.meta = meta;
        this.codec = codec;
        this.mode = mode;
        this.target = target;
        this.primitive = field.type().isPrimitive();
        this.getter = field.getter();
        this.setter = field.setter();
        this.part = meta.isForeignKey() && meta.foreignKey().composite()
                ? meta.foreignKey().columns().indexOf(meta.column()) : -1;
    }

    /** Reads the field of a model instance. */
    Object get(Object model) {
        try {
            return (Object) getter.invokeExact(model);
        } catch (Throwable t) {
            throw new MappingException("cannot read field " + where() + ": " + t, t);
        }
    }

    /** The IR value of a Java value of this field (a Ref, a model or a raw id for foreign keys). */
    Value toValue(Object javaValue) {
        if (javaValue == null) {
            return Value.Null.INSTANCE;
        }
        try {
            Object plain = javaValue;
            if (mode != Mode.PLAIN) {
                if (javaValue instanceof Ref<?> ref) {
                    plain = ref.isLoaded() ? referencedValue(ref.get()) : part >= 0 ? keyPart(ref.id()) : ref.id();
                } else if (target.type().isInstance(javaValue)) {
                    plain = referencedValue(javaValue);
                } else if (part >= 0) {
                    plain = keyPart(javaValue);
                }
                if (plain == null && part >= 0) {
                    throw new MappingException("cannot write " + where() + " to column \"" + meta.column() + "\": the"
                            + " reference " + javaValue + " has no value for " + target.type().getSimpleName() + "."
                            + referenced.name() + " (a reference names the whole key, or is a null Ref)");
                }
                if (plain == null) {
                    return Value.Null.INSTANCE;
                }
            }
            return codec.toValue(plain);
        } catch (Unconvertible e) {
            throw new MappingException("cannot write " + where() + " to column \"" + meta.column() + "\": " + e.getMessage(), e);
        } catch (ClassCastException e) {
            throw new MappingException("cannot write " + where() + " to column \"" + meta.column() + "\": the value "
                    + javaValue + " (" + javaValue.getClass().getName() + ") is not a " + expected(), e);
        }
    }

    /** The field value of an IR value read from the column. */
    Object fromValue(Value value) {
        if (value instanceof Value.Null) {
            return nullValue();
        }
        Object plain;
        try {
            plain = codec.fromValue(value);
        } catch (Unconvertible e) {
            throw readFailure(value, e);
        }
        if (mode == Mode.PLAIN) {
            return plain;
        }
        if (mode == Mode.REF) {
            return refOf(plain);
        }
        return stub(plain);
    }

    /** The field value for NULL: {@code null}, or an error for a primitive field. */
    Object nullValue() {
        if (primitive) {
            throw new MappingException("cannot read column \"" + meta.column() + "\" into " + where()
                    + ": the value is NULL but the field is a primitive " + field.type().getName()
                    + " (use " + boxed() + " for a nullable column)");
        }
        return null;
    }

    MappingException readFailure(Value value, Unconvertible e) {
        return new MappingException("cannot read column \"" + meta.column() + "\" into " + where() + ": the value "
                + value + " is invalid: " + e.getMessage(), e);
    }

    /** This column's value of a composite key given as the list of its values in key order. */
    private Object keyPart(Object key) {
        if (!(key instanceof java.util.List<?> values) || values.size() != meta.foreignKey().columns().size()) {
            throw new MappingException("cannot write " + where() + " to column \"" + meta.column() + "\": "
                    + target.type().getSimpleName() + " has a composite key " + meta.foreignKey().targetColumns()
                    + ", so a reference to it holds the list of " + meta.foreignKey().columns().size() + " key values"
                    + " (Ref.key(" + target.type().getSimpleName() + ".class, ...)), not " + key);
        }
        return values.get(part);
    }

    /** The referenced field's value of a target model (its key, or the {@code toField}). */
    private Object referencedValue(Object model) {
        try {
            return (Object) referenced.getter().invokeExact(model);
        } catch (Throwable t) {
            throw new MappingException("cannot read " + target.type().getSimpleName() + "." + referenced.name() + " for "
                    + where() + ": " + t, t);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Object refOf(Object id) {
        return Ref.id((Class) target.type(), id);
    }

    private Object stub(Object id) {
        try {
            ShapeField pk = referenced; // the key, or the toField: what the column holds
            if (target.record()) {
                Object[] args = target.defaults().clone();
                args[pk.index()] = id;
                return target.instantiate(args);
            }
            Object instance = target.instantiate(null);
            pk.setter().invokeExact(instance, id);
            return instance;
        } catch (Throwable t) {
            throw new MappingException("cannot read column \"" + meta.column() + "\" into " + where() + ": building a "
                    + target.type().getSimpleName() + " that holds only its id " + id + " failed (" + t
                    + "); declare the field as Ref<" + target.type().getSimpleName() + "> or join it", t);
        }
    }

    String where() {
        return modelName + "." + field.name() + " (" + field.genericType().getTypeName().replaceAll("[\\w.]+\\.", "") + ")";
    }

    private String expected() {
        return mode == Mode.PLAIN ? codec.javaTypeName()
                : "Ref, " + target.type().getSimpleName() + " or " + codec.javaTypeName() + " id";
    }

    private String boxed() {
        Class<?> t = field.type();
        return t == int.class ? "Integer" : t == char.class ? "Character"
                : Character.toUpperCase(t.getName().charAt(0)) + t.getName().substring(1);
    }
}
