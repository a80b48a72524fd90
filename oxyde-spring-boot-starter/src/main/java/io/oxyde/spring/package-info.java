/**
 * Spring Boot auto-configuration for Oxyde: the {@link io.oxyde.Oxyde} bean (from the
 * application's {@code DataSource} or from {@code oxyde.*} properties), named databases
 * ({@link io.oxyde.spring.OxydeDatabases}), migrations at start-up, a health indicator, and the
 * rule for Spring transactions ({@link io.oxyde.spring.SpringTransactionConflictException}). The guide is
 * {@code docs/spring-boot.md}.
 */
package io.oxyde.spring;
