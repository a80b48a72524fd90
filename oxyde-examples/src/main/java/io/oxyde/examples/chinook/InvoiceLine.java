package io.oxyde.examples.chinook;

import io.oxyde.annotation.ForeignKey;
import io.oxyde.migrate.ReferentialAction;
import io.oxyde.Ref;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * One track sold on an invoice; deleting the invoice deletes its lines. The table is
 * {@code invoice_line} by convention.
 *
 * @param id        the primary key
 * @param invoice   the invoice it belongs to
 * @param track     the track sold
 * @param unitPrice the price paid per unit
 * @param quantity  how many
 */
public record InvoiceLine(Long id,
                          @NotNull @ForeignKey(onDelete = ReferentialAction.CASCADE) Ref<Invoice> invoice,
                          @NotNull Ref<Track> track,
                          @NotNull @Digits(integer = 8, fraction = 2) BigDecimal unitPrice,
                          @Positive int quantity) {
}
