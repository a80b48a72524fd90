package io.oxyde.examples.chinook;

import io.oxyde.Ref;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One sale to a customer, with the billing address copied at the time of sale.
 *
 * @param id                the primary key
 * @param customer          who bought
 * @param invoiceDate       when
 * @param billingAddress    street address billed
 * @param billingCity       city billed
 * @param billingState      state billed
 * @param billingCountry    country billed
 * @param billingPostalCode postal code billed
 * @param total             the amount, exact ({@code NUMERIC(10, 2)})
 */
public record Invoice(Long id,
                      @NotNull Ref<Customer> customer,
                      @NotNull LocalDateTime invoiceDate,
                      @Size(max = 70) String billingAddress,
                      @Size(max = 40) String billingCity,
                      @Size(max = 40) String billingState,
                      @Size(max = 40) String billingCountry,
                      @Size(max = 10) String billingPostalCode,
                      @NotNull @Digits(integer = 8, fraction = 2) BigDecimal total) {
}
