package io.oxyde.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaUrlsTest {

    @Test
    void replicasKeepTheSchemeCredentialsDatabaseAndOtherParameters() {
        ReplicaUrls.Split s = ReplicaUrls.split("postgresql://app:secret@db1:5432/shop?replicas=db2:5433,db3&sslmode=require");
        assertThat(s.primary()).isEqualTo("postgresql://app:secret@db1:5432/shop?sslmode=require");
        assertThat(s.replicas()).isEqualTo(List.of("postgresql://app:secret@db2:5433/shop?sslmode=require",
                "postgresql://app:secret@db3/shop?sslmode=require"));
    }

    @Test
    void urlsWithoutReplicasAreLeftAlone() {
        assertThat(ReplicaUrls.split("postgresql://db1/shop")).isNull();
        assertThat(ReplicaUrls.split("mariadb://root@db1/shop?useSSL=false")).isNull();
        assertThat(ReplicaUrls.split("sqlite:app.db")).isNull();
        assertThat(ReplicaUrls.split("jdbc:postgresql://a,b/shop?replicas=x")).isNull();
    }

    @Test
    void aBadHostIsRefused() {
        assertThatThrownBy(() -> ReplicaUrls.split("postgresql://db1/shop?replicas=db2/evil"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
