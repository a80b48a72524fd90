package io.oxyde.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IrTemplateTest {

    @Test
    void parameterizeThenBindGivesTheQueryBack() {
        for (QueryIr ir : Examples.all()) {
            IrTemplate.Parameterized p = IrTemplate.parameterize(ir);
            assertThat(IrTemplate.bind(p.template(), p.values())).isEqualTo(ir);
            assertThat(IrTemplate.slotCount(p.template())).isEqualTo(p.values().size());
            assertThat(IrTemplate.slotCount(ir)).isEqualTo(p.values().size());
        }
    }

    @Test
    void slotsAreNumberedInOrderAndArraysStayStructural() {
        IrTemplate.Parameterized p = IrTemplate.parameterize(Examples.seedSelect());
        assertThat(p.values()).containsExactly(Value.of(18), Value.of("active"));
        FilterNode.And and = (FilterNode.And) ((SelectIr) p.template()).filter();
        assertThat(((FilterNode.Condition) and.children().get(0)).value()).isEqualTo(new Value.Param(0, ValueKind.INT));
        assertThat(((FilterNode.Condition) and.children().get(1)).value()).isEqualTo(new Value.Param(1, ValueKind.TEXT));
        SelectIr in = SelectIr.from("t").filter(FilterNode.condition("a", Lookup.IN,
                Value.array(Value.of(5), Value.nullValue()))).build();
        FilterNode.Condition c = (FilterNode.Condition) ((SelectIr) IrTemplate.parameterize(in).template()).filter();
        assertThat(c.value()).isEqualTo(Value.array(new Value.Param(0, ValueKind.INT), new Value.Param(1, ValueKind.NULL)));
    }

    @Test
    void templatesOfTheSameShapeAreEqual() {
        SelectIr a = Examples.seedSelect();
        SelectIr b = a.toBuilder().filter(FilterNode.and(FilterNode.condition("age", Lookup.GTE, Value.of(99)),
                FilterNode.condition("status", Lookup.EQ, Value.of("gone")))).build();
        assertThat(IrTemplate.parameterize(a).template()).isEqualTo(IrTemplate.parameterize(b).template());
    }

    @Test
    void bindRejectsWrongKindsCountsAndLiterals() {
        QueryIr template = IrTemplate.parameterize(Examples.seedSelect()).template();
        assertThatThrownBy(() -> IrTemplate.bind(template, List.of(Value.of("18"), Value.of("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("slot 0 expects INT but got TEXT");
        assertThatThrownBy(() -> IrTemplate.bind(template, List.of(Value.of(18))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("slot 1 has no value (1 given)");
        assertThatThrownBy(() -> IrTemplate.bind(template, List.of(Value.of(1), Value.of("x"), Value.of(3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("template has 2 slots but 3 values were given");
        assertThatThrownBy(() -> IrTemplate.bind(Examples.seedSelect(), List.of(Value.of(1), Value.of("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a template: found a literal");
    }

    @Test
    void paramsRejectArraysAndNegativeIndices() {
        assertThatThrownBy(() -> new Value.Param(0, ValueKind.ARRAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Value.Param(-1, ValueKind.INT)).isInstanceOf(IllegalArgumentException.class);
    }
}
