package io.oxyde.maven.models;

import io.oxyde.annotation.Id;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The sample project's model. */
public record Author(@Id Long id, @NotBlank @Size(max = 80) String name) {
}
