package org.vigil.device.importing.read;

import static org.vigil.device.importing.read.DeviceCsvColumn.*;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.vigil.device.BasicUdiDiData;
import org.vigil.device.DeviceImportRow;
import org.vigil.device.ImportProblem;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.PackageLevel;
import org.vigil.device.RiskClass;
import org.vigil.device.UdiDiData;
import org.vigil.udi.BasicUdiDi;
import org.vigil.udi.Gs1;
import org.vigil.udi.IssuingEntity;

/**
 * Reads Vigil's device CSV ({@link DeviceCsvColumn}): one row per UDI-DI with the data of its Basic UDI-DI (MDR Annex
 * VI Part A section 2, Part B). A row that leaves {@code device_name} empty only adds its UDI-DI to a Basic UDI-DI the
 * register already knows; a row that leaves {@code udi_di} empty only registers the Basic UDI-DI. Every rule a row
 * breaks is reported with its line and column; the other rows are still read. A missing {@code basic_udi_di} column,
 * an unknown column, or a file that is not CSV text makes the whole file fatal.
 *
 * <p>Multi-valued columns use a compact syntax: {@code certificates} are separated by {@code |};
 * {@code package_levels} are {@code PACKAGE_DI*QUANTITY>CONTAINED_DI} separated by {@code |}; {@code markets} are
 * {@code COUNTRY:FROM[:UNTIL]} (ISO dates) separated by {@code |}.
 */
public final class DeviceCsvReader {

    private static final Pattern SRN = Pattern.compile("[A-Z]{2}-(MF|AR|IM|PR|SP)-\\d{9}");
    private static final Pattern NOTIFIED_BODY_NUMBER = Pattern.compile("\\d{4}");
    private static final Pattern EMDN = Pattern.compile("[A-Z](\\d{2}){0,6}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int MAX_TEXT = 2000;

    private DeviceCsvReader() {
    }

    public static ReadResult read(InputStream in) {
        var reader = new Rows();
        try {
            CsvTable.read(in, reader::accept);
        } catch (CsvTable.UnreadableCsvException e) {
            return ReadResult.fatal(null, e.getMessage());
        }
        if (reader.fatal != null) {
            return new ReadResult(List.of(), List.of(), List.of(), reader.records, reader.fatal);
        }
        if (reader.header == null) {
            return ReadResult.fatal(null, "The file is empty: it needs a header line naming the columns.");
        }
        return new ReadResult(reader.rows, List.of(), reader.problems, reader.records, null);
    }

    private static final class Rows {
        Map<DeviceCsvColumn, Integer> header;
        int width;
        int records;
        ImportProblem fatal;
        final List<DeviceImportRow> rows = new ArrayList<>();
        final List<ImportProblem> problems = new ArrayList<>();
        final Set<String> udiDis = new HashSet<>();
        final Map<String, Integer> basicRows = new HashMap<>();

        void accept(CsvTable.Line line) {
            if (fatal != null) {
                return;
            }
            if (header == null) {
                readHeader(line);
                return;
            }
            records++;
            var row = new Row(line, header, width);
            DeviceImportRow parsed = row.parse();
            if (parsed != null && parsed.udiDi() != null && !udiDis.add(parsed.udiDi().udiDi())) {
                row.problem(UDI_DI, "UDI-DI " + parsed.udiDi().udiDi() + " appears on an earlier row of this file.");
                parsed = null;
            }
            if (parsed != null && parsed.basicUdiDi() != null && parsed.udiDi() == null) {
                Integer earlier = basicRows.putIfAbsent(parsed.basicUdiDi().basicUdiDi(), line.number());
                if (earlier != null) {
                    row.problem(BASIC_UDI_DI, "Basic UDI-DI " + parsed.basicUdiDi().basicUdiDi()
                            + " is registered on line " + earlier + " already.");
                    parsed = null;
                }
            }
            problems.addAll(row.problems);
            if (parsed != null) {
                rows.add(parsed);
            }
        }

        private void readHeader(CsvTable.Line line) {
            header = new EnumMap<>(DeviceCsvColumn.class);
            width = line.fields().size();
            for (int i = 0; i < line.fields().size(); i++) {
                String name = line.fields().get(i).strip().toLowerCase(Locale.ROOT);
                DeviceCsvColumn column = java.util.Arrays.stream(DeviceCsvColumn.values())
                        .filter(c -> c.header().equals(name)).findFirst().orElse(null);
                if (column == null) {
                    fatal = new ImportProblem(1, name, "Unknown column \"" + name + "\". The columns are: "
                            + String.join(", ", DeviceCsvColumn.headers()) + ".");
                    return;
                }
                if (header.put(column, i) != null) {
                    fatal = new ImportProblem(1, name, "Column \"" + name + "\" appears twice in the header.");
                    return;
                }
            }
            for (DeviceCsvColumn column : DeviceCsvColumn.values()) {
                if (column.requiredInHeader() && !header.containsKey(column)) {
                    fatal = new ImportProblem(1, column.header(), "The header has no \"" + column.header()
                            + "\" column, so this is not a Vigil device CSV.");
                    return;
                }
            }
        }
    }

    /** One data row being read, collecting its problems. */
    private static final class Row {
        private final CsvTable.Line line;
        private final Map<DeviceCsvColumn, Integer> header;
        private final int width;
        final List<ImportProblem> problems = new ArrayList<>();

        Row(CsvTable.Line line, Map<DeviceCsvColumn, Integer> header, int width) {
            this.line = line;
            this.header = header;
            this.width = width;
        }

        DeviceImportRow parse() {
            if (line.fields().size() != width) {
                problems.add(new ImportProblem(line.number(), null, "The row has " + line.fields().size()
                        + " fields but the header names " + width + " columns."));
                return null;
            }
            String basicUdiDi = text(BASIC_UDI_DI);
            if (basicUdiDi == null) {
                problem(BASIC_UDI_DI, "Give the Basic UDI-DI (MDR Annex VI Part A section 2): it is required.");
            } else {
                var check = BasicUdiDi.check(basicUdiDi);
                if (!check.valid()) {
                    problem(BASIC_UDI_DI, "\"" + basicUdiDi + "\" is not a valid Basic UDI-DI: "
                            + check.problems().getFirst().message());
                }
            }
            BasicUdiDiData basic = text(DEVICE_NAME) == null ? null : basic(basicUdiDi);
            UdiDiData udiDi = text(UDI_DI) == null ? null : udiDi(basicUdiDi);
            if (text(DEVICE_NAME) == null && text(UDI_DI) == null) {
                problem(DEVICE_NAME, "The row registers nothing: give a device_name to register the Basic UDI-DI, "
                        + "a udi_di to register a UDI-DI, or both.");
            }
            return problems.isEmpty() ? new DeviceImportRow(line.number(), basic, udiDi) : null;
        }

        private BasicUdiDiData basic(String basicUdiDi) {
            Legislation legislation = legislation();
            RiskClass riskClass = null;
            String riskText = text(RISK_CLASS);
            if (legislation != null && legislation != Legislation.UNKNOWN) {
                if (riskText == null) {
                    problem(RISK_CLASS, "Give the risk class under " + legislation + " (MDR Annex VIII, IVDR Annex "
                            + "VIII): one of " + labels(legislation) + ".");
                } else {
                    riskClass = RiskClass.of(legislation, riskText).orElse(null);
                    if (riskClass == null) {
                        problem(RISK_CLASS, "\"" + riskText + "\" is no risk class under " + legislation
                                + "; use one of " + labels(legislation) + ".");
                    }
                }
            } else if (legislation == Legislation.UNKNOWN && riskText != null) {
                problem(RISK_CLASS, "A risk class needs a legislation: give legislation MDR, IVDR, MDD, AIMDD or "
                        + "IVDD.");
            }
            boolean legacy = bool(LEGACY);
            if (legacy && legislation != null && !legislation.directive() && legislation != Legislation.UNKNOWN) {
                problem(LEGACY, "A legacy device is placed under a Directive (MDR Art. 120(3)); legislation is "
                        + legislation + ".");
            }
            String notifiedBody = text(NOTIFIED_BODY);
            if (notifiedBody != null && !NOTIFIED_BODY_NUMBER.matcher(notifiedBody).matches()) {
                problem(NOTIFIED_BODY, "\"" + notifiedBody + "\" is not a notified body number: four digits, e.g. "
                        + "0123.");
            }
            return new BasicUdiDiData(basicUdiDi, text(DEVICE_NAME), text(INTENDED_PURPOSE), legislation, legacy,
                    riskClass, bool(IMPLANTABLE), bool(ACTIVE), bool(MEASURING), bool(REUSABLE_SURGICAL_INSTRUMENT),
                    medicinalSubstance(), bool(HUMAN_TISSUES_OR_CELLS), bool(ANIMAL_TISSUES_OR_CELLS), notifiedBody,
                    list(CERTIFICATES), srn(MANUFACTURER_SRN), srn(AUTHORISED_REPRESENTATIVE_SRN));
        }

        private UdiDiData udiDi(String basicUdiDi) {
            String di = text(UDI_DI);
            IssuingEntity issuer = issuer(di);
            if (issuer == IssuingEntity.GS1) {
                di = gtin(UDI_DI, di);
            } else if (di.length() > 50) {
                problem(UDI_DI, "A UDI-DI has at most 50 characters.");
            }
            String emdn = text(EMDN_CODE);
            if (emdn != null) {
                emdn = emdn.toUpperCase(Locale.ROOT);
                if (!EMDN.matcher(emdn).matches()) {
                    problem(EMDN_CODE, "\"" + text(EMDN_CODE) + "\" is not an EMDN code: a category letter and up to "
                            + "six pairs of digits, e.g. P0908 (MDR Art. 26).");
                }
            }
            return new UdiDiData(basicUdiDi, di, issuer, text(TRADE_NAME), text(MODEL), text(REFERENCE), emdn,
                    text(SOFTWARE_VERSION), text(FIRMWARE_VERSION), packageLevels(di), markets());
        }

        private IssuingEntity issuer(String di) {
            String text = text(ISSUER);
            if (text == null) {
                return di.chars().allMatch(Character::isDigit) ? IssuingEntity.GS1
                        : di.startsWith("+") ? IssuingEntity.HIBCC : issuerMissing();
            }
            try {
                return IssuingEntity.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(ISSUER, "\"" + text + "\" is not an issuing entity: GS1, HIBCC, ICCBBA or IFA (MDR Art. 27(2),"
                        + " Implementing Decision (EU) 2019/939).");
                return null;
            }
        }

        private IssuingEntity issuerMissing() {
            problem(ISSUER, "Give the issuing entity of the UDI-DI: GS1, HIBCC, ICCBBA or IFA.");
            return null;
        }

        /** A GTIN-8, -12, -13 or -14 as the 14-digit GTIN GUDID and EUDAMED record, with its check digit verified. */
        private String gtin(DeviceCsvColumn column, String value) {
            if (!value.chars().allMatch(Character::isDigit)
                    || !(value.length() == 8 || value.length() == 12 || value.length() == 13 || value.length() == 14)) {
                problem(column, "\"" + value + "\" is not a GTIN: 8, 12, 13 or 14 digits (GS1 General "
                        + "Specifications 3.4.2).");
                return value;
            }
            String gtin = "0".repeat(14 - value.length()) + value;
            var parsed = Gs1.parseBracketed("(01)" + gtin);
            if (!parsed.valid()) {
                problem(column, "GTIN " + value + ": " + parsed.problems().getFirst().message());
            }
            return gtin;
        }

        private List<PackageLevel> packageLevels(String baseDi) {
            List<PackageLevel> levels = new ArrayList<>();
            for (String entry : list(PACKAGE_LEVELS)) {
                int star = entry.indexOf('*');
                int arrow = entry.indexOf('>');
                if (star <= 0 || arrow < star + 2 || arrow == entry.length() - 1) {
                    problem(PACKAGE_LEVELS, "\"" + entry + "\" is not a package level: write PACKAGE_DI*QUANTITY>"
                            + "CONTAINED_DI, e.g. 10812345000018*10>00812345000011.");
                    continue;
                }
                String di = entry.substring(0, star).strip();
                String contains = entry.substring(arrow + 1).strip();
                int quantity;
                try {
                    quantity = Integer.parseInt(entry.substring(star + 1, arrow).strip());
                } catch (NumberFormatException e) {
                    quantity = 0;
                }
                if (quantity < 1) {
                    problem(PACKAGE_LEVELS, "Package " + di + ": the quantity must be a whole number of at least 1.");
                    continue;
                }
                if (di.chars().allMatch(Character::isDigit)) {
                    di = gtin(PACKAGE_LEVELS, di);
                }
                if (contains.chars().allMatch(Character::isDigit) && !contains.isEmpty()) {
                    contains = gtin(PACKAGE_LEVELS, contains);
                }
                if (di.equals(baseDi)) {
                    problem(PACKAGE_LEVELS, "Package " + di + " has the UDI-DI of the base unit; each package level "
                            + "has its own UDI-DI (MDR Annex VI Part C section 3.5).");
                }
                levels.add(new PackageLevel(di, contains, quantity));
            }
            return levels;
        }

        private List<MarketPlacement> markets() {
            List<MarketPlacement> markets = new ArrayList<>();
            Set<String> countries = new HashSet<>();
            for (String entry : list(MARKETS)) {
                String[] parts = entry.split(":", -1);
                String country = parts[0].strip().toUpperCase(Locale.ROOT);
                if (parts.length < 2 || parts.length > 3 || !COUNTRY.matcher(country).matches()) {
                    problem(MARKETS, "\"" + entry + "\" is not a market: write COUNTRY:FROM or COUNTRY:FROM:UNTIL "
                            + "with an ISO 3166-1 alpha-2 code (XI for Northern Ireland) and ISO dates, e.g. "
                            + "DE:2021-05-26.");
                    continue;
                }
                if (!countries.add(country)) {
                    problem(MARKETS, "Country " + country + " is listed twice.");
                    continue;
                }
                LocalDate from = date(parts[1], country);
                LocalDate until = parts.length == 3 && !parts[2].isBlank() ? date(parts[2], country) : null;
                if (from != null && until != null && until.isBefore(from)) {
                    problem(MARKETS, country + ": the device cannot leave the market (" + until
                            + ") before it was placed on it (" + from + ").");
                }
                markets.add(new MarketPlacement(country, from, until));
            }
            return markets;
        }

        private LocalDate date(String text, String country) {
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                problem(MARKETS, country + ": \"" + text.strip() + "\" is not a date; write it as YYYY-MM-DD.");
                return null;
            }
        }

        private Legislation legislation() {
            String text = text(LEGISLATION);
            if (text == null) {
                problem(LEGISLATION, "Give the legislation: MDR, IVDR, MDD, AIMDD, IVDD or UNKNOWN.");
                return null;
            }
            try {
                return Legislation.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(LEGISLATION, "\"" + text + "\" is not a legislation: MDR, IVDR, MDD, AIMDD, IVDD or UNKNOWN.");
                return null;
            }
        }

        private MedicinalSubstance medicinalSubstance() {
            String text = text(MEDICINAL_SUBSTANCE);
            if (text == null) {
                return MedicinalSubstance.NONE;
            }
            try {
                return MedicinalSubstance.valueOf(text.toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                problem(MEDICINAL_SUBSTANCE, "\"" + text + "\" is not NONE, NATIONAL_AUTHORITY_CONSULTED or "
                        + "EMA_CONSULTED (MDR Annex IX section 5.2).");
                return MedicinalSubstance.NONE;
            }
        }

        private String srn(DeviceCsvColumn column) {
            String text = text(column);
            if (text != null && !SRN.matcher(text.toUpperCase(Locale.ROOT)).matches()) {
                problem(column, "\"" + text + "\" is not a single registration number (MDR Art. 31): country, role "
                        + "and nine digits, e.g. DE-MF-000012345.");
            }
            return text == null ? null : text.toUpperCase(Locale.ROOT);
        }

        private boolean bool(DeviceCsvColumn column) {
            String text = text(column);
            if (text == null) {
                return false;
            }
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "yes", "true", "y", "1" -> true;
                case "no", "false", "n", "0" -> false;
                default -> {
                    problem(column, "\"" + text + "\" is not yes or no (true and false are read too).");
                    yield false;
                }
            };
        }

        private List<String> list(DeviceCsvColumn column) {
            String text = text(column);
            if (text == null) {
                return List.of();
            }
            return java.util.Arrays.stream(text.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private String text(DeviceCsvColumn column) {
            Integer index = header.get(column);
            if (index == null) {
                return null;
            }
            String value = line.fields().get(index).strip();
            if (value.length() > MAX_TEXT) {
                problem(column, "At most " + MAX_TEXT + " characters.");
                return value.substring(0, MAX_TEXT);
            }
            return value.isEmpty() ? null : value;
        }

        void problem(DeviceCsvColumn column, String message) {
            String field = column.header();
            if (problems.stream().noneMatch(p -> field.equals(p.field()) && p.message().equals(message))) {
                problems.add(new ImportProblem(line.number(), field, message));
            }
        }

        private static String labels(Legislation legislation) {
            return String.join(", ", RiskClass.under(legislation).stream().map(RiskClass::label).toList());
        }
    }
}
