package org.vigil.deadline.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.vigil.deadline.domain.TimeLeft;

/** The board's "time left" column: cut to what is really left, never rounded up. */
class TimeLeftTests {

    private static final Instant NOW = Instant.parse("2026-04-06T10:00:00Z");

    @Test
    void two_days_and_three_hours_ahead_reads_due_in_2_days_3_h() {
        assertThat(TimeLeft.describe(NOW, NOW.plus(Duration.ofHours(51).plusMinutes(59))))
                .isEqualTo("due in 2 days 3 h");
    }

    @Test
    void under_a_day_shows_hours_and_minutes_and_under_an_hour_minutes() {
        assertThat(TimeLeft.describe(NOW, NOW.plus(Duration.ofHours(5).plusMinutes(20).plusSeconds(59))))
                .isEqualTo("due in 5 h 20 min");
        assertThat(TimeLeft.describe(NOW, NOW.plus(Duration.ofHours(1)))).isEqualTo("due in 1 h");
        assertThat(TimeLeft.describe(NOW, NOW.plus(Duration.ofMinutes(7)))).isEqualTo("due in 7 min");
        assertThat(TimeLeft.describe(NOW, NOW.plusSeconds(30))).isEqualTo("due in less than a minute");
    }

    @Test
    void one_whole_day_is_singular_and_past_the_deadline_it_reads_overdue_by() {
        assertThat(TimeLeft.describe(NOW, NOW.plus(Duration.ofDays(1)))).isEqualTo("due in 1 day");
        assertThat(TimeLeft.describe(NOW, NOW.minus(Duration.ofDays(1).plusMinutes(30)))).isEqualTo("overdue by 1 day");
        assertThat(TimeLeft.describe(NOW, NOW.minus(Duration.ofDays(3).plusHours(4))))
                .isEqualTo("overdue by 3 days 4 h");
    }

    @Test
    void at_the_deadline_itself_it_is_overdue_because_the_deadline_is_exclusive() {
        assertThat(TimeLeft.describe(NOW, NOW)).isEqualTo("overdue by less than a minute");
    }
}
