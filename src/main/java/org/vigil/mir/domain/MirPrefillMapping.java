package org.vigil.mir.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.vigil.device.BasicUdiDiData;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.UdiDiData;
import org.vigil.incident.DeviceAvailability;
import org.vigil.incident.PersonInvolved;
import org.vigil.incident.ReportContent;
import org.vigil.incident.ReportedDevice;
import org.vigil.mir.AdministrativeInformation;
import org.vigil.mir.Comments;
import org.vigil.mir.DeviceInformation;
import org.vigil.mir.IncidentInformation;
import org.vigil.mir.InitialReporter;
import org.vigil.mir.ManufacturerInvestigation;
import org.vigil.mir.MarketDistribution;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportType;
import org.vigil.mir.Party;
import org.vigil.mir.PatientInformation;
import org.vigil.mir.SimilarIncidents;
import org.vigil.mir.Submitter;
import org.vigil.mir.SubmitterRole;
import org.vigil.udi.BasicUdiDi;
import org.vigil.udi.IssuingEntity;
import org.vigil.udi.Udi;
import org.vigil.udi.UdiResult;

/**
 * Turns what Vigil knows about a case ({@link PrefillSources}) into the MIR 7.3.1 report a vigilance officer starts
 * from (MDR Art. 87 and 89; MDCG 2023-3), and carries a submitted report over into its follow-up or final report.
 * Pure: no I/O, no clock.
 *
 * <p>Where each section comes from:
 * <ul>
 * <li>§1.1 the competent authority of the incident country among the decision's authorities; the case number as the
 * manufacturer's reference; for follow-up and final reports the authority's reference recorded for the initial
 * report.</li>
 * <li>§1.2 the report date is today in the manufacturer's zone; the incident date from the hospital's report;
 * awareness (c), reportability awareness (d) and classification (g) from the signed reportability decision; the next
 * report date (f) from a pending follow-up or final report obligation.</li>
 * <li>§1.3 the signed-in user's organisation (name, SRN, country) with the user as contact person; an authorised
 * representative submits for the manufacturer (MDR Art. 11(3)(g)).</li>
 * <li>§2 the device register when the reported device is registered (Basic UDI-DI: name, intended purpose,
 * legislation, class, legacy, notified body and certificate, medicinal substance, tissues; UDI-DI: trade name, EMDN,
 * model, catalogue number, software, markets for §2.5), else the hospital's words; lot, serial, expiry and the UDI-PI
 * from the hospital's report and scan.</li>
 * <li>§3 the hospital's report: description, IMDRF Annex A, E and F codes, the patient's age, sex and weight, where
 * the device is; §3.4 the hospital as the initial reporter's facility with its report number. The reporter's name and
 * the patient's pseudonym are never copied: the MIR names the facility, not people (GDPR Art. 5(1)(c); the hospital
 * decides whether the manufacturer learns the reporter's name, and the MIR has no field for it).</li>
 * <li>§4 the root cause and, for final reports, the outcome the manufacturer recorded on the case; §4.3 similar
 * incidents by {@link SimilarIncidentCounting}.</li>
 * </ul>
 * What only a person can supply stays empty: the preliminary analysis (§4.1), the IMDRF Annex B, C, D and G codes,
 * risk assessment and actions (§4.2, §4.4), §1.4 references, and whatever the sources lack.
 */
public final class MirPrefillMapping {

    /** The language of the text Vigil fills in. */
    public static final String FORM_LANGUAGE = "en";
    /** §3.4: a hospital's report comes from its healthcare professionals. */
    public static final String HEALTHCARE_PROFESSIONAL = "Healthcare professional";

    private MirPrefillMapping() {
    }

    /** The report of {@code type} Vigil prefills from {@code sources}. */
    public static MirReport prefill(PrefillSources sources, MirReportType type) {
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(type, "type");
        return new MirReport(FORM_LANGUAGE, sources.now(), administrative(sources, type), device(sources),
                incident(sources), investigation(sources, type), Comments.none());
    }

    /**
     * The next report after {@code previous} (MDR Art. 89(1) and (5); MDCG 2023-3 Q&A 41–44): it keeps what the
     * previous version said, as it was edited (references, device, incident, IMDRF codes, analyses, comments), and
     * takes the new type, today's date and what the case now knows: the classification of the decision in force, the
     * authority's reference and the manufacturer's reference when the previous report had none, the next report date
     * (none for a final report), the root cause and (for a final report) the outcome recorded on the case, and fresh
     * §4.3 counts unless a person replaced Vigil's code basis.
     */
    public static MirReport continueFrom(MirReport previous, MirReportType type, PrefillSources sources) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sources, "sources");
        var a = previous.administrative();
        var decision = sources.decision();
        boolean reportable = type != MirReportType.FINAL_NON_REPORTABLE;
        var admin = new AdministrativeInformation(
                firstGiven(a.competentAuthority(), sources.competentAuthority()),
                firstGiven(a.ncaReportNumber(), sources.authorityReference()),
                a.eudamedReportNumber(),
                firstGiven(a.manufacturerReference(), sources.caseFacts() == null ? null
                        : sources.caseFacts().reference()),
                sources.today(),
                a.incidentFrom(), a.incidentTo(),
                a.awareness() != null ? a.awareness() : decision == null ? null : decision.awareness(),
                !reportable ? a.reportabilityAwareness() : a.reportabilityAwareness() != null
                        ? a.reportabilityAwareness() : decision == null ? null : decision.reportabilityAwareness(),
                type,
                nextReportDate(type, sources.nextReportDue(), a.nextReportDate(), sources.today()),
                !reportable ? null : decision != null && decision.classification() != null
                        ? decision.classification() : a.classification(),
                a.submitter(), a.otherMirs(), a.fscaReferences(), a.psrIds(), a.pmcfPmpfInvestigation(),
                a.pmcfPmpfIds());
        var m = previous.investigation();
        var facts = sources.caseFacts();
        String rootCause = facts != null && given(facts.rootCause()) ? facts.rootCause().strip() : m.rootCause();
        String finalComments = type.isFinal() && facts != null && given(facts.outcome()) && !given(m.finalComments())
                ? facts.outcome().strip() : m.finalComments();
        var investigation = new ManufacturerInvestigation(m.preliminaryAnalysis(), m.initialActions(),
                m.furtherInvestigations(), m.investigationTypeCodes(), m.investigationFindingCodes(),
                m.investigationConclusionCodes(), m.componentCodes(), rootCause, m.riskAssessmentReviewed(),
                m.riskAssessmentAdequate(), m.remedialActions(), m.correctiveActions(), m.preventiveActions(),
                m.fscaUndertaken(), finalComments, refreshedSimilar(m.similarIncidents(),
                        previous.incident().deviceProblemCodes(), sources));
        return new MirReport(previous.formLanguage() == null ? FORM_LANGUAGE : previous.formLanguage(),
                sources.now(), admin, previous.device(), previous.incident(), investigation, previous.comments());
    }

    // ------------------------------------------------------------------------------------------------ §1

    private static AdministrativeInformation administrative(PrefillSources s, MirReportType type) {
        var decision = s.decision();
        var report = s.hospitalReport();
        boolean reportable = type != MirReportType.FINAL_NON_REPORTABLE;
        boolean first = type == MirReportType.INITIAL || type == MirReportType.INITIAL_AND_FINAL;
        return new AdministrativeInformation(s.competentAuthority(), first ? null : s.authorityReference(), null,
                s.caseFacts() == null ? null : s.caseFacts().reference(), s.today(),
                report == null ? null : report.content().occurredOn(), null,
                decision == null ? null : decision.awareness(),
                decision == null || !reportable ? null : decision.reportabilityAwareness(), type,
                nextReportDate(type, s.nextReportDue(), null, s.today()),
                decision == null || !reportable ? null : decision.classification(), submitter(s.submitter()),
                List.of(), List.of(), List.of(), null, List.of());
    }

    /** §1.2.f: only initial and follow-up reports expect another; a due date in the past is no expectation. */
    private static LocalDate nextReportDate(MirReportType type, LocalDate due, LocalDate previous, LocalDate today) {
        if (type != MirReportType.INITIAL && type != MirReportType.FOLLOW_UP) {
            return null;
        }
        if (due != null && !due.isBefore(today)) {
            return due;
        }
        return previous != null && previous.isAfter(today) ? previous : null;
    }

    /** §1.3: the manufacturer submits, or its authorised representative for it; the signed-in user is the contact. */
    static Submitter submitter(PrefillSources.SubmitterFacts facts) {
        if (facts == null || facts.actingOrganisation() == null) {
            return null;
        }
        Party acting = party(facts.actingOrganisation(), facts.contactName(), facts.contactEmail());
        if (facts.authorisedRepresentative()) {
            Party manufacturer = facts.manufacturer() == null ? null : party(facts.manufacturer(), null, null);
            return new Submitter(SubmitterRole.AUTHORISED_REPRESENTATIVE, manufacturer, acting, null, null);
        }
        return new Submitter(SubmitterRole.MANUFACTURER, acting, null, null, null);
    }

    private static Party party(PrefillSources.Organisation organisation, String contactName, String email) {
        String[] names = personNames(contactName);
        return new Party(blankToNull(organisation.name()), blankToNull(organisation.srn()), names[0], names[1], null,
                null, null, null, blankToNull(organisation.country()), null, blankToNull(email));
    }

    /** A display name as first and family name: the last word is the family name. */
    static String[] personNames(String displayName) {
        if (!given(displayName)) {
            return new String[] {null, null};
        }
        String name = displayName.strip().replaceAll("\\s+", " ");
        int last = name.lastIndexOf(' ');
        return last < 0 ? new String[] {null, name} : new String[] {name.substring(0, last), name.substring(last + 1)};
    }

    // ------------------------------------------------------------------------------------------------ §2

    private static DeviceInformation device(PrefillSources s) {
        ReportedDevice reported = s.hospitalReport() == null ? null : s.hospitalReport().content().device();
        UdiResult scan = reported == null || !given(reported.scan()) ? null : Udi.parse(reported.scan());
        String udiPi = productionIdentifier(scan);
        String lot = firstGiven(reported == null ? null : reported.lot(), scan == null ? null : scan.lot());
        String serial = firstGiven(reported == null ? null : reported.serial(), scan == null ? null : scan.serial());
        LocalDate expiry = reported != null && reported.expiry() != null ? reported.expiry()
                : scan == null ? null : scan.expiry();
        LocalDate manufactured = scan == null ? null : scan.manufactured();
        String reportedSoftware = firstGiven(reported == null ? null : reported.softwareVersion(),
                scan == null ? null : scan.softwareVersion());
        if (s.device() != null) {
            BasicUdiDiData b = s.device().basic();
            UdiDiData u = s.device().udi();
            String entity = u.issuer() == null ? null : u.issuer().name();
            IssuingEntity basicIssuer = BasicUdiDi.check(b.basicUdiDi()).issuer();
            return new DeviceInformation(u.udiDi(), entity, udiPi, b.basicUdiDi(),
                    basicIssuer == null ? entity : basicIssuer.name(), given(u.emdnCode()) ? "EMDN" : null,
                    blankToNull(u.emdnCode()), given(u.emdnCode()) ? s.emdnTerm() : null,
                    firstGiven(u.tradeName(), b.deviceName(), reported == null ? null : reported.deviceName()),
                    blankToNull(b.intendedPurpose()), null,
                    firstGiven(u.model(), reported == null ? null : reported.model()),
                    firstGiven(u.reference(), reported == null ? null : reported.reference()), serial, lot,
                    firstGiven(reportedSoftware, u.softwareVersion()), blankToNull(u.firmwareVersion()), manufactured,
                    expiry, null, null, null, null, null, null,
                    b.legislation() == Legislation.UNKNOWN ? null : b.legislation().name(),
                    b.riskClass() == null ? null : b.riskClass().label(), b.legacy(), blankToNull(b.notifiedBody()),
                    b.certificates().isEmpty() ? null : String.join(", ", b.certificates()),
                    b.medicinalSubstance() != MedicinalSubstance.NONE,
                    b.humanTissuesOrCells() || b.animalTissuesOrCells(), distribution(u.markets()), null, null);
        }
        if (reported == null) {
            String named = s.caseFacts() == null ? null : s.caseFacts().deviceName();
            return new DeviceInformation(null, null, null, null, null, null, null, null, blankToNull(named), null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, MarketDistribution.none(), null, null);
        }
        String udiDi = firstGiven(reported.udiDi(), scan == null ? null : scan.di());
        String entity = scan == null || scan.issuer() == null ? null : scan.issuer().name();
        return new DeviceInformation(udiDi, udiDi == null ? null : entity, udiPi, null, null, null, null, null,
                blankToNull(reported.deviceName()), null, null, blankToNull(reported.model()),
                blankToNull(reported.reference()), serial, lot, reportedSoftware, null, manufactured, expiry, null,
                null, null, null, null, null, null, null, null, null, null, null, null, MarketDistribution.none(),
                null, null);
    }

    /** The UDI-PI of a GS1 scan: its element string without the (01) GTIN. */
    private static String productionIdentifier(UdiResult scan) {
        if (scan == null || scan.issuer() != IssuingEntity.GS1 || scan.gs1Hri() == null || scan.di() == null) {
            return null;
        }
        String pi = scan.gs1Hri().replace("(01)" + scan.di(), "").strip();
        return pi.isEmpty() ? null : pi;
    }

    /**
     * §2.5: the EEA states, Türkiye and Northern Ireland ({@code XI}, Windsor Framework) where the device is or was
     * made available, and the other countries; "all" only when every one of them is listed.
     */
    static MarketDistribution distribution(List<MarketPlacement> markets) {
        if (markets == null || markets.isEmpty()) {
            return MarketDistribution.none();
        }
        var eea = new TreeSet<String>();
        var other = new TreeSet<String>();
        for (var market : markets) {
            if (market == null || !given(market.country())) {
                continue;
            }
            String country = market.country().strip().toUpperCase(java.util.Locale.ROOT);
            (MirReportCheck.EEA_TR_XI.contains(country) ? eea : other).add(country);
        }
        return new MarketDistribution(eea.containsAll(MirReportCheck.EEA_TR_XI), new ArrayList<>(eea),
                new ArrayList<>(other));
    }

    // ------------------------------------------------------------------------------------------------ §3

    private static IncidentInformation incident(PrefillSources s) {
        var report = s.hospitalReport();
        if (report == null) {
            String description = s.caseFacts() == null ? null : s.caseFacts().complaintDescription();
            return new IncidentInformation(blankToNull(description), List.of(), null, null, null, null, null, null,
                    null);
        }
        ReportContent c = report.content();
        Integer patients = c.personInvolved() == PersonInvolved.PATIENT ? Integer.valueOf(1)
                : c.personInvolved() == PersonInvolved.NONE ? Integer.valueOf(0) : null;
        PatientInformation patient = c.personInvolved() == PersonInvolved.NONE ? null
                : new PatientInformation(c.signsAndSymptomsCodes(), c.healthImpactCodes(), ageInYears(c), sex(c),
                        c.weightKg(), null, null);
        var reporter = new InitialReporter(HEALTHCARE_PROFESSIONAL, null, blankToNull(report.hospitalName()),
                blankToNull(report.reference()), blankToNull(report.hospitalCountry()));
        return new IncidentInformation(blankToNull(c.description()), c.deviceProblemCodes(), deviceLocation(c), null,
                null, patients, 1, patient, reporter);
    }

    /** §3.3 asks the age in years: months and days are given in whole years (an infant is 0). */
    private static Integer ageInYears(ReportContent c) {
        if (c.age() == null) {
            return null;
        }
        if (c.ageUnit() == null) {
            return c.age();
        }
        return switch (c.ageUnit()) {
            case YEARS -> c.age();
            case MONTHS -> c.age() / 12;
            case DAYS -> c.age() / 365;
        };
    }

    private static String sex(ReportContent c) {
        if (c.sex() == null) {
            return null;
        }
        return switch (c.sex()) {
            case FEMALE -> "Female";
            case MALE -> "Male";
            case OTHER -> "Other";
            case UNKNOWN -> "Unknown";
        };
    }

    /** §3.1 where the device is now, from the hospital's answer (MDR Art. 89(3): may it be investigated?). */
    private static String deviceLocation(ReportContent c) {
        DeviceAvailability availability = c.deviceAvailability();
        if (availability == null) {
            return blankToNull(c.deviceLocation());
        }
        return switch (availability) {
            case AVAILABLE -> given(c.deviceLocation()) ? "At the healthcare facility: " + c.deviceLocation().strip()
                    : "At the healthcare facility";
            case SENT_TO_MANUFACTURER -> "Sent to the manufacturer";
            case NOT_AVAILABLE -> "Not available for investigation";
            case UNKNOWN -> "Unknown";
        };
    }

    // ------------------------------------------------------------------------------------------------ §4

    private static ManufacturerInvestigation investigation(PrefillSources s, MirReportType type) {
        var facts = s.caseFacts();
        String rootCause = facts == null ? null : blankToNull(facts.rootCause());
        String outcome = facts == null || !type.isFinal() ? null : blankToNull(facts.outcome());
        List<String> codes = s.hospitalReport() == null ? List.of() : s.hospitalReport().content()
                .deviceProblemCodes();
        return new ManufacturerInvestigation(null, null, null, List.of(), List.of(), List.of(), List.of(), rootCause,
                null, null, null, null, null, null, outcome,
                SimilarIncidentCounting.count(codes, s.similarCases(), s.unitsPlaced(), s.today()));
    }

    private static SimilarIncidents refreshedSimilar(SimilarIncidents previous, List<String> codes,
            PrefillSources sources) {
        boolean vigils = previous.periods().isEmpty()
                || Objects.equals(previous.codeBasis(), SimilarIncidentCounting.codeBasis(codes));
        if (!vigils) {
            return previous;
        }
        var fresh = SimilarIncidentCounting.count(codes, sources.similarCases(), sources.unitsPlaced(),
                sources.today());
        return fresh.periods().isEmpty() ? previous : fresh;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String firstGiven(String... values) {
        for (String value : values) {
            if (given(value)) {
                return value.strip();
            }
        }
        return null;
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return given(value) ? value.strip() : null;
    }
}
