package io.oxyde.cli.lib1;

import io.oxyde.Ref;

/** A book in a category. */
public record Book(Long id, String title, Ref<Category> category) {
}
