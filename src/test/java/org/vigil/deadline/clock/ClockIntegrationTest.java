package org.vigil.deadline.clock;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.vigil.support.IntegrationTest;

/**
 * An integration test of the clock service that drives time itself: Vigil's clock is a {@link TestClock}, and the
 * scheduled sweep is off, so the test sweeps when it chooses. Test cases live in 2027 and 2028, which no real clock reaches during a test run (and the holiday calendars cover),
 * so the sweeps of other test contexts on the shared database never touch them. All such classes share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@AutoConfigureMockMvc
@Import(ClockIntegrationTest.FakeTime.class)
@TestPropertySource(properties = "vigil.deadlines.schedule=false")
public @interface ClockIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    class FakeTime {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Instant.parse("2027-01-01T00:00:00Z"));
        }
    }
}
