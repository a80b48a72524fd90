/**
 * A small Spring Boot application on {@code oxyde-spring-boot-starter}: the Chinook data over
 * HTTP as JSON ({@link io.oxyde.examples.spring.ChinookApplication}); see
 * {@code docs/spring-boot.md}.
 */
package io.oxyde.examples.spring;
