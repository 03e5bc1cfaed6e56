package org.vigil.deadline.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.deadline.HolidayCalendars;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.web.FormFeedback;

/**
 * The holiday calendar of one country, as working days are counted on it, with its history of changes; platform
 * administrators add and remove holidays and cover the next year (each with a reason, audited).
 */
@Controller
class HolidayCalendarPages {

    private final HolidayCalendars calendars;

    HolidayCalendarPages(HolidayCalendars calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/holidays")
    @PermitAll
    String open(@RequestParam(required = false) String country) {
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        return code.matches("[A-Z]{2}") ? "redirect:/holidays/" + code : "redirect:/rule-packs";
    }

    @GetMapping("/holidays/{country}")
    @PermitAll
    String calendar(@PathVariable String country, Model model) {
        return page(country, model, FormFeedback.none(), Map.of());
    }

    @PostMapping("/holidays/{country}/additions")
    @RolesAllowed("PLATFORM_ADMIN")
    String add(@PathVariable String country, @RequestParam(required = false) String day,
            @RequestParam(required = false) String name, @RequestParam(required = false) String reason, Model model) {
        return act(country, model, Map.of("day", text(day), "name", text(name), "reason", text(reason)),
                () -> calendars.addHoliday(country, date(day), name, reason));
    }

    @PostMapping("/holidays/{country}/removals")
    @RolesAllowed("PLATFORM_ADMIN")
    String remove(@PathVariable String country, @RequestParam(required = false) String day,
            @RequestParam(required = false) String reason, Model model) {
        return act(country, model, Map.of("removeDay", text(day), "removeReason", text(reason)),
                () -> calendars.removeHoliday(country, date(day), reason));
    }

    @PostMapping("/holidays/{country}/years")
    @RolesAllowed("PLATFORM_ADMIN")
    String cover(@PathVariable String country, @RequestParam(required = false) String year,
            @RequestParam(required = false) String reason, Model model) {
        return act(country, model, Map.of("year", text(year), "yearReason", text(reason)),
                () -> calendars.coverYear(country, year(year), reason));
    }

    private String act(String country, Model model, Map<String, String> typed, Supplier<?> change) {
        code(country);
        try {
            change.get();
            return "redirect:/holidays/" + code(country);
        } catch (InvalidInputException e) {
            return page(country, model, FormFeedback.of(e), typed);
        }
    }

    private String page(String country, Model model, FormFeedback feedback, Map<String, String> typed) {
        String code = code(country);
        var calendar = calendars.calendars().get(code);
        var byYear = new LinkedHashMap<Integer, Map<LocalDate, String>>();
        if (calendar != null) {
            for (int year = calendar.firstYear(); year <= calendar.lastYear(); year++) {
                byYear.put(year, calendar.holidays().subMap(LocalDate.of(year, 1, 1), true,
                        LocalDate.of(year, 12, 31), true));
            }
        }
        model.addAttribute("country", code);
        model.addAttribute("calendar", calendar);
        model.addAttribute("byYear", byYear);
        model.addAttribute("changes", calendars.changes(code).reversed());
        model.addAttribute("others", calendars.calendars().keySet());
        model.addAttribute("feedback", feedback);
        model.addAttribute("typed", typed);
        model.addAttribute("admin", Tenancy.principal().map(p -> p.hasRole(Role.PLATFORM_ADMIN)).orElse(false));
        return "deadline/holidays";
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("day", "Give the date as YYYY-MM-DD.");
        }
    }

    private static Integer year(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("year", "Give the year as four digits, for example 2029.");
        }
    }

    /** The country of the path (pages and API); anything but a two-letter code names no calendar at all. */
    static String code(String country) {
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw new RecordNotFoundException(HolidayCalendars.RECORD_TYPE, HolidayCalendars.ref(code).id());
        }
        return code;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
