package org.vigil.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test against the whole application on embedded PostgreSQL (never H2): the real migrations, the real
 * application role under row-level security. All such tests share one server per test run (see
 * {@code config/application.yml}); each test creates its own organisations, so tests never depend on each other.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@Import(TestData.class)
public @interface IntegrationTest {
}
