package io.oxyde.micrometer;

import io.oxyde.annotation.Id;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A sensor reading: the model the metrics tests write and read. */
public record Reading(@Id Long id, @NotBlank @Size(max = 40) String sensor, double value) {
}
