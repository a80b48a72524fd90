package io.oxyde.spring;

import io.oxyde.testkit.DatabaseKind;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link DataSourceStarterTests} on PostgreSQL. */
class PostgresDataSourceStarterTest extends DataSourceStarterTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        register(registry, DatabaseKind.POSTGRES);
    }
}
