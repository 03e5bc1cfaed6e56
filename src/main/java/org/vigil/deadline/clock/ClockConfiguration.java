package org.vigil.deadline.clock;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time the clock service runs on, as a bean, so that tests can walk an obligation through its reminders by
 * replacing it (a {@code @Primary} clock of their own) instead of waiting for days.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock vigilClock() {
        return Clock.systemUTC();
    }
}
