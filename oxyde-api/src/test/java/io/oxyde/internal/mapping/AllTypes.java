package io.oxyde.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.oxyde.annotation.Json;
import io.oxyde.Ref;
import io.oxyde.annotation.Transient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A model with a field of every type of the type map, for round trips. */
record AllTypes(Long id,
                long aLong,
                int anInt,
                short aShort,
                byte aByte,
                Integer boxedInt,
                double aDouble,
                float aFloat,
                Double boxedDouble,
                boolean aBool,
                Boolean boxedBool,
                String text,
                BigDecimal decimal,
                byte[] bytes,
                UUID uuid,
                LocalDate date,
                LocalTime time,
                LocalDateTime dateTime,
                Instant instant,
                OffsetDateTime offsetDateTime,
                Duration duration,
                Color color,
                List<String> tags,
                List<Integer> scores,
                Map<String, Object> attributes,
                JsonNode node,
                Dimensions dimensions,
                @Json List<Dimensions> history,
                Ref<Owner> owner,
                Owner coOwner,
                @Transient String scratch) {

    enum Color { RED, GREEN, BLUE }

    @Json
    record Dimensions(double width, double height, String unit) {
    }

    record Owner(Long id, String name) {
    }
}
