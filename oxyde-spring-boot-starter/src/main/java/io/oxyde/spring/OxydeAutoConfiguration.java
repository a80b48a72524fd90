package io.oxyde.spring;

import io.oxyde.AtomicGuard;
import io.oxyde.Oxyde;
import io.oxyde.spring.internal.Connector;
import io.oxyde.spring.internal.SpringTransactionGuard;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the {@link Oxyde} bean of the main database: from {@code oxyde.url} when it is set,
 * otherwise from the application's {@link DataSource} (Oxyde borrows its connections and never
 * closes it); applies the migrations of {@code oxyde.migrations.location} first, when set.
 * Also opens the named databases ({@link OxydeDatabases}) and, with spring-tx present, guards
 * {@code atomic} against running inside {@code @Transactional} ({@link SpringTransactionConflictException}).
 *
 * <p>Runs after Spring Boot's DataSource auto-configuration so the application's pool is seen;
 * an application that declares its own {@code Oxyde} bean keeps it.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass(Oxyde.class)
@EnableConfigurationProperties(OxydeProperties.class)
public class OxydeAutoConfiguration {

    /** The main database; closed (its pool, not the application's DataSource) with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(OnMainDatabase.class)
    public Oxyde oxyde(OxydeProperties properties, ObjectProvider<DataSource> dataSource,
                       ObjectProvider<AtomicGuard> guard) {
        return Connector.main(properties, dataSource.getIfUnique(), guard.getIfAvailable());
    }

    /** The databases of {@code oxyde.databases.*} (none configured: an empty set). */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public OxydeDatabases oxydeDatabases(OxydeProperties properties, ObjectProvider<AtomicGuard> guard) {
        Map<String, Oxyde> opened = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, OxydeProperties.Database> e : properties.getDatabases().entrySet()) {
                opened.put(e.getKey(), Connector.named(e.getKey(), e.getValue(), guard.getIfAvailable()));
            }
        } catch (RuntimeException e) {
            opened.values().forEach(Oxyde::close);
            throw e;
        }
        return new OxydeDatabases(opened);
    }

    /** The check that refuses {@code atomic} inside a Spring-managed transaction. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.transaction.support.TransactionSynchronizationManager")
    @ConditionalOnProperty(prefix = "oxyde", name = "refuse-atomic-in-spring-transaction", havingValue = "true",
            matchIfMissing = true)
    static class SpringTransactions {

        @Bean
        @ConditionalOnMissingBean
        AtomicGuard oxydeSpringTransactionGuard() {
            return new SpringTransactionGuard();
        }
    }

    /** There is a main database: {@code oxyde.url} is set, or the application has a DataSource. */
    static final class OnMainDatabase extends AnyNestedCondition {

        OnMainDatabase() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "oxyde", name = "url")
        static final class Url {
        }

        @ConditionalOnBean(DataSource.class)
        static final class ApplicationDataSource {
        }
    }
}
