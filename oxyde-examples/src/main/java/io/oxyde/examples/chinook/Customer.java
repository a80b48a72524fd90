package io.oxyde.examples.chinook;

import io.oxyde.Ref;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A customer, looked after by a sales support employee ({@code supportRep}).
 *
 * @param id         the primary key
 * @param firstName  given name
 * @param lastName   family name
 * @param company    employer, if any
 * @param address    street address
 * @param city       city
 * @param state      state or province
 * @param country    country
 * @param postalCode postal code
 * @param phone      phone number
 * @param fax        fax number
 * @param email      e-mail address (required and checked by {@code @Email})
 * @param supportRep the employee who looks after this customer
 */
public record Customer(Long id,
                       @NotBlank @Size(max = 40) String firstName,
                       @NotBlank @Size(max = 20) String lastName,
                       @Size(max = 80) String company,
                       @Size(max = 70) String address,
                       @Size(max = 40) String city,
                       @Size(max = 40) String state,
                       @Size(max = 40) String country,
                       @Size(max = 10) String postalCode,
                       @Size(max = 24) String phone,
                       @Size(max = 24) String fax,
                       @NotBlank @Email @Size(max = 60) String email,
                       Ref<Employee> supportRep) {
}
