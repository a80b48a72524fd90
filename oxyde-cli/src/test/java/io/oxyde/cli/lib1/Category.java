package io.oxyde.cli.lib1;

import io.oxyde.annotation.Id;
import io.oxyde.Ref;

/** A category that may have a parent category. */
public record Category(@Id Long id, String name, Ref<Category> parent) {
}
