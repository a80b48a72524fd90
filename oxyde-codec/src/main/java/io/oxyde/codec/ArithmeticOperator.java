package io.oxyde.codec;

/** The binary operators of an {@link Expr.Binary}: {@code + − × ÷}. */
public enum ArithmeticOperator {
    ADD("add"),
    SUB("sub"),
    MUL("mul"),
    DIV("div");

    private final String wireName;

    ArithmeticOperator(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ArithmeticOperator fromWireName(String name) {
        for (ArithmeticOperator o : values()) {
            if (o.wireName.equals(name)) {
                return o;
            }
        }
        return null;
    }
}
