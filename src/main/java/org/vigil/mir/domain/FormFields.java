package org.vigil.mir.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.vigil.deadline.Classification;
import org.vigil.mir.MirReportType;
import org.vigil.mir.SubmitterRole;

/**
 * Every field of the MIR 7.3.1 form as the report editor shows it, in the form's order, read from
 * {@code mir/form-fields.tsv}: the element path, the MIR item (§1.2.c …), a label and the kind of input. The paths are
 * the form XML's (see {@code org.vigil.mir.MirForm}), so the editor's values become a form document that the form
 * reader checks, and a stored version's document becomes the editor's values again.
 */
public final class FormFields {

    /** The choices of {@code choice:<list>} fields; a value read from a file outside the list is kept and shown. */
    static final Map<String, List<String>> CHOICES = Map.of(
            "reportType", Arrays.stream(MirReportType.values()).map(MirReportType::formText).toList(),
            "classification", Arrays.stream(Classification.values()).map(Classification::label).toList(),
            "submitter", Arrays.stream(SubmitterRole.values()).map(SubmitterRole::formText).toList(),
            "issuingEntity", List.of("GS1", "HIBCC", "ICCBBA", "IFA"),
            "nomenclature", List.of("EMDN", "GMDN", "Other"),
            "legislation", List.of("MDR", "IVDR", "AIMDD", "MDD", "IVDD"),
            "riskClass", List.of("I", "Is", "Im", "Ir", "IIa", "IIb", "III", "A", "B", "C", "D"),
            "operator", List.of("Healthcare professional", "Patient", "Other caregiver", "None", "Other"),
            "usage", List.of("Initial use", "Reuse of a single-use device", "Reuse of a reusable device",
                    "Re-serviced or refurbished", "Problem noted prior to use", "Other"),
            "sex", List.of("Female", "Male", "Other", "Unknown"));

    private static final Pattern GROUP = Pattern.compile("([^/]+)\\[]");

    /**
     * One field.
     *
     * @param path the element path below {@code incident}, with {@code name[]} for a repeated group, a trailing
     *        {@code #} for numbered elements and {@code *} for a repeated element; {@code @name} for an attribute
     * @param item the MIR 7.3.1 item, e.g. {@code 1.2.c}
     * @param label what the editor calls it
     * @param kind {@code text}, {@code long}, {@code date}, {@code number}, {@code decimal}, {@code yesno},
     *        {@code codes:<annexes>}, {@code list} or {@code choice:<list>}
     */
    public record Field(String path, String item, String label, String kind) {

        /** The section number, 1 to 5; 0 for the document's own attributes. */
        public int section() {
            return item.isEmpty() || !Character.isDigit(item.charAt(0)) ? 0 : item.charAt(0) - '0';
        }

        /** The repeated group this field is in, e.g. {@code admin_info/fscaReferences/fsca[]}; empty when none. */
        public Optional<String> group() {
            var matcher = GROUP.matcher(path);
            return matcher.find() ? Optional.of(path.substring(0, matcher.end())) : Optional.empty();
        }

        /** The choices of a {@code choice:} field; empty otherwise. */
        public List<String> choices() {
            return kind.startsWith("choice:") ? CHOICES.getOrDefault(kind.substring(7), List.of()) : List.of();
        }

        /** The element path as problems name it (e.g. {@code /incident/admin_info/ncaName}), without marks. */
        public String xpath() {
            return "/incident/" + path.replace("[]", "").replace("#", "").replace("*", "");
        }
    }

    private static final FormFields INSTANCE = load();

    private final List<Field> fields;
    private final Map<String, Field> byPath;

    private FormFields(List<Field> fields) {
        this.fields = List.copyOf(fields);
        var map = new LinkedHashMap<String, Field>();
        fields.forEach(field -> map.put(field.path(), field));
        this.byPath = map;
    }

    /** The catalogue shipped with Vigil. */
    public static FormFields mir731() {
        return INSTANCE;
    }

    public List<Field> all() {
        return fields;
    }

    public Optional<Field> byPath(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /**
     * The field a problem's element path names, e.g. {@code /incident/mfr_invest/imdrfComponentCodeChoice2} → the
     * Annex G codes field; empty for a path outside the catalogue.
     */
    public Optional<Field> forXpath(String xpath) {
        String plain = xpath.replaceAll("\\[\\d+]", "");
        for (Field field : fields) {
            String path = field.xpath();
            if (plain.equals(path)) {
                return Optional.of(field);
            }
            if (field.path().endsWith("#") && plain.startsWith(path) && plain.substring(path.length()).matches("\\d*")) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private static FormFields load() {
        try (InputStream in = FormFields.class.getResourceAsStream("/mir/form-fields.tsv")) {
            if (in == null) {
                throw new IllegalStateException("mir/form-fields.tsv is missing from the class path");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            var fields = new ArrayList<Field>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 4) {
                    throw new IllegalStateException("mir/form-fields.tsv: expected 4 columns in: " + line);
                }
                fields.add(new Field(columns[0], "—".equals(columns[1]) ? "" : columns[1], columns[2], columns[3]));
            }
            return new FormFields(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
