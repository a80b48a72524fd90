package io.oxyde.processor.internal;

import java.util.List;

/**
 * One generated constant: {@code public static final <kind><typeArgs> CONSTANT = <kind>.<factory>(args);}
 * with its Javadoc. Type names are already rendered relative to the generated file's imports.
 *
 * @param constant the constant's name, e.g. {@code UNIT_PRICE}
 * @param field the model field name, which is also the string API's path
 * @param kind the qualified attribute class, e.g. {@code io.oxyde.metamodel.NumberAttribute}
 * @param factory the factory method of {@code kind}
 * @param typeArgs the attribute's type arguments after the model, as qualified type names
 * @param extraArgs factory arguments after model and path: class literals (qualified, ending in {@code .class})
 * @param javadoc the Javadoc sentence (already escaped)
 */
record AttributeSpec(String constant, String field, String kind, String factory, List<TypeRef> typeArgs,
        List<TypeRef> extraArgs, String javadoc) {
}
