package org.vigil.terminology.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.vigil.terminology.EmdnTerm;

/**
 * An EMDN release as the European Commission publishes it: tab-separated, the version on the first line
 * ({@code EMDN V2}), a header line, then one term per line with category, category description, code, term, level
 * and terminal flag. A field may be quoted and then span lines, as one term of EMDN V2 does.
 *
 * <p>The file is checked as a whole before anything is loaded: every code must have the shape of its level, its
 * parent must be in the file, and no code may appear twice.
 */
public record EmdnRelease(String version, List<EmdnTerm> terms) {

    private static final Pattern CODE = Pattern.compile("[A-Z](\\d{2}){0,6}");

    /** The problems found in a file, each with its line number; nothing is loaded when there are any. */
    public static final class InvalidRelease extends Exception {

        private final List<String> problems;

        public InvalidRelease(List<String> problems) {
            super(problems.size() + " problems in the EMDN file, first: " + problems.getFirst());
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public static EmdnRelease read(Reader source) throws IOException, InvalidRelease {
        var lines = new QuotedRecords(new BufferedReader(source), '\t', true);
        List<String> first = lines.next();
        if (first == null || first.isEmpty() || !first.getFirst().strip().toUpperCase(Locale.ROOT).startsWith("EMDN")) {
            throw new InvalidRelease(List.of("line 1: expected the version line, for example 'EMDN V2'"));
        }
        String version = first.getFirst().strip();
        List<String> header = lines.next();
        if (header == null || header.size() < 6 || !header.get(2).strip().equalsIgnoreCase("CODE")) {
            throw new InvalidRelease(List.of("line 2: expected the header CATEGORY, CATEGORY DESCRIPTION, CODE, "
                    + "TERM, LEVEL, TERMINAL LEVEL YES/NO"));
        }
        var problems = new ArrayList<String>();
        var terms = new ArrayList<EmdnTerm>();
        var codes = new HashSet<String>();
        List<String> fields;
        while ((fields = lines.next()) != null) {
            int line = lines.lineOfLastRecord();
            if (fields.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (fields.size() < 6) {
                problems.add("line " + line + ": expected 6 tab-separated fields, found " + fields.size());
                continue;
            }
            String code = fields.get(2).strip();
            String term = fields.get(3).strip().replaceAll("\\s+", " ");
            String levelText = fields.get(4).strip();
            if (!CODE.matcher(code).matches()) {
                problems.add("line " + line + ": '" + code + "' is not an EMDN code");
                continue;
            }
            int level = (code.length() + 1) / 2;
            if (!levelText.isEmpty() && !levelText.equals(Integer.toString(level))) {
                problems.add("line " + line + ": code " + code + " is at level " + level + ", not " + levelText);
            }
            if (term.isEmpty()) {
                problems.add("line " + line + ": code " + code + " has no term");
            }
            if (!codes.add(code)) {
                problems.add("line " + line + ": code " + code + " appears twice");
            }
            String terminal = fields.get(5).strip().toUpperCase(Locale.ROOT);
            terms.add(new EmdnTerm(code, term, level, terminal.startsWith("Y"), level == 1 ? null
                    : code.substring(0, code.length() - 2), fields.get(0).strip(), fields.get(1).strip()));
        }
        for (EmdnTerm term : terms) {
            if (term.parentCode() != null && !codes.contains(term.parentCode())) {
                problems.add("code " + term.code() + ": its parent " + term.parentCode() + " is not in the file");
            }
        }
        if (terms.isEmpty()) {
            problems.add("the file holds no terms");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRelease(problems);
        }
        return new EmdnRelease(version, List.copyOf(terms));
    }

    /** Codes of the release, for checks. */
    public Set<String> codes() {
        var codes = new HashSet<String>();
        terms.forEach(term -> codes.add(term.code()));
        return codes;
    }
}
