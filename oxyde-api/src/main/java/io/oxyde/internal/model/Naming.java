package io.oxyde.internal.model;

/** The naming conventions: Java camelCase / PascalCase names to snake_case SQL names. */
public final class Naming {

    private Naming() {
    }

    /**
     * {@code InvoiceLine} → {@code invoice_line}, {@code unitPrice} → {@code unit_price},
     * {@code HTMLParser} → {@code html_parser}, {@code userID} → {@code user_id},
     * {@code address2} → {@code address2}.
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
}
