package org.vigil.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.deadline.DeadlineFixtures.PACKS;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigil.deadline.domain.HolidayCalendar;
import org.vigil.deadline.domain.HolidayCalendarFile;

/** The shipped holiday calendars and how an administrator changes one. */
class DeadlineHolidayCalendarTests {

    @Test
    void the_shipped_calendars_are_the_US_GB_Swiss_and_German_ones_for_2024_to_2028() {
        assertThat(PACKS.calendars()).containsOnlyKeys("US", "GB", "CH", "DE");
        PACKS.calendars().values().forEach(calendar -> {
            assertThat(calendar.firstYear()).isLessThanOrEqualTo(2024);
            assertThat(calendar.lastYear()).isGreaterThanOrEqualTo(2028);
        });
    }

    @Test
    void US_Federal_holidays_fall_where_5_USC_6103_and_the_weekend_rule_put_them() {
        HolidayCalendar us = PACKS.calendars().get("US");

        assertThat(us.holidays()).containsKeys(LocalDate.of(2026, 11, 26), LocalDate.of(2025, 11, 27),
                LocalDate.of(2026, 7, 3), LocalDate.of(2027, 6, 18), LocalDate.of(2027, 12, 24),
                LocalDate.of(2027, 12, 31), LocalDate.of(2028, 11, 10), LocalDate.of(2024, 6, 19));
        // 5 U.S.C. 6103 names eleven holidays a year; New Year's Day 2028 is observed in 2027.
        assertThat(us.holidays().keySet().stream().filter(d -> d.getYear() == 2026)).hasSize(11);
        assertThat(us.holidays().keySet().stream().filter(d -> d.getYear() == 2027)).hasSize(12);
        assertThat(us.holidays().keySet().stream().filter(d -> d.getYear() == 2028)).hasSize(10);
        assertThat(us.isWorkingDay(LocalDate.of(2026, 7, 4))).as("Saturday").isFalse();
        assertThat(us.isWorkingDay(LocalDate.of(2026, 7, 6))).isTrue();
    }

    @Test
    void England_and_Wales_bank_holidays_include_Easter_and_the_substitute_days() {
        HolidayCalendar gb = PACKS.calendars().get("GB");

        assertThat(gb.holidays()).containsKeys(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6),
                LocalDate.of(2026, 12, 28), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29),
                LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28), LocalDate.of(2028, 1, 3),
                LocalDate.of(2025, 8, 25));
        assertThat(gb.holidays().keySet().stream().filter(d -> d.getYear() == 2026)).hasSize(8);
    }

    @Test
    void Swiss_and_German_calendars_follow_Easter() {
        assertThat(PACKS.calendars().get("CH").holidays()).containsKeys(LocalDate.of(2026, 5, 14),
                LocalDate.of(2026, 5, 25), LocalDate.of(2026, 8, 1), LocalDate.of(2026, 1, 2));
        assertThat(PACKS.calendars().get("DE").holidays()).containsKeys(LocalDate.of(2026, 5, 14),
                LocalDate.of(2026, 10, 3), LocalDate.of(2028, 4, 14));
    }

    @Test
    void an_administrator_can_add_and_remove_a_holiday_and_the_count_follows() {
        HolidayCalendar gb = PACKS.calendars().get("GB");
        LocalDate friday = LocalDate.of(2026, 6, 5);
        LocalDate thursday = LocalDate.of(2026, 6, 4);

        HolidayCalendar withExtra = gb.withHoliday(friday, "Extra bank holiday");

        assertThat(gb.plusWorkingDays(thursday, 1)).isEqualTo(friday);
        assertThat(withExtra.plusWorkingDays(thursday, 1)).isEqualTo(LocalDate.of(2026, 6, 8));
        assertThat(withExtra.withoutHoliday(friday).plusWorkingDays(thursday, 1)).isEqualTo(friday);
        assertThat(gb.holidays()).as("the shipped calendar is unchanged").doesNotContainKey(friday);
    }

    @Test
    void an_administrator_can_add_a_year_once_its_holidays_are_published() {
        HolidayCalendar us = PACKS.calendars().get("US");
        LocalDate newYear2029 = LocalDate.of(2029, 1, 1);

        HolidayCalendar extended = us.covering(2029, Map.of(newYear2029, "New Year's Day"));

        assertThat(extended.lastYear()).isEqualTo(2029);
        assertThat(extended.plusWorkingDays(LocalDate.of(2028, 12, 29), 1)).isEqualTo(LocalDate.of(2029, 1, 2));
        assertThatThrownBy(() -> us.isWorkingDay(newYear2029)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_holiday_file_with_mistakes_names_the_file_and_every_bad_line() {
        String text = """
                country: US
                years: 2026-2026
                2026-13-01 Nonsense
                2026-07-03 Independence Day (observed)
                2026-07-03 Twice
                Thanksgiving
                """;

        assertThatThrownBy(() -> HolidayCalendarFile.read("US.txt", new StringReader(text)))
                .isInstanceOf(HolidayCalendarFile.InvalidCalendar.class)
                .hasMessageContaining("US.txt")
                .hasMessageContaining("line 3: '2026-13-01' is not a date")
                .hasMessageContaining("line 5: 2026-07-03 is listed twice")
                .hasMessageContaining("line 6: expected a date and a name");
    }

    @Test
    void a_holiday_outside_the_years_a_file_declares_is_refused() {
        String text = "country: GB\nyears: 2026-2026\n2027-01-01 New Year's Day\n";

        assertThatThrownBy(() -> HolidayCalendarFile.read("GB.txt", new StringReader(text)))
                .hasMessageContaining("GB.txt").hasMessageContaining("outside the covered years");
    }
}
