package io.oxyde.spring;

import io.oxyde.testkit.DatabaseKind;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link DataSourceStarterTests} on SQLite. */
class SqliteDataSourceStarterTest extends DataSourceStarterTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        register(registry, DatabaseKind.SQLITE);
    }
}
