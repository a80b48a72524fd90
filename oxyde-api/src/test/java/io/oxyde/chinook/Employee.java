package io.oxyde.chinook;

import io.oxyde.annotation.ForeignKey;
import io.oxyde.annotation.Id;
import io.oxyde.migrate.ReferentialAction;
import io.oxyde.Ref;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;

/** A Chinook employee; {@code reportsTo} references another employee (a self-reference). */
public record Employee(@Id Long id,
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
