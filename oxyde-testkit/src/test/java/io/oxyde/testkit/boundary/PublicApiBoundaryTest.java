package io.oxyde.testkit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.testkit.PublicApiBoundary;
import org.junit.jupiter.api.Test;

class PublicApiBoundaryTest {

    @Test
    void everyWayAPublicSignatureCanMentionAnInternalTypeIsReported() {
        String hidden = "io.oxyde.testkit.boundary.internal.Hidden";
        assertThat(PublicApiBoundary.leaks(Leaky.class)).containsExactlyInAnyOrder(
                "io.oxyde.testkit.boundary.Leaky implements mentions " + hidden,
                "io.oxyde.testkit.boundary.Leaky.field mentions " + hidden,
                "io.oxyde.testkit.boundary.Leaky.take() parameter mentions " + hidden,
                "io.oxyde.testkit.boundary.Leaky.bound() returns mentions " + hidden,
                "io.oxyde.testkit.boundary.Leaky.bound() type parameter T mentions " + hidden,
                "io.oxyde.testkit.boundary.Leaky.get() returns mentions " + hidden);
    }
}
