package io.oxyde.spring.app;

import io.oxyde.annotation.Id;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The test application's one model; its table comes from the migration in db/oxyde-test. */
public record Book(@Id Long id, @NotBlank @Size(max = 100) String title) {
}
