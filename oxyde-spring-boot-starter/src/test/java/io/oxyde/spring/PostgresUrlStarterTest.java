package io.oxyde.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.migration.Migrations;
import io.oxyde.Oxyde;
import io.oxyde.driver.OxydeDriver;
import io.oxyde.dialect.Dialect;
import io.oxyde.spring.app.Book;
import io.oxyde.spring.app.TestApplication;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter without an application DataSource: the main database from {@code oxyde.url} and
 * {@code oxyde.pool.*}, a named database from {@code oxyde.databases.replica.url}, migrations
 * from a filesystem directory, on PostgreSQL.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
        "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "oxyde.name=spring_url_main",
        "oxyde.pool.max-connections=3",
        "oxyde.pool.statement-timeout=10s",
        "oxyde.databases.spring_url_replica.pool.max-connections=2"})
@DirtiesContext
class PostgresUrlStarterTest {

    private static TestDatabases.Owned database;
    private static Path migrations;

    @Autowired
    Oxyde db;
    @Autowired
    OxydeDatabases databases;
    @Autowired
    HealthContributor oxydeHealthContributor;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        database = TestDatabases.open(DatabaseKind.POSTGRES);
        migrations = Files.createTempDirectory("oxyde-spring-migrations");
        Migrations.makeMigrations(List.of(Book.class), migrations, "initial", false).orElseThrow();
        registry.add("oxyde.url", database::oxydeUrl);
        registry.add("oxyde.databases.spring_url_replica.url", database::oxydeUrl);
        registry.add("oxyde.migrations.location", migrations::toString); // a directory path
    }

    @AfterAll
    static void drop() throws Exception {
        database.close();
        try (var files = Files.list(migrations)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(migrations);
    }

    @Test
    void theMainDatabaseComesFromOxydeUrlWithItsPoolSettings() {
        assertThat(db.name()).isEqualTo("spring_url_main");
        assertThat(db.dialect()).isEqualTo(Dialect.POSTGRES);
        var pool = OxydeDriver.global().pools().get("spring_url_main");
        assertThat(pool.maxConnections()).isEqualTo(3);
        assertThat(pool.settings().timeouts().statement()).hasSeconds(10);
        Book created = Oxyde.await(db.objects(Book.class).create(new Book(null, "From the URL")));
        assertThat(created.id()).isNotNull();
    }

    @Test
    void namedDatabasesAreOpenAndFoundByName() {
        Oxyde replica = databases.get("spring_url_replica");
        assertThat(databases.names()).containsExactly("spring_url_replica");
        assertThat(OxydeDriver.global().pools().get("spring_url_replica").maxConnections()).isEqualTo(2);
        Oxyde.await(db.objects(Book.class).create(new Book(null, "Seen by the replica")));
        assertThat(Oxyde.await(replica.objects(Book.class).filter("title", "Seen by the replica").count())).isEqualTo(1L);
        assertThat(Oxyde.await(db.using("spring_url_replica").objects(Book.class).count())).isPositive();
        assertThatThrownBy(() -> databases.get("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("configured: [spring_url_replica]");
    }

    @Test
    void healthCoversEveryDatabase() {
        CompositeHealthContributor all = (CompositeHealthContributor) oxydeHealthContributor;
        for (String name : List.of("spring_url_main", "spring_url_replica")) {
            assertThat(((HealthIndicator) all.getContributor(name)).health().getStatus()).as(name).isEqualTo(Status.UP);
        }
    }
}
