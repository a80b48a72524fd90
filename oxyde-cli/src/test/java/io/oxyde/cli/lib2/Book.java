package io.oxyde.cli.lib2;

import io.oxyde.Ref;

/** A book in a section. */
public record Book(Long id, String title, Ref<Section> category) {
}
