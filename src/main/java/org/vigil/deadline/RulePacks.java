package org.vigil.deadline;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.vigil.deadline.domain.AuthorityRouting;
import org.vigil.deadline.domain.DeadlineCalculator;
import org.vigil.deadline.domain.HolidayCalendar;
import org.vigil.deadline.domain.HolidayCalendarFile;
import org.vigil.deadline.domain.RulePackFile;
import org.vigil.deadline.domain.RuleSelection;

/**
 * The regulatory rule packs and holiday calendars Vigil ships ({@code rulepacks/*.json}, {@code holidays/*.txt}),
 * read and checked when Vigil starts: a bad pack stops the start with an error naming the file and the field. Answers
 * who must hear of an incident ({@link #recipients}) and which obligations a case creates, each with its rule, legal
 * source and due time ({@link #obligations}). Both answers are pure functions of their arguments and the packs.
 */
@Service
public class RulePacks {

    private final List<RulePack> packs;
    private final Map<String, HolidayCalendar> shippedCalendars;
    // Replaced together when an administrator changes a calendar (HolidayCalendars); readers see one or the other.
    private volatile Map<String, HolidayCalendar> calendars;
    private volatile RuleSelection selection;

    RulePacks() {
        this(readPacks(), readCalendars());
    }

    private RulePacks(List<RulePack> packs, Map<String, HolidayCalendar> calendars) {
        this.packs = List.copyOf(packs);
        this.shippedCalendars = Map.copyOf(calendars);
        useCalendars(calendars);
    }

    /** The shipped packs and calendars, without Spring: for tests and the command line. */
    public static RulePacks bundled() {
        return new RulePacks();
    }

    /** Every pack, by id then version. */
    public List<RulePack> packs() {
        return packs;
    }

    /** The calendars as shipped in {@code holidays/*.txt}, before administrators' changes. */
    Map<String, HolidayCalendar> shippedCalendars() {
        return shippedCalendars;
    }

    /** Counts with {@code current} from now on: the shipped calendars with administrators' changes. */
    void useCalendars(Map<String, HolidayCalendar> current) {
        var copy = java.util.Collections.unmodifiableMap(new TreeMap<>(current));
        this.selection = new RuleSelection(packs, new DeadlineCalculator(copy));
        this.calendars = copy;
    }

    /** The holiday calendars by country (ISO 3166-1 alpha-2), with administrators' changes. */
    public Map<String, HolidayCalendar> calendars() {
        return calendars;
    }

    /** Who must hear of an incident; see {@link AuthorityRouting} for the rules and their sources. */
    public List<Recipient> recipients(String incidentCountry, Set<Jurisdiction> markets, String manufacturerCountry,
            DutyHolder dutyHolder) {
        return AuthorityRouting.recipients(incidentCountry, markets, manufacturerCountry, dutyHolder);
    }

    /** The obligations a case creates, earliest deadline first; see {@link RuleSelection}. */
    public List<Obligation> obligations(CaseFacts facts) {
        return selection.obligations(facts);
    }

    private static List<RulePack> readPacks() {
        var packs = new ArrayList<RulePack>();
        var ruleIds = new HashSet<String>();
        for (Resource resource : resources("classpath*:rulepacks/*.json")) {
            String file = resource.getFilename();
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                RulePack pack = RulePackFile.read(file, reader);
                for (ReportingRule rule : pack.rules()) {
                    if (!ruleIds.add(rule.id() + "@" + pack.version())) {
                        throw new RulePackFile.InvalidRulePack(file,
                                List.of("rule id '" + rule.id() + "' is used by another pack too"));
                    }
                }
                packs.add(pack);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read rule pack " + file, e);
            }
        }
        if (packs.isEmpty()) {
            throw new IllegalStateException("No rule packs found under rulepacks/");
        }
        packs.sort(Comparator.comparing(RulePack::id).thenComparing(RulePack::version));
        return packs;
    }

    private static Map<String, HolidayCalendar> readCalendars() {
        var calendars = new HashMap<String, HolidayCalendar>();
        for (Resource resource : resources("classpath*:holidays/*.txt")) {
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                HolidayCalendar calendar = HolidayCalendarFile.read(resource.getFilename(), reader);
                if (calendars.put(calendar.country(), calendar) != null) {
                    throw new IllegalStateException("Two holiday calendars for " + calendar.country());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read holiday calendar " + resource.getFilename(), e);
            }
        }
        return new TreeMap<>(calendars);
    }

    private static Resource[] resources(String pattern) {
        try {
            return new PathMatchingResourcePatternResolver(RulePacks.class.getClassLoader()).getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + pattern, e);
        }
    }
}
