package io.oxyde.driver.internal;

import io.oxyde.driver.ResultRow;
import java.math.BigDecimal;

/**
 * What the two {@link ResultRow}s share: the holders a typed read that answered
 * {@link ResultRow#READ} leaves its value in, until the next read of that type.
 */
abstract class TypedRow implements ResultRow {

    long longValue;
    double doubleValue;
    String textValue;
    BigDecimal decimalValue;

    @Override
    public final long longValue() {
        return longValue;
    }

    @Override
    public final double doubleValue() {
        return doubleValue;
    }

    @Override
    public final String textValue() {
        return textValue;
    }

    @Override
    public final BigDecimal decimalValue() {
        return decimalValue;
    }
}
