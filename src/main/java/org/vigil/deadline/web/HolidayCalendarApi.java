package org.vigil.deadline.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.deadline.HolidayCalendars;
import org.vigil.deadline.HolidayChange;
import org.vigil.deadline.domain.HolidayCalendar;
import org.vigil.shared.RecordNotFoundException;

/**
 * REST: the holiday calendars working days are counted on, and their maintenance by platform administrators (each
 * change with a reason; pending deadlines counted on the calendar are recomputed).
 */
@RestController
@RequestMapping("/api/v1/holiday-calendars")
@Tag(name = "Deadlines")
class HolidayCalendarApi {

    private final HolidayCalendars calendars;

    HolidayCalendarApi(HolidayCalendars calendars) {
        this.calendars = calendars;
    }

    /** A calendar: the years it covers, its holidays, and the administrators' changes (oldest first). */
    record CalendarView(String country, int firstYear, int lastYear, Map<LocalDate, String> holidays,
            List<HolidayChange> changes) {

        static CalendarView of(HolidayCalendar calendar, List<HolidayChange> changes) {
            return new CalendarView(calendar.country(), calendar.firstYear(), calendar.lastYear(),
                    calendar.holidays(), changes);
        }
    }

    record Addition(LocalDate day, String name, String reason) {
    }

    record Removal(LocalDate day, String reason) {
    }

    record Cover(Integer year, String reason) {
    }

    @GetMapping
    @PermitAll
    @Operation(summary = "Every calendar: country and years covered")
    List<Map<String, Object>> list() {
        return calendars.calendars().values().stream().<Map<String, Object>>map(c -> Map.of("country", c.country(),
                "firstYear", c.firstYear(), "lastYear", c.lastYear(), "holidays", c.holidays().size())).toList();
    }

    @GetMapping("/{country}")
    @PermitAll
    @Operation(summary = "One country's calendar with its holidays and changes")
    CalendarView calendar(@PathVariable String country) {
        String code = HolidayCalendarPages.code(country);
        var calendar = calendars.calendars().get(code);
        if (calendar == null) {
            throw new RecordNotFoundException(HolidayCalendars.RECORD_TYPE, HolidayCalendars.ref(code).id());
        }
        return CalendarView.of(calendar, calendars.changes(code));
    }

    @PostMapping("/{country}/holidays")
    @RolesAllowed("PLATFORM_ADMIN")
    @Operation(summary = "Add a public holiday (reason required)")
    CalendarView add(@PathVariable String country, @RequestBody(required = false) Addition body) {
        HolidayCalendarPages.code(country);
        var b = body == null ? new Addition(null, null, null) : body;
        var calendar = calendars.addHoliday(country, b.day(), b.name(), b.reason());
        return CalendarView.of(calendar, calendars.changes(calendar.country()));
    }

    @PostMapping("/{country}/removals")
    @RolesAllowed("PLATFORM_ADMIN")
    @Operation(summary = "Make a holiday an ordinary day again (reason required)")
    CalendarView remove(@PathVariable String country, @RequestBody(required = false) Removal body) {
        HolidayCalendarPages.code(country);
        var b = body == null ? new Removal(null, null) : body;
        var calendar = calendars.removeHoliday(country, b.day(), b.reason());
        return CalendarView.of(calendar, calendars.changes(calendar.country()));
    }

    @PostMapping("/{country}/years")
    @RolesAllowed("PLATFORM_ADMIN")
    @Operation(summary = "Cover the next year (or a first year for a new country; reason required)")
    CalendarView cover(@PathVariable String country, @RequestBody(required = false) Cover body) {
        HolidayCalendarPages.code(country);
        var b = body == null ? new Cover(null, null) : body;
        var calendar = calendars.coverYear(country, b.year(), b.reason());
        return CalendarView.of(calendar, calendars.changes(calendar.country()));
    }
}
