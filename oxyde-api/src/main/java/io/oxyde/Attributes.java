package io.oxyde;

import io.oxyde.metamodel.Attribute;
import io.oxyde.metamodel.Order;

/** Helpers turning typed attributes into the string API's arguments. */
final class Attributes {

    private Attributes() {
    }

    /** The paths of these attributes. */
    static String[] paths(Attribute<?, ?>[] attributes) {
        String[] out = new String[attributes.length];
        for (int i = 0; i < attributes.length; i++) {
            out[i] = attributes[i].path();
        }
        return out;
    }

    /** The string order terms ({@code "-milliseconds"}) of these typed terms. */
    static String[] terms(Order<?>[] terms) {
        String[] out = new String[terms.length];
        for (int i = 0; i < terms.length; i++) {
            out[i] = terms[i].term();
        }
        return out;
    }

    /** An unchecked cast of a value read with its field's codec to the attribute's type. */
    @SuppressWarnings("unchecked")
    static <V> V cast(Object value) {
        return (V) value;
    }
}
