package io.oxyde.opentelemetry;

import io.oxyde.annotation.Id;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The model the tracing tests write and read. */
public record Sensor(@Id Long id, @NotBlank @Size(max = 40) String name) {
}
