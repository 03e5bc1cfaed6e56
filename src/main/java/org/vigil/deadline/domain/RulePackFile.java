package org.vigil.deadline.domain;

import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.vigil.deadline.Authority;
import org.vigil.deadline.Classification;
import org.vigil.deadline.ClockStart;
import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.DutyHolder;
import org.vigil.deadline.EventKind;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.LegalSource;
import org.vigil.deadline.ObligationKind;
import org.vigil.deadline.Period;
import org.vigil.deadline.ReportingRule;
import org.vigil.deadline.RulePack;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks one rule pack file, {@code rulepacks/<id>.v<version>.json}. The whole file is checked before
 * anything is returned; every problem names the file and the field ({@code eu-mdr.v1.json: rules[2].period.days: …}),
 * so a bad pack stops Vigil at start-up with an error a person can act on.
 *
 * <p>The format: {@code id}, {@code version}, {@code title}, {@code source} (attribution: these are our summaries of
 * public law), {@code jurisdictions}, {@code deviceKinds}, and {@code rules}, each with {@code id}, {@code citation},
 * {@code url}, {@code inForceFrom}, optional {@code inForceTo} (exclusive), {@code triggers} (classifications of MIR
 * §1.2.g or event kinds, not both), {@code clockStartsAt}, {@code period} ({@code {"calendarDays": 10}} or
 * {@code {"calendarDays": 10, "endsOnWorkingDay": true}}, {@code {"workingDays": 5}},
 * {@code {"kind": "BEFORE_UNDERTAKEN"}},
 * {@code {"kind": "DATE_SET_BY_EVENT"}} or {@code {"kind": "NO_STATUTORY_PERIOD"}}), {@code obligation},
 * {@code dutyHolder}, {@code authority} and {@code note}.
 */
public final class RulePackFile {

    private static final Pattern FILE_NAME = Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*)\\.v([1-9][0-9]{0,3})\\.json");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+(?:[-.][a-z0-9]+)*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A rule pack that cannot be used, with every problem found. */
    public static final class InvalidRulePack extends RuntimeException {

        private final List<String> problems;

        public InvalidRulePack(String file, List<String> problems) {
            super("Rule pack " + file + " is invalid: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private RulePackFile() {
    }

    public static RulePack read(String fileName, Reader source) {
        var problems = new Problems(fileName);
        var name = FILE_NAME.matcher(fileName);
        if (!name.matches()) {
            throw new InvalidRulePack(fileName, List.of("the file name must read <pack-id>.v<version>.json"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(source);
        } catch (JacksonException e) {
            throw new InvalidRulePack(fileName, List.of("not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRulePack(fileName, List.of("expected a JSON object"));
        }
        String id = problems.text(root, "id", true);
        int version = root.path("version").asInt(0);
        if (id != null && !id.equals(name.group(1))) {
            problems.add("id", "'" + id + "' does not match the file name's '" + name.group(1) + "'");
        }
        if (version != Integer.parseInt(name.group(2))) {
            problems.add("version", "must be the whole number " + name.group(2) + ", as in the file name");
        }
        String title = problems.text(root, "title", true);
        String sourceNote = problems.text(root, "source", true);
        Set<Jurisdiction> jurisdictions = problems.enums(root, "jurisdictions", Jurisdiction.class, true);
        Set<DeviceKind> deviceKinds = problems.enums(root, "deviceKinds", DeviceKind.class, true);
        var rules = new ArrayList<ReportingRule>();
        JsonNode ruleNodes = root.path("rules");
        if (!ruleNodes.isArray() || ruleNodes.isEmpty()) {
            problems.add("rules", "must be a non-empty array");
        } else {
            var ids = new HashSet<String>();
            for (int i = 0; i < ruleNodes.size(); i++) {
                var rule = rule(ruleNodes.get(i), problems.at("rules[" + i + "]"), id, version, jurisdictions,
                        deviceKinds);
                if (rule != null && !ids.add(rule.id())) {
                    problems.add("rules[" + i + "].id", "'" + rule.id() + "' is used twice");
                }
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        problems.throwIfAny();
        return new RulePack(id, version, title, sourceNote, jurisdictions, deviceKinds, rules);
    }

    private static ReportingRule rule(JsonNode node, Problems problems, String packId, int version,
            Set<Jurisdiction> jurisdictions, Set<DeviceKind> deviceKinds) {
        if (!node.isObject()) {
            problems.add("", "must be an object");
            return null;
        }
        int before = problems.count();
        String id = problems.text(node, "id", true);
        if (id != null && !RULE_ID.matcher(id).matches()) {
            problems.add("id", "'" + id + "' must be lower-case words joined by '-' or '.'");
        }
        String citation = problems.text(node, "citation", true);
        URI url = null;
        String urlText = problems.text(node, "url", true);
        if (urlText != null) {
            try {
                url = new URI(urlText);
                if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                    problems.add("url", "must be an http(s) address of the official text");
                }
            } catch (URISyntaxException e) {
                problems.add("url", "'" + urlText + "' is not an address");
            }
        }
        LocalDate from = problems.date(node, "inForceFrom", true);
        LocalDate to = problems.date(node, "inForceTo", false);
        if (from != null && to != null && !to.isAfter(from)) {
            problems.add("inForceTo", to + " must be after inForceFrom " + from);
        }
        var classifications = EnumSet.noneOf(Classification.class);
        var events = EnumSet.noneOf(EventKind.class);
        JsonNode triggers = node.path("triggers");
        if (!triggers.isArray() || triggers.isEmpty()) {
            problems.add("triggers", "must list at least one classification (MIR §1.2.g) or event kind");
        } else {
            for (int i = 0; i < triggers.size(); i++) {
                String trigger = triggers.get(i).asString("");
                Classification classification = lookup(Classification.class, trigger);
                EventKind event = lookup(EventKind.class, trigger);
                if (classification != null) {
                    classifications.add(classification);
                } else if (event != null) {
                    events.add(event);
                } else {
                    problems.add("triggers[" + i + "]", "'" + trigger + "' is neither a classification "
                            + names(Classification.class) + " nor an event kind " + names(EventKind.class));
                }
            }
            if (!classifications.isEmpty() && !events.isEmpty()) {
                problems.add("triggers", "mixes classifications and event kinds; make two rules");
            }
        }
        ClockStart clock = problems.oneOf(node, "clockStartsAt", ClockStart.class);
        if (clock == ClockStart.TRIGGERING_EVENT && !classifications.isEmpty()) {
            problems.add("clockStartsAt", "a classification rule runs from an awareness moment, not from an event");
        }
        if (clock != null && clock != ClockStart.TRIGGERING_EVENT && !events.isEmpty()) {
            problems.add("clockStartsAt", "an event rule runs from its TRIGGERING_EVENT");
        }
        Period period = period(node.path("period"), problems.at("period"));
        if ((period instanceof Period.DateSetByEvent || period instanceof Period.BeforeUndertaken)
                && events.isEmpty()) {
            problems.add("period", "only an event can set a date or an action to be reported before");
        }
        ObligationKind obligation = problems.oneOf(node, "obligation", ObligationKind.class);
        DutyHolder dutyHolder = problems.oneOf(node, "dutyHolder", DutyHolder.class);
        Authority authority = problems.oneOf(node, "authority", Authority.class);
        String note = problems.text(node, "note", true);
        if (problems.count() > before) {
            return null;
        }
        return new ReportingRule(id, packId, version, jurisdictions, deviceKinds, new LegalSource(citation, url),
                from, to, classifications, events, clock, period, obligation, dutyHolder, authority, note);
    }

    private static Period period(JsonNode node, Problems problems) {
        if (!node.isObject()) {
            problems.add("", "must be an object such as {\"calendarDays\": 15}");
            return null;
        }
        try {
            if (node.has("calendarDays")) {
                JsonNode workingEnd = node.get("endsOnWorkingDay");
                if (workingEnd != null && !workingEnd.isBoolean()) {
                    throw new IllegalArgumentException("endsOnWorkingDay must be true or false");
                }
                return new Period.CalendarDays(count(node, "calendarDays"), workingEnd != null && workingEnd.asBoolean());
            }
            if (node.has("workingDays")) {
                return new Period.WorkingDays(count(node, "workingDays"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(node.has("calendarDays") ? "calendarDays" : "workingDays", e.getMessage());
            return null;
        }
        return switch (node.path("kind").asString("")) {
            case "BEFORE_UNDERTAKEN" -> new Period.BeforeUndertaken();
            case "DATE_SET_BY_EVENT" -> new Period.DateSetByEvent();
            case "NO_STATUTORY_PERIOD" -> new Period.NoStatutoryPeriod();
            default -> {
                problems.add("", "give calendarDays (with endsOnWorkingDay if the EU rule on periods applies) or workingDays, or kind BEFORE_UNDERTAKEN, "
                        + "DATE_SET_BY_EVENT or NO_STATUTORY_PERIOD");
                yield null;
            }
        };
    }

    private static int count(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isInt()) {
            throw new IllegalArgumentException("must be a whole number");
        }
        return value.asInt();
    }

    private static <E extends Enum<E>> E lookup(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        return null;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList().toString();
    }

    /** Problems collected under a field path. */
    private static final class Problems {

        private final String file;
        private final String prefix;
        private final List<String> list;

        Problems(String file) {
            this(file, "", new ArrayList<>());
        }

        private Problems(String file, String prefix, List<String> list) {
            this.file = file;
            this.prefix = prefix;
            this.list = list;
        }

        Problems at(String path) {
            return new Problems(file, join(path), list);
        }

        void add(String field, String message) {
            String path = join(field);
            list.add((path.isEmpty() ? "" : path + ": ") + message);
        }

        int count() {
            return list.size();
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new InvalidRulePack(file, list);
            }
        }

        String text(JsonNode node, String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    add(field, "is missing");
                }
                return null;
            }
            if (!value.isString() || value.asString().isBlank()) {
                add(field, "must be a non-empty string");
                return null;
            }
            return value.asString().strip();
        }

        LocalDate date(JsonNode node, String field, boolean required) {
            String text = text(node, field, required);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                add(field, "'" + text + "' is not a date (YYYY-MM-DD)");
                return null;
            }
        }

        <E extends Enum<E>> E oneOf(JsonNode node, String field, Class<E> type) {
            String text = text(node, field, true);
            if (text == null) {
                return null;
            }
            E value = lookup(type, text);
            if (value == null) {
                add(field, "'" + text + "' is not one of " + names(type));
            }
            return value;
        }

        <E extends Enum<E>> Set<E> enums(JsonNode node, String field, Class<E> type, boolean required) {
            JsonNode values = node.get(field);
            var set = EnumSet.noneOf(type);
            if (values == null || !values.isArray() || values.isEmpty()) {
                if (required) {
                    add(field, "must list at least one of " + names(type));
                }
                return set;
            }
            for (int i = 0; i < values.size(); i++) {
                E value = lookup(type, values.get(i).asString(""));
                if (value == null) {
                    add(field + "[" + i + "]", "'" + values.get(i).asString("") + "' is not one of " + names(type));
                } else {
                    set.add(value);
                }
            }
            return set;
        }

        private String join(String field) {
            if (field.isEmpty()) {
                return prefix;
            }
            return prefix.isEmpty() ? field : prefix + "." + field;
        }
    }
}
