package io.oxyde.chinook;

import io.oxyde.annotation.Id;
import io.oxyde.Ref;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A Chinook customer, looked after by an employee ({@code supportRep}). */
public record Customer(@Id Long id,
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
