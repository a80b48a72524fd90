package io.oxyde.cli.shop3;

import io.oxyde.Ref;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Version 3: the same purchases, now referencing {@link Client}. */
public record Purchase(Long id, @NotNull Ref<Client> customer, @NotNull @Digits(integer = 6, fraction = 2) BigDecimal amount) {
}
