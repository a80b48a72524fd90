package io.oxyde.internal.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;

/**
 * The one Hibernate Validator {@link ValidatorFactory}, created on first use (building it costs
 * tens of milliseconds and loads the expression language) and shared: factories and validators
 * are thread-safe and cache constraint metadata per class.
 */
public final class Validators {

    private Validators() {
    }

    private static final class Holder {
        static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class)
                .configure()
                .buildValidatorFactory();
        static final Validator VALIDATOR = FACTORY.getValidator();
    }

    /** The shared validator. */
    public static Validator validator() {
        return Holder.VALIDATOR;
    }
}
