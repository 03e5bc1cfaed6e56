package org.vigil.reportability.domain;

import java.util.EnumSet;
import java.util.Set;

import org.vigil.deadline.EventKind;

/** Which side records which event, and which events must say a date. */
public final class EventRules {

    /**
     * Events whose report is due on a date the event itself sets (rule period "date set by event"): the complete report
     * after an incomplete initial one (MDR Art. 87(6)), an announced follow-up or final report (MIR 7.3.1 §1.2.f,
     * Art. 89(5)) and an agreed periodic summary report (Art. 87(9)).
     */
    public static final Set<EventKind> NEED_A_DATE = EnumSet.of(EventKind.INCOMPLETE_INITIAL_REPORT,
            EventKind.FOLLOW_UP_ANNOUNCED, EventKind.FINAL_REPORT_ANNOUNCED, EventKind.PERIODIC_SUMMARY_AGREED);

    /** A US user facility's own duties (21 CFR 803.30), recorded by the hospital. */
    public static final Set<EventKind> USER_FACILITY = EnumSet.of(EventKind.USER_FACILITY_DEATH,
            EventKind.USER_FACILITY_SERIOUS_INJURY);

    /** Everything else is the manufacturer's. */
    public static final Set<EventKind> MANUFACTURER = EnumSet.complementOf(EnumSet.copyOf(USER_FACILITY));

    private EventRules() {
    }

    /** In words, for pickers and the timeline. */
    public static String words(EventKind kind) {
        return switch (kind) {
            case FSCA -> "Field safety corrective action decided (MDR Art. 87(8): report before it is undertaken)";
            case INCOMPLETE_INITIAL_REPORT -> "Incomplete initial report sent; complete report announced (Art. 87(6))";
            case FOLLOW_UP_ANNOUNCED -> "Follow-up report announced (MIR 7.3.1 §1.2.f)";
            case FINAL_REPORT_ANNOUNCED -> "Final report announced (Art. 89(5))";
            case PERIODIC_SUMMARY_AGREED -> "Periodic summary report agreed with the authority (Art. 87(9))";
            case TREND_IDENTIFIED -> "Significant increase identified (trend report, Art. 88)";
            case AUTHORITY_DOCUMENT_REQUEST -> "The authority asked for documents or information";
            case SUPPLEMENTAL_INFORMATION -> "New information not in the report to FDA (21 CFR 803.56)";
            case REMEDIAL_ACTION_NEEDED -> "Remedial action needed, or FDA asked for a 5-day report (21 CFR 803.53)";
            case CORRECTION_OR_REMOVAL_STARTED -> "Correction or removal started (21 CFR 806.10)";
            case USER_FACILITY_DEATH -> "We learned the device may have caused or contributed to a death (803.30(a)(1))";
            case USER_FACILITY_SERIOUS_INJURY -> "We learned the device may have caused or contributed to a serious "
                    + "injury (803.30(a)(2))";
        };
    }
}
