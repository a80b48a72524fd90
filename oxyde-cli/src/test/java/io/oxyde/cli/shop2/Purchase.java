package io.oxyde.cli.shop2;

import io.oxyde.Ref;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Version 2, unchanged apart from pointing at version 2 of {@link Customer}. */
public record Purchase(Long id, @NotNull Ref<Customer> customer, @NotNull @Digits(integer = 6, fraction = 2) BigDecimal amount) {
}
