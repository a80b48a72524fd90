package io.oxyde.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.processor.internal.Names;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The metamodel processor carries its own copy of the naming rule (it must not depend on the
 * API at build time). This test keeps the two copies from drifting apart: a generated
 * {@code Track_} must name exactly the columns the runtime reads.
 */
class NamingAgreesWithProcessorTest {

    @Test
    void theProcessorAndTheRuntimeDeriveTheSameColumnNames() {
        List<String> names = List.of("id", "name", "unitPrice", "InvoiceLine", "mediaTypeId", "HTTPServer",
                "billingAddress2", "reportsTo", "x", "URL", "playlistTrack", "a1B2", "already_snake", "ÉcoleName");
        for (String name : names) {
            assertThat(Names.snakeCase(name)).as(name).isEqualTo(Naming.snakeCase(name));
        }
    }
}
