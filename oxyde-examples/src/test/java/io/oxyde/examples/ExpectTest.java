package io.oxyde.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A wrong showcase result fails loudly, naming the check; equal numbers of different types pass. */
class ExpectTest {
    private final Expect expect = new Expect();

    @Test
    void aWrongValueFailsNamingTheCheckAndBothValues() {
        assertThatThrownBy(() -> expect.equal("artists", 275, 274L))
                .isInstanceOf(TourFailure.class)
                .hasMessage("check failed: artists: expected 275 but got 274");
        assertThatThrownBy(() -> expect.equal("names", List.of("AC/DC"), List.of("Accept")))
                .hasMessageContaining("names: expected [AC/DC] but got [Accept]");
        assertThatThrownBy(() -> expect.that("joined", false)).hasMessage("check failed: joined");
        assertThat(expect.passed()).isZero();
    }

    @Test
    void numbersCompareByValueAcrossTypesAndMoneyIsRoundedToCents() {
        expect.equal("count", 3503, 3503L);
        expect.equal("list", List.of(21, 14), List.of(21L, 14L));
        expect.money("sum", "523.06", 523.0599999999999);
        expect.money("sum", "2328.60", new BigDecimal("2328.6"));
        assertThat(expect.passed()).isEqualTo(4);
        assertThatThrownBy(() -> expect.money("sum", "523.06", 523.07)).isInstanceOf(TourFailure.class);
    }
}
