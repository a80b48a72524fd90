package io.oxyde.examples.spring;

import io.oxyde.testkit.DatabaseKind;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CatalogueHttpTests} on PostgreSQL. */
class PostgresCatalogueHttpTest extends CatalogueHttpTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        register(registry, DatabaseKind.POSTGRES);
    }
}
