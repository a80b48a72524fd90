package io.oxyde.examples.chinook;

import io.oxyde.annotation.ForeignKey;
import io.oxyde.migrate.ReferentialAction;
import io.oxyde.Ref;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;

/**
 * A store employee. {@code reportsTo} references another employee (a self-reference); when the
 * manager is deleted the column is set to NULL instead of blocking the delete.
 *
 * @param id         the primary key
 * @param lastName   family name
 * @param firstName  given name
 * @param title      job title
 * @param reportsTo  the manager, if any
 * @param birthDate  date of birth
 * @param hireDate   date of hiring
 * @param address    street address
 * @param city       city
 * @param state      state or province
 * @param country    country
 * @param postalCode postal code
 * @param phone      phone number
 * @param fax        fax number
 * @param email      e-mail address
 */
public record Employee(Long id,
                       @NotBlank @Size(max = 20) String lastName,
                       @NotBlank @Size(max = 20) String firstName,
                       @Size(max = 30) String title,
                       @ForeignKey(onDelete = ReferentialAction.SET_NULL) Ref<Employee> reportsTo,
                       LocalDateTime birthDate,
                       LocalDateTime hireDate,
                       @Size(max = 70) String address,
                       @Size(max = 40) String city,
                       @Size(max = 40) String state,
                       @Size(max = 40) String country,
                       @Size(max = 10) String postalCode,
                       @Size(max = 24) String phone,
                       @Size(max = 24) String fax,
                       @Email @Size(max = 60) String email) {
}
