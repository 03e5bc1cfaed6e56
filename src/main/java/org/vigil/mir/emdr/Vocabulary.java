package org.vigil.mir.emdr;

import java.util.Locale;
import java.util.Map;

import org.vigil.mir.EmdrDetails;

/**
 * The codes FDA's eMDR vocabulary assigns to Form 3500A answers (sheet VOCAB of FDA's {@code HL7Medwatch083115.xls}):
 * NCI Thesaurus concept codes in code system {@value #NCI}, FDA's own in {@value #FDA}.
 */
final class Vocabulary {

    /** NCI Thesaurus, the code system of the 3500A questions and most answers. */
    static final String NCI = "2.16.840.1.113883.3.26.1.1";
    /** FDA's code system: product codes, MAUDE problem and evaluation codes, report numbers. */
    static final String FDA = "2.16.840.1.113883.3.24";

    static final String OTHER = "C17649";
    static final String MANUFACTURER = "C53616";

    private Vocabulary() {
    }

    static String reportType(EmdrDetails.ReportType type) {
        return switch (type) {
            // G7 "Initial" (FDA: use Initial, not 30-day, for the first report), 5-day, follow-up
            case INITIAL -> "C53620";
            case FIVE_DAY -> "C53573";
            case FOLLOW_UP -> "C53579";
        };
    }

    static String followUpType(EmdrDetails.FollowUpType type) {
        return switch (type) {
            case CORRECTION -> "C53585";
            case ADDITIONAL_INFORMATION -> "C53586";
            case RESPONSE_TO_FDA_REQUEST -> "C53587";
            case DEVICE_EVALUATION -> "C53588";
        };
    }

    static String eventType(EmdrDetails.EventType type) {
        return switch (type) {
            case DEATH -> "C28554";
            case SERIOUS_INJURY -> "C53569";
            case MALFUNCTION -> "C25745";
        };
    }

    static String outcome(EmdrDetails.Outcome outcome) {
        return switch (outcome) {
            case DEATH -> "C28554";
            case LIFE_THREATENING -> "C41337";
            case HOSPITALIZATION -> "C25179";
            case DISABILITY -> "C21007";
            case CONGENITAL_ANOMALY -> "C2849";
            case REQUIRED_INTERVENTION -> "C52668";
            case OTHER -> OTHER;
        };
    }

    static String reportSource(EmdrDetails.ReportSource source) {
        return switch (source) {
            case FOREIGN -> "C25512";
            case STUDY -> "C15206";
            case LITERATURE -> "C48471";
            case CONSUMER -> "C53568";
            case HEALTH_PROFESSIONAL -> "C53287";
            case USER_FACILITY -> "C53567";
            case COMPANY_REPRESENTATIVE -> "C51968";
            case DISTRIBUTOR -> "C48289";
            case OTHER -> OTHER;
        };
    }

    static String remedialAction(EmdrDetails.RemedialAction action) {
        return switch (action) {
            case RECALL -> "C53609";
            case REPAIR -> "C53611";
            case REPLACE -> "C53610";
            case RELABELING -> "C53608";
            case NOTIFICATION -> "C25297";
            case INSPECTION -> "C53604";
            case PATIENT_MONITORING -> "C53607";
            case MODIFICATION_ADJUSTMENT -> "C53606";
            case OTHER -> OTHER;
        };
    }

    /** A3: FDA's vocabulary knows male and female only; anything else is sent as "no information". */
    static String sex(String sex) {
        if (sex == null) {
            return null;
        }
        return switch (sex.strip().toLowerCase(Locale.ROOT)) {
            case "male", "m" -> "C20197";
            case "female", "f" -> "C16576";
            default -> null;
        };
    }

    /**
     * D5 operator and E3 occupation share one list. The MIR's roles (§3.1 operator, §3.4 initial reporter) map onto
     * it by name; a role the list does not know becomes "Other" with the MIR's words as its text.
     */
    private static final Map<String, String> OCCUPATIONS = Map.ofEntries(
            Map.entry("healthcare professional", "C53287"), Map.entry("health professional", "C53287"),
            Map.entry("health care professional", "C53287"), Map.entry("patient", "C16960"),
            Map.entry("lay user", "C16960"), Map.entry("lay user/patient", "C16960"),
            Map.entry("physician", "C25741"), Map.entry("pharmacist", "C51840"),
            Map.entry("dentist", "C52654"), Map.entry("biomedical engineer", "C51960"),
            Map.entry("risk manager", "C53448"), Map.entry("device unattended", "C53274"),
            Map.entry("patient family member or friend", "C53432"), Map.entry("other caregiver", "C53427"),
            Map.entry("other caregivers", "C53427"), Map.entry("service personnel", "C53273"),
            Map.entry("other health care professional", "C53289"));

    /** The occupation code of {@code role}, {@value #OTHER} (other) when the list has no such entry. */
    static String occupation(String role) {
        return OCCUPATIONS.getOrDefault(role.strip().toLowerCase(Locale.ROOT), OTHER);
    }

    /** H8: initial use or reuse; {@code null} when the MIR's words say neither. */
    static String usage(String usage) {
        if (usage == null) {
            return null;
        }
        String text = usage.toLowerCase(Locale.ROOT);
        if (text.contains("reuse") || text.contains("re-use")) {
            return "C53613";
        }
        return text.contains("initial") ? "C53612" : null;
    }
}
