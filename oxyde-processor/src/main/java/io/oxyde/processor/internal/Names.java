package io.oxyde.processor.internal;

import java.util.Locale;

/** Naming rules shared with oxyde-api's runtime metadata (io.oxyde.internal.model.Naming). */
public final class Names {

    private Names() {
    }

    /**
     * {@code InvoiceLine} → {@code invoice_line}, {@code unitPrice} → {@code unit_price},
     * {@code HTMLParser} → {@code html_parser}, {@code userID} → {@code user_id}: the same rule
     * as the runtime, so the column named in the Javadoc is the one the runtime uses.
     */
    public static String snakeCase(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    char prev = name.charAt(i - 1);
                    boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                    if (prev != '_' && (Character.isLowerCase(prev) || Character.isDigit(prev)
                            || (Character.isUpperCase(prev) && nextLower))) {
                        sb.append('_');
                    }
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The constant of a field: {@code unitPrice} → {@code UNIT_PRICE}. */
    public static String constant(String fieldName) {
        return snakeCase(fieldName).toUpperCase(Locale.ROOT);
    }
}
