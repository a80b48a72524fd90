package io.oxyde.chinook;

import io.oxyde.annotation.Id;
import io.oxyde.Ref;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A Chinook invoice. */
public record Invoice(@Id Long id,
                      @NotNull Ref<Customer> customer,
                      @NotNull LocalDateTime invoiceDate,
                      @Size(max = 70) String billingAddress,
                      @Size(max = 40) String billingCity,
                      @Size(max = 40) String billingState,
                      @Size(max = 40) String billingCountry,
                      @Size(max = 10) String billingPostalCode,
                      @NotNull @Digits(integer = 8, fraction = 2) BigDecimal total) {
}
