package io.oxyde.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Columns line up: text left, numbers right, NULL shown, long cells shortened. */
class TextTableTest {

    @Test
    void alignsTextLeftAndNumbersRight() {
        String text = TextTable.of("artist", "albums", "revenue")
                .row("Iron Maiden", 21, new BigDecimal("1.50"))
                .row("U2", 10, null)
                .render();

        assertThat(text).isEqualTo("""
                  artist      | albums | revenue
                  ------------+--------+--------
                  Iron Maiden |     21 |    1.50
                  U2          |     10 |    NULL
                """);
    }

    @Test
    void shortensLongCellsAndRefusesRowsOfTheWrongWidth() {
        String text = TextTable.of("x").row("y".repeat(100)).render();
        assertThat(text.lines().skip(2).findFirst().orElseThrow()).hasSize(2 + 60).endsWith("y…");
        assertThatThrownBy(() -> TextTable.of("a", "b").row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 1 cells, the table has 2 columns [a, b]");
    }
}
