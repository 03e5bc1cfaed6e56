package org.vigil.mir.prefill;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.casework.CaseId;
import org.vigil.casework.CaseSide;
import org.vigil.casework.CaseView;
import org.vigil.casework.Cases;
import org.vigil.deadline.Authority;
import org.vigil.deadline.Due;
import org.vigil.deadline.ObligationKind;
import org.vigil.deadline.ObligationView;
import org.vigil.device.DeviceRegister;
import org.vigil.device.UdiDiView;
import org.vigil.device.UnitsPlaced;
import org.vigil.incident.IncidentReports;
import org.vigil.incident.ReportContent;
import org.vigil.incident.ReportId;
import org.vigil.incident.ReportView;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportType;
import org.vigil.mir.domain.MirPrefillMapping;
import org.vigil.mir.domain.PrefillSources;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.organisation.OrganisationView;
import org.vigil.reportability.Conclusion;
import org.vigil.reportability.Reportability;
import org.vigil.reportability.ReportabilityDecision;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.Tenancy;
import org.vigil.shared.VigilPrincipal;
import org.vigil.terminology.Emdn;
import org.vigil.terminology.EmdnTerm;

/**
 * Prefills the MIR 7.3.1 report a manufacturer's vigilance officer starts from (MDR Art. 87 and 89; MDCG 2023-3): it
 * gathers what Vigil knows about a case through the facades of the other modules, as the signed-in manufacturer user,
 * and maps it with {@link MirPrefillMapping}, which documents where each field comes from.
 *
 * <p>Only the manufacturer's side of a case (the manufacturer or its authorised representative) prefills; the
 * hospital and every other organisation get the answer the facades give for a case they may not read
 * ({@link RecordNotFoundException}). Reading takes a fixed number of facade calls whatever the number of similar
 * incidents: one query for the similar reports, one for the hospitals' countries, one for the units placed.
 */
@Component
public class MirPrefill {

    /** A complaint names a device found in the register as "trade name (UDI-DI …)" ({@code Cases}). */
    private static final Pattern COMPLAINT_UDI_DI = Pattern.compile("^(.*) \\(UDI-DI ([^)]+)\\)$");
    /** Reports that follow the initial report and have a due date (§1.2.f). */
    private static final Set<ObligationKind> NEXT_REPORTS = Set.of(ObligationKind.COMPLETE_REPORT,
            ObligationKind.FOLLOW_UP, ObligationKind.FINAL_REPORT);
    /** Authorities that take MIR 7.3.1 reports for incidents in their country. */
    private static final Set<Authority> MIR_AUTHORITIES = Set.of(Authority.NATIONAL_COMPETENT_AUTHORITY,
            Authority.MHRA, Authority.SWISSMEDIC, Authority.TITCK);

    private final Cases cases;
    private final IncidentReports reports;
    private final DeviceRegister devices;
    private final Reportability reportability;
    private final OrganisationManagement organisations;
    private final Emdn emdn;
    private final Clock clock = Clock.systemUTC();

    MirPrefill(Cases cases, IncidentReports reports, DeviceRegister devices, Reportability reportability,
            OrganisationManagement organisations, Emdn emdn) {
        this.cases = cases;
        this.reports = reports;
        this.devices = devices;
        this.reportability = reportability;
        this.organisations = organisations;
        this.emdn = emdn;
    }

    /**
     * The report of {@code type} for the case, prefilled from the case, the hospital's report, the device register,
     * the reportability decision in force and the signed-in user's organisation.
     *
     * @throws RecordNotFoundException when the caller's organisation is not the case's manufacturer side
     * @throws AccessDeniedException   when the signed-in person works no cases of a manufacturer
     */
    @Transactional(readOnly = true)
    public MirReport prefill(CaseId caseId, MirReportType type) {
        return MirPrefillMapping.prefill(gather(caseId), type);
    }

    /**
     * The follow-up or final report after {@code previous}, keeping what it said and refreshing what the case now
     * knows ({@link MirPrefillMapping#continueFrom}).
     *
     * @throws RecordNotFoundException when the caller's organisation is not the case's manufacturer side
     * @throws AccessDeniedException   when the signed-in person works no cases of a manufacturer
     */
    @Transactional(readOnly = true)
    public MirReport continueFrom(CaseId caseId, MirReport previous, MirReportType type) {
        return MirPrefillMapping.continueFrom(previous, type, gather(caseId));
    }

    /** What Vigil knows about the case, as the signed-in manufacturer user reads it. */
    @Transactional(readOnly = true)
    public PrefillSources gather(CaseId caseId) {
        var principal = Tenancy.principal();
        if (principal.isPresent() && !principal.get().hasAnyRole(Cases.MANUFACTURER_ROLES)) {
            throw new AccessDeniedException("Manufacturer incident reports are written by the manufacturer's "
                    + "vigilance staff");
        }
        CaseView view = cases.find(caseId);
        if (cases.sideOf(view) != CaseSide.MANUFACTURER) {
            // The MIR is the manufacturer's: the hospital gets the answer of an unknown case, as for its assessment.
            throw new RecordNotFoundException(Cases.RECORD_TYPE, caseId.value());
        }
        Optional<ReportabilityDecision> decision = reportability.current(caseId);
        // Before the first decision, the decision form's starting point knows the manufacturer's zone and the country.
        var start = decision.isPresent() ? null : reportability.startingPoint(caseId);
        ZoneId zone = decision.map(ReportabilityDecision::manufacturerZone)
                .orElseGet(() -> ZoneId.of(start.manufacturerZone()));
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(zone));
        LocalDate today = now.toLocalDate();

        ReportView report = view.reportId() == null ? null : reports.find(new ReportId(view.reportId()));
        PrefillSources.HospitalReport hospitalReport = null;
        if (report != null) {
            OrganisationView hospital = organisations.get(report.hospital());
            hospitalReport = new PrefillSources.HospitalReport(report.reference(), hospital.name(),
                    hospital.country(), report.content());
        }

        String deviceName = view.deviceName();
        String udiDi = report == null ? null : report.content().device().udiDi();
        if (report == null && deviceName != null) {
            Matcher named = COMPLAINT_UDI_DI.matcher(deviceName);
            if (named.matches()) {
                deviceName = named.group(1);
                udiDi = named.group(2);
            }
        }
        Optional<UdiDiView> udi = devices.findUdiDi(udiDi);
        var basic = udi.map(found -> devices.basicUdiDi(found.basicUdiDiId()));
        PrefillSources.RegisteredDevice registered = udi.isEmpty() ? null
                : new PrefillSources.RegisteredDevice(basic.orElseThrow().data(), udi.get().data());
        String emdnTerm = udi.map(found -> found.data().emdnCode()).filter(code -> !code.isBlank())
                .flatMap(emdn::find).map(EmdnTerm::term).orElse(null);

        List<ObligationView> obligations = decision.isPresent() ? reportability.obligations(caseId) : List.of();
        String incidentCountry = decision.map(ReportabilityDecision::incidentCountry)
                .orElseGet(() -> start.incidentCountry());
        PrefillSources.Decision decided = decision.map(d -> new PrefillSources.Decision(
                LocalDate.ofInstant(d.incidentAwareness(), d.incidentAwarenessZone()),
                LocalDate.ofInstant(d.reportabilityAwareness(), d.reportabilityAwarenessZone()),
                d.conclusion() == Conclusion.REPORTABLE ? d.classification() : null, d.incidentCountry()))
                .orElse(null);

        OrganisationView acting = organisations.get(Tenancy.requireActor().organisationId());
        boolean representative = acting.kind() == OrganisationKind.AUTHORISED_REPRESENTATIVE;
        PrefillSources.Organisation manufacturer = null;
        if (representative && view.manufacturer() != null) {
            OrganisationView maker = organisations.get(view.manufacturer());
            String srn = registered != null && registered.basic().manufacturerSrn() != null
                    ? registered.basic().manufacturerSrn() : maker.srn();
            manufacturer = new PrefillSources.Organisation(maker.name(), srn, maker.country());
        }
        var submitter = new PrefillSources.SubmitterFacts(new PrefillSources.Organisation(acting.name(),
                acting.srn(), acting.country()), representative, manufacturer,
                principal.map(VigilPrincipal::displayName).orElse(null),
                principal.map(VigilPrincipal::email).orElse(null));

        var similar = similarCases(view, report, registered == null ? null : udi.get());
        List<UnitsPlaced> units = unitsPlaced(udi.orElse(null), acting.id());

        var facts = new PrefillSources.CaseFacts(view.reference(), deviceName,
                report == null ? view.summary() : null, view.outcome(), view.rootCause());
        return new PrefillSources(now, today, facts, hospitalReport, registered, emdnTerm, decided,
                competentAuthority(obligations, incidentCountry), nextReportDue(obligations),
                authorityReference(obligations, incidentCountry), submitter, similar, units);
    }

    /**
     * §1.1: the authority of the incident country among those the decision routed the case to, named by its SRN when
     * it is registered in Vigil with one, else by its name; Vigil names MHRA, Swissmedic and TITCK itself. A national
     * competent authority not registered in Vigil stays to be chosen by a person.
     */
    private String competentAuthority(List<ObligationView> obligations, String incidentCountry) {
        if (incidentCountry == null) {
            return null;
        }
        var recipient = obligations.stream().map(ObligationView::recipient)
                .filter(r -> MIR_AUTHORITIES.contains(r.authority()) && incidentCountry.equals(r.country()))
                .findFirst();
        if (recipient.isEmpty()) {
            return null;
        }
        var registered = organisations.directory(OrganisationKind.COMPETENT_AUTHORITY).stream()
                .filter(authority -> incidentCountry.equalsIgnoreCase(authority.country())).findFirst();
        if (registered.isPresent()) {
            String srn = registered.get().srn();
            return srn != null && !srn.isBlank() ? srn : registered.get().name();
        }
        return recipient.get().authority() == Authority.NATIONAL_COMPETENT_AUTHORITY ? null
                : recipient.get().authority().label();
    }

    /** §1.2.f: the earliest pending follow-up or final report with a date. */
    private static LocalDate nextReportDue(List<ObligationView> obligations) {
        return obligations.stream().filter(o -> o.pending() && NEXT_REPORTS.contains(o.kind()))
                .map(ObligationView::due).filter(Due.By.class::isInstance).map(due -> ((Due.By) due).date())
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** §1.1: the reference the incident country's authority gave the initial report, once recorded. */
    private static String authorityReference(List<ObligationView> obligations, String incidentCountry) {
        return obligations.stream().filter(o -> o.kind() == ObligationKind.INITIAL_REPORT
                        && o.submissionReference() != null && !o.submissionReference().isBlank()
                        && (incidentCountry == null || incidentCountry.equals(o.recipient().country())))
                .map(ObligationView::submissionReference).findFirst().orElse(null);
    }

    /**
     * §4.3: the manufacturer's submitted reports about the same device (every UDI-DI of its Basic UDI-DI when it is
     * registered; else the same UDI-DI or, for a device described in words, the same model) sharing an IMDRF Annex A
     * code with this one, each placed in its hospital's country. Complaints carry no IMDRF coding and are not
     * counted.
     */
    private List<PrefillSources.SimilarCase> similarCases(CaseView view, ReportView report, UdiDiView udi) {
        if (report == null || view.manufacturer() == null || report.content().deviceProblemCodes().isEmpty()) {
            return List.of();
        }
        ReportContent content = report.content();
        List<String> udiDis;
        List<String> models = List.of();
        if (udi != null) {
            udiDis = devices.udiDisOf(udi.basicUdiDiId()).stream().map(found -> found.data().udiDi()).toList();
        } else {
            udiDis = content.device().udiDi() == null ? List.of() : List.of(content.device().udiDi());
            models = content.device().model() == null || content.device().model().isBlank() ? List.of()
                    : List.of(content.device().model());
        }
        var found = reports.similarReports(view.manufacturer(), udiDis, models, content.deviceProblemCodes());
        if (found.isEmpty()) {
            return List.of();
        }
        Map<OrganisationId, String> countries = new HashMap<>();
        for (var hospital : organisations.directory(OrganisationKind.HEALTHCARE_ORGANISATION)) {
            countries.put(hospital.id(), hospital.country());
        }
        return found.stream().map(similar -> new PrefillSources.SimilarCase(similar.countedOn(),
                countries.get(similar.hospital()))).toList();
    }

    /** §4.3 units placed: the register gives them to the device's owner only. */
    private List<UnitsPlaced> unitsPlaced(UdiDiView udi, OrganisationId acting) {
        if (udi == null || !udi.owner().equals(acting)) {
            return List.of();
        }
        return devices.unitsPlacedUnder(udi.basicUdiDiId());
    }
}
