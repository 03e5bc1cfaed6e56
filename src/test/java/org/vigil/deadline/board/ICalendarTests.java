package org.vigil.deadline.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.deadline.domain.ICalendar;

/** The iCalendar writer behind the deadline feed, against RFC 5545 §3.1 (lines), §3.3.11 (text) and §3.6.1/§3.6.6. */
class ICalendarTests {

    private static final Instant STAMP = Instant.parse("2026-04-01T08:00:00Z");

    @Test
    void text_escapes_backslash_semicolon_comma_and_every_kind_of_line_break_RFC_5545_3_3_11() {
        assertThat(ICalendar.text("a\\b;c,d\ne\r\nf\rg:h\"i")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng:h\"i");
    }

    @Test
    void text_drops_control_characters_that_TEXT_cannot_carry_but_keeps_tabs_RFC_5545_3_3_11() {
        assertThat(ICalendar.text("a\u0000b\u0007c\td\u007Fe")).isEqualTo("abc\tde");
    }

    @Test
    void a_line_of_75_octets_is_not_folded_and_one_of_76_is_RFC_5545_3_1() {
        String exactly = "X".repeat(75);
        assertThat(ICalendar.fold(exactly)).isEqualTo(exactly + "\r\n");
        assertThat(ICalendar.fold(exactly + "Y")).isEqualTo(exactly + "\r\n Y\r\n");
    }

    @Test
    void folding_counts_octets_of_UTF_8_and_never_splits_a_multi_byte_character_RFC_5545_3_1() {
        // "ü" is 2 octets, "€" 3, "𝄞" 4 (a surrogate pair in Java): 73 ASCII octets leave room for one "ü" exactly,
        // but not for a "€" or a "𝄞", which move to the next line whole.
        String prefix = "D".repeat(73);
        assertThat(ICalendar.fold(prefix + "ü")).isEqualTo(prefix + "ü\r\n");
        assertThat(ICalendar.fold(prefix + "€")).isEqualTo(prefix + "\r\n €\r\n");
        assertThat(ICalendar.fold(prefix + "𝄞x")).isEqualTo(prefix + "\r\n 𝄞x\r\n");

        String long_ = "SUMMARY:" + "Tıbbi Cihaz Kurumu — Überprüfung € 𝄞 ".repeat(12);
        String folded = ICalendar.fold(long_);
        var lines = folded.split("\r\n", -1);
        assertThat(lines[lines.length - 1]).as("ends with CRLF").isEmpty();
        for (String line : Arrays.copyOf(lines, lines.length - 1)) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\uFFFD");
        }
        assertThat(Arrays.stream(lines).skip(1).limit(lines.length - 2)).allMatch(line -> line.startsWith(" "));
        assertThat(unfold(folded)).isEqualTo(long_ + "\r\n");
    }

    @Test
    void a_calendar_has_every_required_property_each_line_ends_in_CRLF_and_the_reminder_is_a_day_before() {
        var event = new ICalendar.Event("0b1c6f3e-1@vigil", Instant.parse("2026-04-08T22:00:00.123Z"),
                "Due: Initial report to BfArM, DE — CASE-2026-00012", "MDR Art. 87(5)\nhttps://example.org/x",
                URI.create("https://vigil.example/cases/1"), Instant.parse("2026-03-30T10:00:00Z"), Duration.ofDays(1));

        String calendar = ICalendar.write("-//Vigil//Deadlines//EN", "Vigil, deadlines", Duration.ofHours(1), STAMP,
                List.of(event));

        assertThat(calendar).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Vigil//Deadlines//EN\r\n")
                .endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
        assertThat(calendar.replace("\r\n", "")).doesNotContain("\r", "\n");
        String unfolded = unfold(calendar);
        assertThat(unfolded).contains(
                "X-WR-CALNAME:Vigil\\, deadlines\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n",
                "BEGIN:VEVENT\r\nUID:0b1c6f3e-1@vigil\r\nDTSTAMP:20260401T080000Z\r\nDTSTART:20260408T220000Z\r\n",
                "LAST-MODIFIED:20260330T100000Z\r\n",
                "SUMMARY:Due: Initial report to BfArM\\, DE — CASE-2026-00012\r\n",
                "DESCRIPTION:MDR Art. 87(5)\\nhttps://example.org/x\r\n",
                "URL:https://vigil.example/cases/1\r\n",
                "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Due: Initial report to BfArM\\, DE — CASE-2026-00012\r\n"
                        + "TRIGGER:-P1D\r\nEND:VALARM\r\n");
    }

    @Test
    void reminders_of_hours_and_minutes_are_written_as_RFC_5545_durations_3_3_6() {
        assertThat(unfold(calendarWithAlarm(Duration.ofHours(26).plusMinutes(30)))).contains("TRIGGER:-P1DT2H30M\r\n");
        assertThat(unfold(calendarWithAlarm(Duration.ZERO))).contains("TRIGGER:-PT0S\r\n");
        assertThat(unfold(calendarWithAlarm(null))).doesNotContain("VALARM");
    }

    @Test
    void an_empty_calendar_is_still_a_valid_calendar() {
        assertThat(ICalendar.write("-//Vigil//Deadlines//EN", "Nothing due", null, STAMP, List.of())).isEqualTo(
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Vigil//Deadlines//EN\r\nCALSCALE:GREGORIAN\r\n"
                        + "METHOD:PUBLISH\r\nX-WR-CALNAME:Nothing due\r\nEND:VCALENDAR\r\n");
    }

    private static String calendarWithAlarm(Duration before) {
        return ICalendar.write("-//Vigil//Test//EN", "Test", null, STAMP, List.of(new ICalendar.Event("x@vigil", STAMP,
                "s", "d", null, null, before)));
    }

    /** Unfolding as a client does (RFC 5545 §3.1): CRLF followed by one space or tab is removed. */
    static String unfold(String folded) {
        return folded.replaceAll("\r\n[ \t]", "");
    }
}
