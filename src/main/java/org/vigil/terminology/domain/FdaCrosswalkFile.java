package org.vigil.terminology.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.vigil.terminology.CrosswalkEntry;

/**
 * The FDA CDRH adverse-event terminology with its IMDRF codes, as NCI EVS publishes it for FDA
 * ("FDA-CDRH_NCIt_Subsets", comma-separated with a header line). Columns used: {@code CDRH Subset Name},
 * {@code NCIt Concept Code}, {@code CDRH Preferred Term}, {@code CDRH Source Code} (the FDA code of eMDR,
 * 21 CFR 803), {@code CDRH Definition} and {@code IMDRF Code} ({@code IMDRF:A0101}). Rows without an IMDRF code have
 * no counterpart and are skipped; the whole file is checked before anything is loaded.
 */
public final class FdaCrosswalkFile {

    static final List<String> REQUIRED = List.of("CDRH Subset Name", "NCIt Concept Code", "CDRH Preferred Term",
            "CDRH Source Code", "CDRH Definition", "IMDRF Code");
    private static final Pattern IMDRF = Pattern.compile("(?:IMDRF:)?([A-G]\\d{2,})", Pattern.CASE_INSENSITIVE);
    private static final Pattern FDA = Pattern.compile("[A-Za-z0-9]{1,12}");

    private FdaCrosswalkFile() {
    }

    public static List<CrosswalkEntry> read(Reader source) throws IOException, ImdrfReleaseFile.InvalidRelease {
        var in = new BufferedReader(source);
        var records = new QuotedRecords(in, ',', false);
        List<String> header = records.next();
        if (header == null) {
            throw new ImdrfReleaseFile.InvalidRelease(List.of("line 1: the file is empty"));
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT), i);
        }
        var missing = REQUIRED.stream().filter(name -> !columns.containsKey(name.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            throw new ImdrfReleaseFile.InvalidRelease(List.of("line 1: the header lacks the column(s) "
                    + String.join(", ", missing)));
        }
        var problems = new ArrayList<String>();
        var entries = new ArrayList<CrosswalkEntry>();
        Set<String> pairs = new HashSet<>();
        List<String> fields;
        while ((fields = records.next()) != null) {
            int line = records.lineOfLastRecord();
            if (fields.stream().allMatch(String::isBlank)) {
                continue;
            }
            String imdrf = column(fields, columns, "IMDRF Code");
            if (imdrf.isEmpty()) {
                continue;
            }
            String fda = column(fields, columns, "CDRH Source Code");
            var match = IMDRF.matcher(imdrf);
            if (!match.matches()) {
                problems.add("line " + line + ": '" + imdrf + "' is not an IMDRF code such as IMDRF:A0101");
                continue;
            }
            if (!FDA.matcher(fda).matches()) {
                problems.add("line " + line + ": '" + fda + "' is not an FDA CDRH code");
                continue;
            }
            String code = match.group(1).toUpperCase(Locale.ROOT);
            if (!pairs.add(fda + "|" + code)) {
                continue;
            }
            entries.add(new CrosswalkEntry(fda, code, column(fields, columns, "CDRH Preferred Term"),
                    column(fields, columns, "CDRH Definition"), column(fields, columns, "NCIt Concept Code"),
                    column(fields, columns, "CDRH Subset Name")));
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add("the file pairs no FDA code with an IMDRF code");
        }
        if (!problems.isEmpty()) {
            throw new ImdrfReleaseFile.InvalidRelease(problems);
        }
        return List.copyOf(entries);
    }

    private static String column(List<String> fields, Map<String, Integer> columns, String name) {
        int index = columns.get(name.toLowerCase(Locale.ROOT));
        return index < fields.size() ? fields.get(index).strip() : "";
    }
}
