package io.oxyde.spring;

import io.oxyde.Oxyde;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With Spring Boot Actuator on the classpath, the health contributor {@code oxyde}: one
 * {@link OxydeHealthIndicator} per Oxyde database (the main one by its pool name, and every
 * named one). Off with {@code management.health.oxyde.enabled=false}.
 */
@AutoConfiguration(after = OxydeAutoConfiguration.class)
@ConditionalOnClass({Oxyde.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnEnabledHealthIndicator("oxyde")
public class OxydeHealthAutoConfiguration {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** The databases' indicators under one name; absent when there is no Oxyde database. */
    @Bean
    @ConditionalOnMissingBean(name = "oxydeHealthContributor")
    public HealthContributor oxydeHealthContributor(ObjectProvider<Oxyde> main, ObjectProvider<OxydeDatabases> named) {
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        main.orderedStream().forEach(db -> indicators.put(db.name(), new OxydeHealthIndicator(db, TIMEOUT)));
        OxydeDatabases databases = named.getIfAvailable();
        if (databases != null) {
            for (String name : databases.names()) {
                indicators.put(name, new OxydeHealthIndicator(databases.get(name), TIMEOUT));
            }
        }
        return CompositeHealthContributor.fromMap(indicators);
    }
}
