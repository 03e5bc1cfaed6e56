package org.vigil.device.importing.read;

import java.io.InputStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.vigil.device.ImportProblem;
import org.vigil.device.UnitsPlaced;
import org.vigil.device.UnitsPlacedRow;

/**
 * Reads units placed on the market per UDI-DI, country and month (the denominator of incident rates and trend
 * reports, MDR Art. 88; MIR 7.3.1 section 2.5): columns {@code udi_di}, {@code country} (ISO 3166-1 alpha-2 or XI),
 * {@code month} ({@code YYYY-MM}) and {@code units} (a whole number, zero or more), in any order.
 */
public final class UnitsPlacedCsvReader {

    public static final List<String> HEADERS = List.of("udi_di", "country", "month", "units");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private UnitsPlacedCsvReader() {
    }

    public static ReadResult read(InputStream in) {
        List<UnitsPlacedRow> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Integer> columns = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        ImportProblem[] fatal = new ImportProblem[1];
        int[] records = new int[1];
        try {
            CsvTable.read(in, line -> {
                if (fatal[0] != null) {
                    return;
                }
                if (columns.isEmpty()) {
                    for (int i = 0; i < line.fields().size(); i++) {
                        String name = line.fields().get(i).strip().toLowerCase(Locale.ROOT);
                        if (!HEADERS.contains(name) || columns.put(name, i) != null) {
                            fatal[0] = new ImportProblem(1, name, "The header must name the columns "
                                    + String.join(", ", HEADERS) + " once each; \"" + name + "\" is not expected.");
                            return;
                        }
                    }
                    for (String required : HEADERS) {
                        if (!columns.containsKey(required)) {
                            fatal[0] = new ImportProblem(1, required, "The header has no \"" + required
                                    + "\" column, so this is not a units-placed CSV.");
                            return;
                        }
                    }
                    return;
                }
                records[0]++;
                int before = problems.size();
                int row = line.number();
                if (line.fields().size() != columns.size()) {
                    problems.add(new ImportProblem(row, null, "The row has " + line.fields().size()
                            + " fields but the header names " + columns.size() + " columns."));
                    return;
                }
                String udiDi = line.fields().get(columns.get("udi_di")).strip();
                String country = line.fields().get(columns.get("country")).strip().toUpperCase(Locale.ROOT);
                String monthText = line.fields().get(columns.get("month")).strip();
                String unitsText = line.fields().get(columns.get("units")).strip();
                if (udiDi.isEmpty()) {
                    problems.add(new ImportProblem(row, "udi_di", "Give the UDI-DI."));
                } else if (udiDi.chars().allMatch(Character::isDigit) && udiDi.length() < 14
                        && (udiDi.length() == 8 || udiDi.length() == 12 || udiDi.length() == 13)) {
                    udiDi = "0".repeat(14 - udiDi.length()) + udiDi;
                }
                if (!COUNTRY.matcher(country).matches()) {
                    problems.add(new ImportProblem(row, "country", "\"" + country + "\" is not a country: an ISO "
                            + "3166-1 alpha-2 code such as DE, or XI for Northern Ireland."));
                }
                YearMonth month = null;
                try {
                    month = YearMonth.parse(monthText);
                } catch (DateTimeParseException e) {
                    problems.add(new ImportProblem(row, "month", "\"" + monthText
                            + "\" is not a month; write it as YYYY-MM, e.g. 2025-03."));
                }
                long units = -1;
                try {
                    units = Long.parseLong(unitsText);
                } catch (NumberFormatException e) {
                    // reported below
                }
                if (units < 0) {
                    problems.add(new ImportProblem(row, "units", "\"" + unitsText
                            + "\" is not a number of units: a whole number, zero or more."));
                }
                if (problems.size() == before) {
                    Integer earlier = seen.putIfAbsent(udiDi + "|" + country + "|" + month, row);
                    if (earlier != null) {
                        problems.add(new ImportProblem(row, "month", "Line " + earlier + " gives the units of "
                                + udiDi + " in " + country + " for " + month + " already."));
                    } else {
                        rows.add(new UnitsPlacedRow(row, new UnitsPlaced(udiDi, country, month, units)));
                    }
                }
            });
        } catch (CsvTable.UnreadableCsvException e) {
            return ReadResult.fatal(null, e.getMessage());
        }
        if (fatal[0] != null) {
            return new ReadResult(List.of(), List.of(), List.of(), records[0], fatal[0]);
        }
        if (columns.isEmpty()) {
            return ReadResult.fatal(null, "The file is empty: it needs the header line " + String.join(",", HEADERS)
                    + ".");
        }
        return new ReadResult(List.of(), rows, problems, records[0], null);
    }
}
