package io.oxyde.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JdbcUrlTest {

    @Test
    void pointsAServerUrlAtAnotherDatabaseWithoutCredentials() {
        JdbcUrl url = JdbcUrl.parse("jdbc:mysql://db.local:3307/test?user=root&password=s%40cret&sslMode=DISABLED", "env");
        assertThat(url.params()).containsEntry("user", "root").containsEntry("password", "s@cret");
        assertThat(url.withDatabase("other", Map.of())).isEqualTo("jdbc:mysql://db.local:3307/other?sslMode=DISABLED");
        assertThat(url.toOxydeUrl("mariadb", "other", Map.of()))
                .isEqualTo("mariadb://root@db.local:3307/other?sslMode=DISABLED")
                .doesNotContain("cret");
    }

    @Test
    void addsParametersToAUrlWithoutAny() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://127.0.0.1:5432/test", "env");
        assertThat(url.withDatabase("test", Map.of("currentSchema", "s1")))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=s1");
    }

    @Test
    void namesTheVariableOfAMalformedUrl() {
        assertThatThrownBy(() -> JdbcUrl.parse("postgres://x", "OXYDE_TEST_PG_URL"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OXYDE_TEST_PG_URL");
    }
}
