package org.vigil.deadline;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.deadline.domain.HolidayCalendar;
import org.vigil.deadline.persistence.HolidayChangeRecords;
import org.vigil.shared.Actor;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;

/**
 * The holiday calendars that working-day periods are counted on (21 CFR 803.53 "work days", 803.30; GB 3 working
 * days; the EU roll-forward of Regulation 1182/71 Art. 3(4)), maintained by platform administrators: a holiday added
 * or removed, a year covered once its holidays are published. Vigil ships calendars ({@code holidays/*.txt}); the
 * administrators' changes are kept in order and applied on top, so the history stays and an update of the shipped
 * files still reaches every installation. A change counts at once for new deadlines and is announced
 * ({@link HolidayCalendarChanged}) so that pending obligations counted on that country are recomputed by their duty
 * holders. Every change is audited.
 */
@Service
public class HolidayCalendars implements SmartInitializingSingleton {

    /** The audit record type of a country's calendar; the record id is derived from the country code. */
    public static final String RECORD_TYPE = "holiday-calendar";
    private static final int MAX_TEXT = 500;

    /** A case with pending obligations of one organisation. */
    public record CaseOfOrganisation(OrganisationId organisation, UUID caseId) {
    }

    private final RulePacks packs;
    private final HolidayChangeRecords records;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private volatile long applied = -1;

    HolidayCalendars(RulePacks packs, HolidayChangeRecords records, AuditTrail audit, ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.packs = packs;
        this.records = records;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        refresh();
    }

    /**
     * Applies changes made since the last look (by this or another Vigil on the same database); cheap when there are
     * none. The reminder sweep calls it too, so a change made elsewhere counts here within one sweep interval.
     */
    public void refresh() {
        Tenancy.runAs(Actor.platform("holiday calendars"), () -> transactions.executeWithoutResult(status -> {
            synchronized (this) {
                long latest = records.latest();
                if (latest != applied) {
                    packs.useCalendars(apply(packs.shippedCalendars(), records.all()));
                    applied = latest;
                }
            }
        }));
    }

    /** The calendars now counted on, by country. */
    public Map<String, HolidayCalendar> calendars() {
        return packs.calendars();
    }

    /** The administrators' changes to {@code country}'s calendar, oldest first. */
    @Transactional(readOnly = true)
    public List<HolidayChange> changes(String country) {
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        return records.all().stream().filter(change -> change.country().equals(code)).toList();
    }

    /** Adds a public holiday. */
    @Transactional
    public HolidayCalendar addHoliday(String country, LocalDate day, String name, String reason) {
        requireAdministrator();
        String code = country(country);
        var calendar = existing(code);
        requireText("name", name, "Name the holiday, for example Heiligabend.");
        requireText("reason", reason, "Say why, for example the authority's published list.");
        if (day == null) {
            throw InvalidInputException.of("day", "Give the date as YYYY-MM-DD.");
        }
        if (!calendar.covers(day)) {
            throw InvalidInputException.of("day", code + "'s calendar covers " + calendar.firstYear() + "–"
                    + calendar.lastYear() + "; cover " + day.getYear() + " first.");
        }
        if (calendar.holidays().containsKey(day)) {
            throw InvalidInputException.of("day", day + " is already a holiday: " + calendar.holidays().get(day)
                    + ".");
        }
        return record(code, "ADD", day, name.strip(), null, reason.strip(),
                day + " " + name.strip() + " added");
    }

    /** Makes a holiday an ordinary day again. */
    @Transactional
    public HolidayCalendar removeHoliday(String country, LocalDate day, String reason) {
        requireAdministrator();
        String code = country(country);
        var calendar = existing(code);
        requireText("reason", reason, "Say why the day is no longer a holiday.");
        if (day == null || !calendar.holidays().containsKey(day)) {
            throw InvalidInputException.of("day", (day == null ? "That day" : day.toString())
                    + " is not a holiday in " + code + "'s calendar.");
        }
        return record(code, "REMOVE", day, null, null, reason.strip(),
                day + " " + calendar.holidays().get(day) + " removed");
    }

    /**
     * Covers one more year, the year after the last covered one (or a first year for a country without a calendar):
     * from then on its working days are counted, so add its holidays right after.
     */
    @Transactional
    public HolidayCalendar coverYear(String country, Integer year, String reason) {
        requireAdministrator();
        String code = country(country);
        requireText("reason", reason, "Say why, for example the authority's published list for that year.");
        var calendar = calendars().get(code);
        if (year == null || year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "Give a year between 2000 and 2100.");
        }
        if (calendar != null && year != calendar.lastYear() + 1 && year != calendar.firstYear() - 1) {
            throw InvalidInputException.of("year", code + "'s calendar covers " + calendar.firstYear() + "–"
                    + calendar.lastYear() + "; years are covered one after the other: " + (calendar.lastYear() + 1)
                    + " next.");
        }
        return record(code, "COVER", null, null, year, reason.strip(), "year " + year + " covered");
    }

    /** The cases, of every organisation, whose pending obligations count working days in {@code country}. */
    @Transactional(readOnly = true)
    public List<CaseOfOrganisation> casesCountingIn(String country) {
        String[] seated = Arrays.stream(Authority.values())
                .filter(authority -> country.equals(authority.seatCountry())).map(Enum::name).toArray(String[]::new);
        return records.casesCountingIn(country, seated).stream()
                .map(pair -> new CaseOfOrganisation(new OrganisationId(pair[0]), pair[1])).toList();
    }

    private HolidayCalendar record(String country, String kind, LocalDate day, String name, Integer year,
            String reason, String what) {
        var actor = Tenancy.requireActor();
        var change = new HolidayChange(0, country, kind, day, name, year, reason, actor.displayName(),
                null);
        var changed = apply(calendars(), List.of(change)).get(country);
        records.insert(country, kind, day, name, year, reason, actor.userId(), actor.displayName());
        audit.record(AuditedChange.event("holiday-calendar.changed", ref(country),
                Map.of("country", country, "change", what)).because(reason));
        events.publishEvent(new HolidayCalendarChanged(country, what + ": " + reason));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                refresh();
            }
        });
        return changed;
    }

    /** {@code changes} applied in order to {@code base}. */
    static Map<String, HolidayCalendar> apply(Map<String, HolidayCalendar> base,
            List<HolidayChange> changes) {
        var calendars = new HashMap<>(base);
        for (var change : changes) {
            var calendar = calendars.get(change.country());
            calendars.put(change.country(), switch (change.kind()) {
                case "ADD" -> calendar.withHoliday(change.day(), change.name());
                case "REMOVE" -> calendar.withoutHoliday(change.day());
                case "COVER" -> calendar == null
                        ? new HolidayCalendar(change.country(), HolidayCalendar.SATURDAY_SUNDAY, change.year(),
                                change.year(), new TreeMap<>())
                        : calendar.covering(change.year(), Map.of());
                default -> throw new IllegalStateException("Unknown holiday change " + change.kind());
            });
        }
        return calendars;
    }

    /** A country's calendar records in the audit trail under a stable id derived from its code. */
    public static RecordRef ref(String country) {
        return RecordRef.of(RECORD_TYPE, UUID.nameUUIDFromBytes(("holiday-calendar:" + country)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private HolidayCalendar existing(String country) {
        var calendar = calendars().get(country);
        if (calendar == null) {
            throw InvalidInputException.of("country", "Vigil has no holiday calendar for " + country
                    + " yet; cover a first year to start one.");
        }
        return calendar;
    }

    private static String country(String country) {
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}") || code.equals("UK")) {
            throw InvalidInputException.of("country", "Give the country as a two-letter code (ISO 3166-1), for "
                    + "example DE or GB.");
        }
        return code;
    }

    private static void requireText(String field, String value, String whenMissing) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, whenMissing);
        }
        if (value.length() > MAX_TEXT) {
            throw InvalidInputException.of(field, "At most " + MAX_TEXT + " characters.");
        }
    }

    private static void requireAdministrator() {
        var person = Tenancy.principal();
        if (person.isEmpty() || !person.get().hasRole(Role.PLATFORM_ADMIN)) {
            throw new AccessDeniedException("Platform administrators maintain the holiday calendars");
        }
    }

}
