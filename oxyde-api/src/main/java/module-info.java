/**
 * Oxyde's API: {@code Oxyde} to connect and query, and one package per other concept
 * (annotations, model metadata, the typed metamodel, aggregate expressions, migrations from
 * models, validation). Everything under {@code io.oxyde.internal} stays unexported.
 *
 * <p>Models are read reflectively (record components, canonical constructors, class fields,
 * through method handles from {@code MethodHandles.privateLookupIn}). An application on the
 * module path therefore opens its model packages to this module, and to Hibernate Validator,
 * which reads the same fields for Bean Validation:
 * {@code opens com.example.model to io.oxyde, org.hibernate.validator;}. Without it a model is
 * refused with a {@code ModelDefinitionException} that names the package to open.
 */
module io.oxyde {
    requires transitive io.oxyde.codec;
    requires transitive io.oxyde.driver;
    requires transitive io.oxyde.migrate;
    // ModelValidation hands out a jakarta.validation.Validator.
    requires transitive jakarta.validation;
    requires org.hibernate.validator;
    // Hibernate Validator interpolates messages through the expression language but requires
    // jakarta.el only statically; the API ships Expressly for it, so it puts jakarta.el in the
    // module graph (Expressly is then found as its ExpressionFactory service).
    requires jakarta.el;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.slf4j;

    exports io.oxyde;
    exports io.oxyde.annotation;
    exports io.oxyde.meta;
    exports io.oxyde.metamodel;
    exports io.oxyde.expression;
    exports io.oxyde.migration;
    exports io.oxyde.validation;
}
