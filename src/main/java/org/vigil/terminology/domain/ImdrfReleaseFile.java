package org.vigil.terminology.domain;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.vigil.terminology.ImdrfAnnex;
import org.vigil.terminology.ImdrfStatus;
import org.vigil.terminology.ImdrfTerm;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One annex of an IMDRF adverse-event terminology release as IMDRF publishes it for download: a JSON array with one
 * object per term and the keys {@code code}, {@code term}, {@code definition}, {@code Non-IMDRF Code/Term} (Annex E:
 * {@code Non-IMDRF Code}), {@code Status}, {@code Status Description} and {@code CodeHierarchy} (the ancestor path,
 * {@code A01|A0101|A010101}). Keys are matched in any case: IMDRF's 2024 export spells them in lower case.
 *
 * <p>Status follows IMDRF's maintenance rules (IMDRF/AE WG N43): {@code Retired} terms and {@code Not selectable}
 * grouping terms stay in the file but may not be chosen for new coding; {@code New} and {@code Modified} are change
 * notes, kept as the term's status note. A code may appear more than once when IMDRF places it under several parents
 * (Annex E); its further parents are kept. The whole file is checked before anything is loaded: every problem is
 * reported with the line of the term it concerns.
 */
public final class ImdrfReleaseFile {

    private static final Pattern CODE = Pattern.compile("[A-G]\\d{2,}");
    private static final Pattern VERSION = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._ -]{0,39}");
    private static final JsonMapper JSON = JsonMapper.builder()
            // Each term is read as a tree while the array around it is streamed.
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** The problems found in a file, each with its line; nothing is loaded when there are any. */
    public static final class InvalidRelease extends Exception {

        private final List<String> problems;

        public InvalidRelease(List<String> problems) {
            super(problems.size() + " problems in the IMDRF file, first: " + problems.getFirst());
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private ImdrfReleaseFile() {
    }

    /** Whether {@code version} is a usable release label, for example {@code 2024} or {@code 2025.1}. */
    public static boolean validVersion(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    /**
     * Reads and checks one annex's file.
     *
     * @return the terms in file order, one per code, with status as IMDRF gives it and {@code release} =
     *         {@code version}
     */
    public static List<ImdrfTerm> read(ImdrfAnnex annex, String version, Reader source) throws InvalidRelease {
        var problems = new ArrayList<String>();
        var rows = new ArrayList<Row>();
        try (JsonParser parser = JSON.createParser(source)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidRelease(List.of("line " + parser.currentTokenLocation().getLineNr()
                        + ": expected a JSON array of terms, as IMDRF's JSON download is"));
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token == null) {
                    problems.add("line " + line + ": the file ends before its array is closed");
                    break;
                }
                JsonNode node = JSON.readTree(parser);
                if (!node.isObject()) {
                    problems.add("line " + line + ": expected an object with code, term and definition");
                    continue;
                }
                rows.add(new Row(line, lowerCaseKeys(node)));
            }
        } catch (JacksonException e) {
            var location = e.getLocation();
            problems.add((location == null ? "" : "line " + location.getLineNr() + ", column "
                    + location.getColumnNr() + ": ") + "not valid JSON (" + e.getOriginalMessage() + ")");
            throw new InvalidRelease(problems);
        }
        if (!validVersion(version)) {
            problems.add("version: '" + version + "' is not a release label such as 2024 or 2025.1");
        }
        var terms = new LinkedHashMap<String, Draft>();
        for (Row row : rows) {
            row.check(annex, problems, terms);
        }
        Set<String> codes = terms.keySet();
        for (Draft draft : terms.values()) {
            for (String parent : draft.parents) {
                if (parent != null && !codes.contains(parent)) {
                    problems.add("line " + draft.line + ": code " + draft.code + ": its parent " + parent
                            + " is not in the file");
                }
            }
        }
        if (rows.isEmpty()) {
            problems.add("the file holds no terms");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRelease(problems);
        }
        return terms.values().stream().map(draft -> draft.term(annex, version)).toList();
    }

    private static Map<String, String> lowerCaseKeys(JsonNode node) {
        var fields = new LinkedHashMap<String, String>();
        for (var entry : node.properties()) {
            JsonNode value = entry.getValue();
            fields.put(entry.getKey().strip().toLowerCase(Locale.ROOT),
                    value == null || value.isNull() ? "" : value.isValueNode() ? value.asString() : value.toString());
        }
        return fields;
    }

    /** One object of the file, with the line it starts on. */
    private record Row(int line, Map<String, String> fields) {

        String field(String... names) {
            for (String name : names) {
                String value = fields.get(name);
                if (value != null) {
                    return value.strip();
                }
            }
            return "";
        }

        void check(ImdrfAnnex annex, List<String> problems, Map<String, Draft> terms) {
            String where = "line " + line + ": ";
            String code = field("code").toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                problems.add(where + "the term has no code");
                return;
            }
            if (!CODE.matcher(code).matches()) {
                problems.add(where + "'" + code + "' is not an IMDRF code (annex letter and digits, e.g. "
                        + annex + "0101)");
                return;
            }
            if (code.charAt(0) != annex.name().charAt(0)) {
                problems.add(where + "code " + code + " belongs to Annex " + code.charAt(0) + ", not Annex " + annex);
                return;
            }
            String annexField = field("annex");
            if (!annexField.isEmpty() && !annexField.equalsIgnoreCase(annex.name())) {
                problems.add(where + "code " + code + " is marked as Annex " + annexField.toUpperCase(Locale.ROOT)
                        + ", not Annex " + annex);
            }
            String term = field("term").replaceAll("\\s+", " ");
            if (term.isEmpty()) {
                problems.add(where + "code " + code + " has no term");
            }
            String hierarchy = field("codehierarchy", "code hierarchy").replace(" ", "");
            List<String> path = hierarchy.isEmpty() ? List.of(code) : List.of(hierarchy.split("\\|"));
            if (!path.getLast().equalsIgnoreCase(code)) {
                problems.add(where + "code " + code + ": its CodeHierarchy '" + hierarchy + "' does not end with it");
                return;
            }
            String parent = path.size() > 1 ? path.get(path.size() - 2).toUpperCase(Locale.ROOT) : null;
            String status = field("status");
            String description = field("status description");
            Draft existing = terms.get(code);
            if (existing != null) {
                // Annex E places some codes at different depths under different parents (E050303); a code cannot,
                // however, be a top-level term in one place and under a parent in another.
                if ((parent == null) != (existing.parents.getFirst() == null)) {
                    problems.add(where + "code " + code + " is " + (parent == null ? "a top-level term here"
                            : "under " + parent + " here") + " but " + (parent == null ? "has a parent"
                            : "a top-level term") + " on line " + existing.line);
                    return;
                }
                if (!existing.paths.add(String.join("|", path).toUpperCase(Locale.ROOT))) {
                    // IMDRF's Release 2022 Annex E repeats E120201 word for word; only a conflicting repeat is wrong.
                    if (!existing.term.equals(term)) {
                        problems.add(where + "code " + code + " appears twice at the same place with different "
                                + "terms (first on line " + existing.line + ")");
                    }
                } else {
                    // IMDRF lists a code once per place in the hierarchy (Annex E); the entry carrying a change
                    // note is the one IMDRF last edited, so its wording wins.
                    if (!existing.parents.contains(parent)) {
                        existing.parents.add(parent);
                    }
                    if (existing.status.isEmpty() && !status.isEmpty()) {
                        existing.reword(term, field("definition"), status, description);
                    }
                }
                return;
            }
            var draft = new Draft(line, code, path.size());
            draft.parents.add(parent);
            draft.paths.add(String.join("|", path).toUpperCase(Locale.ROOT));
            draft.reword(term, field("definition"), status, description);
            draft.nonImdrfCode = field("non-imdrf code/term", "non-imdrf code");
            terms.put(code, draft);
        }
    }

    /** A term being collected from one or more rows. */
    private static final class Draft {

        final int line;
        final String code;
        final int level;
        final List<String> parents = new ArrayList<>();
        final Set<String> paths = new HashSet<>();
        String term;
        String definition;
        String status;
        String description;
        String nonImdrfCode;

        Draft(int line, String code, int level) {
            this.line = line;
            this.code = code;
            this.level = level;
        }

        void reword(String term, String definition, String status, String description) {
            this.term = term;
            this.definition = definition.replaceAll("\\s+", " ");
            this.status = status;
            this.description = description;
        }

        ImdrfTerm term(ImdrfAnnex annex, String version) {
            String lower = status.toLowerCase(Locale.ROOT);
            ImdrfStatus derived = lower.contains("retired") ? ImdrfStatus.RETIRED
                    : lower.contains("not selectable") ? ImdrfStatus.NOT_SELECTABLE : ImdrfStatus.CURRENT;
            String note = status.isEmpty() ? description : description.isEmpty() ? status
                    : status + ": " + description;
            var unique = new HashSet<String>();
            List<String> others = parents.stream().skip(1).filter(unique::add).toList();
            return new ImdrfTerm(annex, code, term, definition, parents.getFirst(), others, level, derived, note,
                    nonImdrfCode, version, true);
        }
    }
}
