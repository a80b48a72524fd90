package io.oxyde.codec;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.oxyde.exception.ProtocolException;

/**
 * {@link IrCodec#validateTemplate} of a query's template plus {@link IrCodec#validateValues} of
 * its values enforce what {@link IrCodec#validate} of the query does, which is what lets the
 * driver validate a cached shape once and only the values afterwards.
 */
class SplitValidationTest {

    private static SelectIr byName(Value name) {
        return SelectIr.from("users").columns("id").filter(FilterNode.condition("name", Lookup.EQ, name)).build();
    }

    @Test
    void aValidQueryPassesBothHalves() {
        IrTemplate.Parameterized p = IrTemplate.parameterize(byName(Value.of("ann")));
        assertThatCode(() -> IrCodec.validateTemplate(p.template())).doesNotThrowAnyException();
        assertThatCode(() -> IrCodec.validateValues(p.values())).doesNotThrowAnyException();
    }

    @Test
    void aShapeRuleIsCaughtByTheTemplateHalfWithTheQuerysPath() {
        SelectIr bad = SelectIr.from("users").columns("id")
                .filter(FilterNode.condition("age", Lookup.BETWEEN, Value.of(18L))).build();
        String expected = messageOf(() -> IrCodec.validate(bad));
        IrTemplate.Parameterized p = IrTemplate.parameterize(bad);
        assertThatThrownBy(() -> IrCodec.validateTemplate(p.template())).isInstanceOf(ProtocolException.class)
                .hasMessage(expected);
    }

    @Test
    void valueRulesAreCaughtByTheValuesHalf() {
        BigDecimal huge = new BigDecimal(BigInteger.TEN.pow(30_000));
        SelectIr bigDecimal = byName(Value.of(huge));
        assertThatThrownBy(() -> IrCodec.validate(bigDecimal)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("decimal with more than");
        IrTemplate.Parameterized p = IrTemplate.parameterize(bigDecimal);
        assertThatCode(() -> IrCodec.validateTemplate(p.template())).doesNotThrowAnyException();
        assertThatThrownBy(() -> IrCodec.validateValues(p.values())).isInstanceOf(ProtocolException.class)
                .hasMessage("values[0]: decimal with more than 8192 bytes of digits");

        List<Value> slot = List.of(new Value.Param(0, ValueKind.TEXT));
        assertThatThrownBy(() -> IrCodec.validateValues(slot)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("values[0]: a parameter slot cannot be encoded");
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (ProtocolException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }
}
