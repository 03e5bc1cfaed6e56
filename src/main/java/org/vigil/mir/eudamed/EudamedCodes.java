package org.vigil.mir.eudamed;

import java.util.List;
import java.util.Locale;

import org.vigil.deadline.Classification;
import org.vigil.mir.MirReportType;
import org.vigil.mir.SubmitterRole;

/**
 * The codes Vigil writes into the {@code ENUM_*} fields of {@code mir_2Type}. DTX 3.0.25 declares those types as
 * open strings whose lists live on the EUDAMED server ({@code /vig-data-ws/public/enumerations/<NAME>}); where the
 * DTX schemas do enumerate a list (risk class in {@code Common/RiskClassEnum.xsd}, legislation in
 * {@code Common/LegislationType.xsd}, UDI issuing entity in {@code UDIDIType.xsd}, ISO country codes) Vigil writes
 * exactly those values, elsewhere the DTX style: the MIR 7.3.1 option in upper case with underscores
 * ({@code INITIAL}, {@code FOLLOW_UP}, {@code DEATH}, {@code HEALTHCARE_PROFESSIONAL}).
 */
final class EudamedCodes {

    /** One option of a MIR 7.3.1 list: its EUDAMED code, its label on the form and words that name it. */
    record Option(String code, String label, List<String> keywords) {
    }

    static final Option OTHER = new Option("OTHER", "Other", List.of());

    /** MIR 7.3.1 §3.1, where the device is now ({@code ENUM_MIR_DEVICE_LOCATION}). */
    static final List<Option> DEVICE_LOCATIONS = List.of(
            new Option("MANUFACTURER", "Manufacturer", List.of("manufacturer")),
            new Option("HEALTHCARE_FACILITY", "Healthcare facility", List.of("facility", "hospital", "clinic")),
            new Option("PATIENT", "Patient", List.of("patient")),
            new Option("DISCARDED", "Discarded", List.of("discard", "destroy", "disposed")),
            new Option("IMPLANTED", "Implanted", List.of("implanted", "in situ")));

    /** MIR 7.3.1 §3.1, who operated the device ({@code ENUM_MIR_DEVICE_OPERATOR}). */
    static final List<Option> DEVICE_OPERATORS = List.of(
            new Option("HEALTHCARE_PROFESSIONAL", "Healthcare professional",
                    List.of("healthcare professional", "nurse", "physician", "doctor", "surgeon")),
            new Option("PATIENT", "Patient", List.of("patient", "lay user", "layperson")));

    /** MIR 7.3.1 §3.1, the device's usage ({@code ENUM_MIR_DEVICE_USAGE}). */
    static final List<Option> DEVICE_USAGES = List.of(
            new Option("INITIAL_USE", "Initial use", List.of("initial use", "first use")),
            new Option("REUSE_OF_SINGLE_USE_DEVICE", "Reuse of a single use device", List.of("single use")),
            new Option("REUSE_OF_REUSABLE_DEVICE", "Reuse of a reusable device", List.of("reusable")),
            new Option("REUSE", "Reuse", List.of("reuse", "re-use")),
            new Option("PROBLEM_NOTED_PRIOR_TO_USE", "Problem noted prior to use", List.of("prior", "before use")));

    private EudamedCodes() {
    }

    /**
     * {@code ENUM_MIR_REPORT_TYPES}, MIR 7.3.1 §1.2.e: {@code INITIAL}, {@code FOLLOW_UP}, {@code INITIAL_FINAL},
     * {@code FINAL} (reportable incident) and {@code FINAL_NON_REPORTABLE}.
     */
    static String reportType(MirReportType type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case INITIAL -> "INITIAL";
            case FOLLOW_UP -> "FOLLOW_UP";
            case INITIAL_AND_FINAL -> "INITIAL_FINAL";
            case FINAL_REPORTABLE -> "FINAL";
            case FINAL_NON_REPORTABLE -> "FINAL_NON_REPORTABLE";
        };
    }

    /** {@code ENUM_CLASSIFICATION_OF_INCIDENT}, MIR 7.3.1 §1.2.g (MDR Art. 87(3)–(5)). */
    static String classification(Classification classification) {
        if (classification == null) {
            return null;
        }
        return switch (classification) {
            case SERIOUS_PUBLIC_HEALTH_THREAT -> "SERIOUS_PUBLIC_HEALTH_THREAT";
            case DEATH -> "DEATH";
            case UNANTICIPATED_SERIOUS_DETERIORATION -> "UNANTICIPATED_SERIOUS_DETERIORATION";
            case OTHER_REPORTABLE -> "ALL_OTHER_REPORTABLE_INCIDENTS";
        };
    }

    /** {@code ENUM_MTR_SUBMITTER_CONTACT_DETAILS}, MIR 7.3.1 §1.3. */
    static String submitterRole(SubmitterRole role) {
        if (role == null) {
            return null;
        }
        return switch (role) {
            case MANUFACTURER -> "MANUFACTURER";
            case AUTHORISED_REPRESENTATIVE -> "AUTHORISED_REPRESENTATIVE";
            case OTHER -> "OTHER";
        };
    }

    /** {@code ENUM_MIR_APPLICABLE_LEGISLATION}: the DTX {@code ApplicableLegislationType} values, MDR … IVDD. */
    static String legislation(String legislation) {
        return legislation == null ? null : legislation.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * {@code ENUM_RISK_CLASS}: the DTX {@code RiskClassEnum} values, {@code I} → {@code CLASS_I}, {@code IIb} →
     * {@code CLASS_IIB}, IVDR {@code C} → {@code CLASS_C}; a value already in that form is kept.
     */
    static String riskClass(String riskClass) {
        if (riskClass == null) {
            return null;
        }
        String value = riskClass.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (value.startsWith("CLASS_") || value.startsWith("IVD_") || value.equals("AIMDD")) {
            return value;
        }
        return "CLASS_" + (value.startsWith("CLASS") ? value.substring("CLASS".length()) : value);
    }

    /** {@code ENUM_MDR_ISSUING_ENTITY}: GS1, HIBCC, ICCBBA, IFA (the DTX {@code IssuingEntityTypeEnum}). */
    static String issuingEntity(String entity) {
        return entity == null ? null : entity.strip().toUpperCase(Locale.ROOT);
    }

    /** {@code ENUM_SIMILAR_INC_IDENTIFICATION}: the IMDRF annex the similar incidents were found by. */
    static String annex(String letter) {
        return "IMDRF_ANNEX_" + letter;
    }

    /** {@code ENUM_MIR_PERIOD_TYPE}: a single date or a period between two dates. */
    static String periodType(boolean singleDay) {
        return singleDay ? "DATE" : "PERIOD";
    }

    /** The option {@code text} names, by label or keyword; {@link #OTHER} when it names none. */
    static Option option(List<Option> options, String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        for (Option option : options) {
            if (option.label().equalsIgnoreCase(lower) || option.code().equalsIgnoreCase(lower)) {
                return option;
            }
        }
        for (Option option : options) {
            for (String keyword : option.keywords()) {
                if (lower.contains(keyword)) {
                    return option;
                }
            }
        }
        return OTHER;
    }

    /** A MIR 7.3.1 option's label as a DTX code: {@code Healthcare professional} → {@code HEALTHCARE_PROFESSIONAL}. */
    static String code(String label) {
        if (label == null) {
            return null;
        }
        var code = new StringBuilder(label.length());
        boolean gap = false;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (gap && !code.isEmpty()) {
                    code.append('_');
                }
                code.append(Character.toUpperCase(c));
                gap = false;
            } else {
                gap = true;
            }
        }
        return code.toString();
    }
}
