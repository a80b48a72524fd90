package io.oxyde.codec.internal;

/**
 * The identifier rule of the protocol: a table, column, alias or model name is non-empty, at
 * most {@link WireFormat#MAX_IDENTIFIER_CHARS} characters (code points) long, and holds none of
 * the characters that a SQL parser <em>on the client side</em> gives a meaning to.
 *
 * <p>Why quoting alone is not enough: the renderer quotes every identifier for the server, but
 * JDBC drivers parse the SQL text themselves before it is sent, and their parsers do not always
 * agree with the server. MySQL Connector/J's client-side prepared statements treat a backslash
 * as an escape even inside a back-quoted identifier, so the alias {@code \`?} made it take the
 * {@code ?} inside the quotes as a placeholder and splice a bound value into the SQL as text.
 * An identifier that holds no quote character, no {@code ?}, no backslash, no braces (JDBC
 * escapes) and no {@code ;} cannot move any client parser out of step with the server: every
 * {@code ?} in the text is then a placeholder the renderer wrote. Control and format characters
 * (line breaks, NUL, bidirectional overrides, zero-width characters) and unpaired surrogates are
 * refused too: they hide what a name really is from the people who read logs and schemas.
 *
 * <p>Spaces, dots, {@code $}, {@code #}, {@code -}, brackets and letters of every script are
 * allowed, so legacy names such as {@code "Order Date"} still map.
 */
public final class Identifiers {

    /** The characters no identifier may hold, as one string (for messages and docs). */
    public static final String FORBIDDEN = "' \" ` ? \\ { } ;";

    private Identifiers() {
    }

    /** What is wrong with {@code name}, or {@code null} if it is a valid identifier. */
    public static String problem(String name) {
        if (name == null) {
            return "identifier is missing";
        }
        int len = name.length();
        if (len == 0) {
            return "identifier is empty";
        }
        int count = 0;
        for (int i = 0; i < len; ) {
            int cp = name.codePointAt(i);
            String bad = problem(cp);
            if (bad != null) {
                return "identifier \"" + printable(name) + "\" contains " + bad;
            }
            count++;
            i += Character.charCount(cp);
        }
        if (count > WireFormat.MAX_IDENTIFIER_CHARS) {
            return "identifier longer than " + WireFormat.MAX_IDENTIFIER_CHARS + " characters";
        }
        return null;
    }

    private static String problem(int cp) {
        String quoted = switch (cp) {
            case '\'', '"', '`' -> "a quote character (" + (char) cp + "); identifiers may not hold " + FORBIDDEN;
            case '?' -> "'?', which a JDBC driver could take for a placeholder";
            case '\\' -> "a backslash, which a JDBC driver could take for an escape";
            case '{', '}' -> "a brace (" + (char) cp + "), which a JDBC driver could take for an escape sequence";
            case ';' -> "';', the statement separator";
            default -> null;
        };
        if (quoted != null) {
            return quoted;
        }
        if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
            return String.format("an unpaired surrogate U+%04X", cp);
        }
        if (Character.isISOControl(cp)) {
            return String.format("the control character U+%04X", cp);
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return String.format("the invisible character U+%04X", cp);
        }
        return null;
    }

    /** The name with control and invisible characters escaped, safe to put in a message. */
    private static String printable(String name) {
        StringBuilder sb = new StringBuilder(Math.min(name.length(), 80));
        for (int i = 0; i < name.length() && sb.length() < 80; ) {
            int cp = name.codePointAt(i);
            if (Character.isISOControl(cp) || cp > 0x7E && problem(cp) != null) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
