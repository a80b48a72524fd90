package io.oxyde.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Chinook catalogue over HTTP. The starter makes the {@code Oxyde} bean from
 * {@code oxyde.url}; {@link ChinookSetup} creates and fills the tables when
 * {@code chinook.setup=true}; {@link CatalogueController} serves them. Run it with
 * {@code java -jar … --oxyde.url=sqlite:chinook.db --chinook.setup=true} and open
 * {@code http://localhost:8080/artists/1/albums}.
 */
@SpringBootApplication
public class ChinookApplication {

    /** Starts the application. */
    public static void main(String[] args) {
        SpringApplication.run(ChinookApplication.class, args);
    }
}
