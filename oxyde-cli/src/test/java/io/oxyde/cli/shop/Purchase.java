package io.oxyde.cli.shop;

import io.oxyde.Ref;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** A test model referencing {@link Customer}. */
public record Purchase(Long id, @NotNull Ref<Customer> customer, @NotNull @Digits(integer = 6, fraction = 2) BigDecimal amount) {
}
