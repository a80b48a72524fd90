package io.oxyde.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.oxyde.Oxyde;
import io.oxyde.driver.OxydeDriver;
import io.oxyde.spring.app.Book;
import io.oxyde.spring.app.BookService;
import io.oxyde.spring.app.TestApplication;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The starter over the application's own DataSource (Spring Boot's HikariCP pool from
 * {@code spring.datasource.*}), with migrations from the classpath at start-up, the health
 * indicator and the rule for {@code @Transactional}. Each subclass runs it on one database.
 */
@SpringBootTest(classes = TestApplication.class)
@DirtiesContext
abstract class DataSourceStarterTests {

    private static TestDatabases.Owned database;

    @Autowired
    Oxyde db;
    @Autowired
    DataSource dataSource;
    @Autowired
    BookService books;
    @Autowired
    HealthContributor oxydeHealthContributor;

    static void register(DynamicPropertyRegistry registry, DatabaseKind kind) throws Exception {
        database = TestDatabases.open(kind);
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", () -> database.user() == null ? "" : database.user());
        registry.add("spring.datasource.password", () -> database.password() == null ? "" : database.password());
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        registry.add("oxyde.name", () -> "spring_" + kind.label());
        registry.add("oxyde.migrations.location", () -> "classpath:db/oxyde-test");
    }

    @AfterAll
    static void drop() throws Exception {
        database.close();
    }

    private long count(String title) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM book WHERE title = ?", Long.class, title);
    }

    @Test
    void theOxydeBeanBorrowsTheApplicationsPoolOnTheMigratedSchema() {
        assertThat(db.name()).startsWith("spring_");
        var pool = OxydeDriver.global().pools().get(db.name());
        assertThat(pool.redactedUrl()).isEqualTo(((HikariDataSource) dataSource).getJdbcUrl());
        assertThat(pool.maxConnections()).as("sized to spring.datasource.hikari.maximum-pool-size").isEqualTo(4);

        Book created = Oxyde.await(db.objects(Book.class).create(new Book(null, "Dune")));
        assertThat(created.id()).isNotNull();
        assertThat(count("Dune")).as("visible to JdbcTemplate on the same pool").isEqualTo(1L);
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM oxyde_migrations", Long.class))
                .as("the classpath migration was applied at start-up").isEqualTo(1L);
    }

    @Test
    void atomicInsideTransactionalIsRefusedAndWritesNothing() {
        assertThatThrownBy(() -> books.createInsideSpringTransaction("Refused"))
                .isInstanceOf(SpringTransactionConflictException.class)
                .hasMessageContaining("@Transactional")
                .hasMessageContaining("BookService.createInsideSpringTransaction");
        assertThat(count("Refused")).isZero();
    }

    @Test
    void atomicOutsideTransactionalCommits() {
        Book created = books.createWithAtomic("Committed");
        assertThat(created.id()).isNotNull();
        assertThat(count("Committed")).isEqualTo(1L);
    }

    @Test
    void healthIsUpWithThePoolsLoad() {
        HealthContributor contributor = ((CompositeHealthContributor) oxydeHealthContributor).getContributor(db.name());
        Health health = ((HealthIndicator) contributor).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("database", db.name())
                .containsEntry("dialect", db.dialect().name()).containsEntry("maxConnections", 4)
                .containsKeys("activeConnections", "idleConnections", "queuedTasks", "openTransactions");
    }
}
