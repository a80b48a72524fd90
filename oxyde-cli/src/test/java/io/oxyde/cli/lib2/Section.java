package io.oxyde.cli.lib2;

import io.oxyde.annotation.Id;
import io.oxyde.Ref;
import io.oxyde.annotation.RenamedFrom;

/** Version 2 of {@code Category}: the table is renamed, its self-reference and index follow. */
@RenamedFrom("category")
public record Section(@Id Long id, String name, Ref<Section> parent) {
}
