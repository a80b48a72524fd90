package io.oxyde.codec.internal;

/**
 * The identifier rule of the protocol: a table, column, alias or model name is non-empty, at
 * most {@link WireFormat#MAX_IDENTIFIER_CHARS} characters (code points) long and free of
 * control characters (NUL included). Quotes, dots and spaces are allowed: the renderer quotes
 * every identifier, so they cannot break out of it.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** What is wrong with {@code name}, or {@code null} if it is a valid identifier. */
    public static String problem(String name) {
        int len = name.length();
        if (len == 0) {
            return "identifier is empty";
        }
        int count = 0;
        for (int i = 0; i < len; ) {
            int cp = name.codePointAt(i);
            if (Character.isISOControl(cp)) {
                return String.format("identifier contains the control character U+%04X", cp);
            }
            count++;
            i += Character.charCount(cp);
        }
        if (count > WireFormat.MAX_IDENTIFIER_CHARS) {
            return "identifier longer than " + WireFormat.MAX_IDENTIFIER_CHARS + " characters";
        }
        return null;
    }
}
