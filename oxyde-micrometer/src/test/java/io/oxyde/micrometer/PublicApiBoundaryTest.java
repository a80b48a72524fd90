package io.oxyde.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.testkit.PublicApiBoundary;
import org.junit.jupiter.api.Test;

/** No public signature of oxyde-micrometer (outside its {@code .internal} packages) mentions an internal type. */
class PublicApiBoundaryTest {

    @Test
    void publicSignaturesMentionNoInternalType() {
        assertThat(PublicApiBoundary.leaks(OxydeMetrics.class)).isEmpty();
    }
}
