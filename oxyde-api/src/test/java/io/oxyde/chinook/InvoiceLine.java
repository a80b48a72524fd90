package io.oxyde.chinook;

import io.oxyde.annotation.ForeignKey;
import io.oxyde.annotation.Id;
import io.oxyde.migrate.ReferentialAction;
import io.oxyde.Ref;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** A line of a Chinook invoice; the table is invoice_line by convention. */
public record InvoiceLine(@Id Long id,
                          @NotNull @ForeignKey(onDelete = ReferentialAction.CASCADE) Ref<Invoice> invoice,
                          @NotNull Ref<Track> track,
                          @NotNull @Digits(integer = 8, fraction = 2) BigDecimal unitPrice,
                          @Positive int quantity) {
}
