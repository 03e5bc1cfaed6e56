package org.vigil.mir.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.vigil.deadline.Classification;
import org.vigil.device.BasicUdiDiData;
import org.vigil.device.UdiDiData;
import org.vigil.device.UnitsPlaced;
import org.vigil.incident.ReportContent;

/**
 * What Vigil knows about a case when a manufacturer starts a MIR 7.3.1 report (MDR Art. 87; MDCG 2023-3), gathered
 * through the other modules' facades as the signed-in manufacturer user; {@link MirPrefillMapping} turns it into the
 * report. Parts the case does not have are {@code null} (a complaint has no hospital report, a device described in
 * words has no register entry, a case before its first signed decision has no decision); lists are empty.
 *
 * @param now                when the report is started, in the manufacturer's time zone (form creation time)
 * @param today              the report date (§1.2.a): today in the manufacturer's time zone
 * @param caseFacts          the shared case or complaint
 * @param hospitalReport     the hospital's incident report the case was opened from, {@code null} for a complaint
 * @param device             the reported device as registered, {@code null} when it is not in the register
 * @param emdnTerm           the EMDN term of the registered device's code (§2.2), {@code null} when unknown
 * @param decision           the reportability decision in force, {@code null} before the first is signed
 * @param competentAuthority the competent authority of the incident country among the decision's authorities
 *                           (§1.1), as the MIR names it (its SRN when Vigil knows one), {@code null} when unknown
 * @param nextReportDue      the earliest due date of a pending follow-up or final report obligation (§1.2.f)
 * @param authorityReference the competent authority's reference for the submitted initial report, when recorded
 * @param submitter          the submitting organisation and its contact person (§1.3)
 * @param similarCases       the manufacturer's reports of the same device with the same IMDRF Annex A code basis
 *                           (§4.3), this one included
 * @param unitsPlaced        units of the device placed on the market per UDI-DI, country and month (§4.3)
 */
public record PrefillSources(OffsetDateTime now, LocalDate today, CaseFacts caseFacts, HospitalReport hospitalReport,
        RegisteredDevice device, String emdnTerm, Decision decision, String competentAuthority,
        LocalDate nextReportDue, String authorityReference, SubmitterFacts submitter, List<SimilarCase> similarCases,
        List<UnitsPlaced> unitsPlaced) {

    public PrefillSources {
        similarCases = similarCases == null ? List.of() : List.copyOf(similarCases);
        unitsPlaced = unitsPlaced == null ? List.of() : List.copyOf(unitsPlaced);
    }

    /**
     * The case as the manufacturer works it.
     *
     * @param reference            the case number, used as the manufacturer's reference (§1.1)
     * @param deviceName           the device as the case names it
     * @param complaintDescription a complaint's description, {@code null} for a hospital's report
     * @param outcome              the final outcome the manufacturer recorded, {@code null} until then
     * @param rootCause            the root cause the manufacturer recorded, {@code null} until then
     */
    public record CaseFacts(String reference, String deviceName, String complaintDescription, String outcome,
            String rootCause) {
    }

    /**
     * The hospital's report as the manufacturer may read it. The reporter's name is never part of it.
     *
     * @param reference       the hospital's report number (§3.4 the facility's reference)
     * @param hospitalName    the healthcare facility (§3.4)
     * @param hospitalCountry its country, ISO 3166-1 alpha-2 (§3.4)
     * @param content         what the report says; its patient pseudonym never reaches the MIR
     */
    public record HospitalReport(String reference, String hospitalName, String hospitalCountry,
            ReportContent content) {
    }

    /**
     * The reported device's register entry.
     *
     * @param basic the Basic UDI-DI (§2.1, §2.3.a–b, §2.4)
     * @param udi   the UDI-DI (§2.1, §2.2, §2.3.c–e, §2.5)
     */
    public record RegisteredDevice(BasicUdiDiData basic, UdiDiData udi) {
    }

    /**
     * The signed reportability decision in force.
     *
     * @param awareness              §1.2.c, the day the manufacturer became aware of the incident, in the zone it was
     *                               recorded in
     * @param reportabilityAwareness §1.2.d, the day it became aware that the incident is reportable
     * @param classification         §1.2.g, {@code null} unless the decision concludes a reportable serious incident
     * @param incidentCountry        where the incident happened, ISO 3166-1 alpha-2 ({@code XI} for Northern Ireland)
     */
    public record Decision(LocalDate awareness, LocalDate reportabilityAwareness, Classification classification,
            String incidentCountry) {
    }

    /**
     * Who submits the report (§1.3).
     *
     * @param actingOrganisation       the signed-in user's organisation
     * @param authorisedRepresentative whether that organisation is the manufacturer's authorised representative
     *                                 (MDR Art. 11(3)(g)), not the manufacturer itself
     * @param manufacturer             the manufacturer when a representative acts, else {@code null}
     * @param contactName              the signed-in user's display name, the contact person
     * @param contactEmail             the signed-in user's e-mail address
     */
    public record SubmitterFacts(Organisation actingOrganisation, boolean authorisedRepresentative,
            Organisation manufacturer, String contactName, String contactEmail) {
    }

    /**
     * An organisation as the directory knows it.
     *
     * @param name    its name
     * @param srn     its EUDAMED single registration number (MDR Art. 31), {@code null} when none is recorded
     * @param country ISO 3166-1 alpha-2 ({@code XI} for Northern Ireland)
     */
    public record Organisation(String name, String srn, String country) {
    }

    /**
     * One similar incident (§4.3).
     *
     * @param countedOn the day it counts on: when it happened, else when it was reported
     * @param country   where it happened, ISO 3166-1 alpha-2; {@code null} when unknown (counted worldwide only)
     */
    public record SimilarCase(LocalDate countedOn, String country) {
    }
}
