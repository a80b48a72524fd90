package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.dialect.Dialect;
import org.junit.jupiter.api.Test;
import io.oxyde.exception.ConfigurationException;

class DatabaseUrlTest {

    private static final String SECRET = "s3cr:et/p@ss";

    @Test
    void postgresqlWithCredentialsPortAndParams() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://alice:pw@db.example.com:6543/shop?sslmode=require");
        assertThat(u.dialect()).isEqualTo(Dialect.POSTGRES);
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/shop?sslmode=require");
        assertThat(u.user()).isEqualTo("alice");
        assertThat(u.password()).isEqualTo("pw");
        assertThat(u.inMemory()).isFalse();
    }

    @Test
    void postgresAliasDefaultsThePort() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://bob@localhost/app");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app");
        assertThat(u.user()).isEqualTo("bob");
        assertThat(u.password()).isNull();
    }

    @Test
    void percentEncodedAndReservedCharactersInThePassword() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://u%40corp:s3cr%3Aet%2Fp%40ss@h:1/d");
        assertThat(u.user()).isEqualTo("u@corp");
        assertThat(u.password()).isEqualTo(SECRET);
        DatabaseUrl raw = DatabaseUrl.parse("mysql://u:pa/ss:w@rd@h/d");
        assertThat(raw.password()).isEqualTo("pa/ss:w@rd");
        assertThat(raw.jdbcUrl()).isEqualTo("jdbc:mysql://h:3306/d");
    }

    @Test
    void mysqlAndMariadbBothUseConnectorJ() {
        DatabaseUrl my = DatabaseUrl.parse("mysql://root@127.0.0.1:3307/test");
        assertThat(my.dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(my.jdbcUrl()).isEqualTo("jdbc:mysql://127.0.0.1:3307/test");
        DatabaseUrl maria = DatabaseUrl.parse("mariadb://root:@127.0.0.1/test?useSSL=false");
        assertThat(maria.dialect()).isEqualTo(Dialect.MARIADB);
        assertThat(maria.jdbcUrl()).isEqualTo("jdbc:mysql://127.0.0.1:3306/test?useSSL=false");
        assertThat(maria.password()).isEmpty();
    }

    @Test
    void ipv6Host() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://u@[::1]:5433/d");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/d");
    }

    @Test
    void sqliteForms() {
        assertThat(DatabaseUrl.parse("sqlite:data/app.db").jdbcUrl()).isEqualTo("jdbc:sqlite:data/app.db");
        assertThat(DatabaseUrl.parse("sqlite:///var/lib/app.db").jdbcUrl()).isEqualTo("jdbc:sqlite:/var/lib/app.db");
        DatabaseUrl mem = DatabaseUrl.parse("sqlite::memory:");
        assertThat(mem.jdbcUrl()).isEqualTo("jdbc:sqlite::memory:");
        assertThat(mem.inMemory()).isTrue();
        assertThat(mem.dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(DatabaseUrl.parse("sqlite:/tmp/x.db?mode=ro").jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/x.db?mode=ro");
    }

    @Test
    void plainJdbcUrlsPassThrough() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/d?user=u").dialect()).isEqualTo(Dialect.POSTGRES);
        assertThat(DatabaseUrl.parse("jdbc:mysql://h/d").dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(DatabaseUrl.parse("jdbc:mariadb://h/d").dialect()).isEqualTo(Dialect.MARIADB);
        assertThat(DatabaseUrl.parse("jdbc:sqlite::memory:").inMemory()).isTrue();
        assertThat(DatabaseUrl.parse("jdbc:sqlite:/tmp/a.db").jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/a.db");
    }

    @Test
    void errorsNameThePartAndNeverThePassword() {
        assertPart("oracle://u:" + SECRET + "@h/d", "scheme");
        assertPart("u:" + SECRET + "@h/d", "scheme");
        assertPart("jdbc:oracle:thin:u/" + SECRET + "@h", "scheme");
        assertPart("postgresql://u:" + SECRET + "@/d", "host");
        assertPart("postgresql://u:" + SECRET + "@h:54x2/d", "port");
        assertPart("postgresql://u:" + SECRET + "@h:70000/d", "port");
        assertPart("postgresql://u:" + SECRET + "@h:5432", "database");
        assertPart("mariadb://u:" + SECRET + "@h:5432/", "database");
        assertPart("postgresql://u:" + SECRET + "@h^st/d", "host");
        assertPart("sqlite:", "database");
        assertPart("", "url");
    }

    @Test
    void redactionHidesUserinfoAndPasswordParameters() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://alice:" + "hunter2" + "@h/d");
        assertThat(u.toString()).doesNotContain("hunter2").contains("alice");
        DatabaseUrl j = DatabaseUrl.parse("jdbc:postgresql://h/d?user=a&password=hunter2&ssl=true");
        assertThat(j.redacted()).doesNotContain("hunter2").contains("password=***").contains("ssl=true");
    }

    private static void assertPart(String url, String part) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> {
                    assertThat(((ConfigurationException) e).part()).isEqualTo(part);
                    assertThat(e.getMessage()).contains(part.equals("url") ? "empty" : part)
                            .doesNotContain(SECRET).doesNotContain("s3cr");
                });
    }
}
