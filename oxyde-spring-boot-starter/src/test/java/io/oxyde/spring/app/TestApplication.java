package io.oxyde.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the starter's @SpringBootTest classes start. */
@SpringBootApplication
public class TestApplication {
}
