package io.oxyde.testkit;

import io.oxyde.testkit.internal.AllDatabasesExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test method once per database: SQLite, PostgreSQL and MariaDB. The method
 * takes a {@link TestDatabase} parameter that points at an empty database of its own.
 *
 * <p>Why a template rather than three test classes: the point of Oxyde's integration tests is
 * that the <em>same</em> assertions hold on every dialect, so the same method runs everywhere.
 *
 * <p>Where the servers are: {@code OXYDE_TEST_PG_URL} and {@code OXYDE_TEST_MARIADB_URL} (JDBC
 * URLs, user and password as URL parameters) when set; otherwise the local services
 * ({@code 127.0.0.1:5432} database {@code test} user {@code postgres}; {@code 127.0.0.1:3306}
 * database {@code test} user {@code root}, empty password); otherwise, when Docker is
 * available, Testcontainers. A database that cannot be reached is skipped, except with
 * {@code CI=true}, where it fails the test with instructions to start it.
 * {@code OXYDE_TEST_DATABASES=sqlite,postgres} narrows the set for a quick local run (ignored
 * with {@code CI=true}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(AllDatabasesExtension.class)
public @interface AllDatabases {
}
