package org.vigil.mir.eudamed;

import java.util.ArrayList;
import java.util.List;

import org.vigil.mir.AdministrativeInformation;
import org.vigil.mir.DeviceInformation;
import org.vigil.mir.IncidentInformation;
import org.vigil.mir.InitialReporter;
import org.vigil.mir.MirReport;
import org.vigil.mir.Party;
import org.vigil.mir.PatientInformation;
import org.vigil.mir.Submitter;
import org.vigil.shared.InvalidInputException.FieldError;

/**
 * What {@code mir_2Type} (DTX 3.0.25) requires of a report before Vigil writes it: the values an element needs once
 * its section is there. Each missing value is one {@link FieldError} named by the {@link MirReport} component path,
 * e.g. {@code administrative.reportType}, so a person sees which field of which MIR section to fill in. The report
 * type's own rules (MDCG 2023-3, which fields an initial or final report carries) are {@code MirReportRules}'
 * business, not repeated here.
 */
final class EudamedRequirements {

    private EudamedRequirements() {
    }

    static List<FieldError> check(MirReport report) {
        List<FieldError> errors = new ArrayList<>();
        administrative(report.administrative(), errors);
        device(report.device(), errors);
        incident(report.incident(), errors);
        int periods = report.investigation().similarIncidents().periods().size();
        if (periods > MirEudamedWriter.MAX_SIMILAR_PERIODS) {
            errors.add(new FieldError("investigation.similarIncidents.periods", "EUDAMED takes similar incidents for "
                    + "at most " + MirEudamedWriter.MAX_SIMILAR_PERIODS + " periods (the latest and the three before "
                    + "it); the report has " + periods + "."));
        }
        return errors;
    }

    private static void administrative(AdministrativeInformation admin, List<FieldError> errors) {
        if (admin.reportType() == null) {
            errors.add(new FieldError("administrative.reportType", "The report type (MIR §1.2.e) is missing; "
                    + "EUDAMED needs it in adminInfoSection/reportType."));
        }
        boolean dates = admin.incidentFrom() != null || admin.incidentTo() != null || admin.awareness() != null
                || admin.reportabilityAwareness() != null || admin.nextReportDate() != null
                || admin.classification() != null;
        if (dates && admin.incidentFrom() == null) {
            errors.add(new FieldError("administrative.incidentFrom", "The incident date (MIR §1.2.b) is missing; "
                    + "EUDAMED needs it with the other dates in dateOfIncidentSection/startDateofIncident."));
        }
        if (dates && admin.awareness() == null) {
            errors.add(new FieldError("administrative.awareness", "The date the manufacturer became aware of the "
                    + "incident (MIR §1.2.c) is missing; EUDAMED needs it in dateOfIncidentSection/mfAwarenessDate."));
        }
        Submitter submitter = admin.submitter();
        if (submitter != null) {
            contact("administrative.submitter.manufacturer", submitter.manufacturer(), errors);
            contact("administrative.submitter.authorisedRepresentative", submitter.authorisedRepresentative(),
                    errors);
            if (submitter.role() == org.vigil.mir.SubmitterRole.OTHER) {
                contact("administrative.submitter.other", submitter.other(), errors);
            }
        }
    }

    /** A contact in EUDAMED ({@code default-ContactMdrType}) has first name, family name, e-mail and telephone. */
    private static void contact(String field, Party party, List<FieldError> errors) {
        if (!MirEudamedWriter.hasContact(party)) {
            return;
        }
        missing(errors, field + ".contactFirstName", party.contactFirstName(), "the contact person's first name");
        missing(errors, field + ".contactFamilyName", party.contactFamilyName(), "the contact person's family name");
        missing(errors, field + ".email", party.email(), "the contact's e-mail address");
        missing(errors, field + ".phone", party.phone(), "the contact's telephone");
    }

    private static void missing(List<FieldError> errors, String field, String value, String what) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "The contact (MIR §1.3) lacks " + what + "; a EUDAMED contact has "
                    + "first name, family name, e-mail and telephone."));
        }
    }

    /** Whether anything goes into {@code deviceInformationSubHead}, which then needs the nomenclature term. */
    static boolean hasSubHead(DeviceInformation device) {
        return device.legislation() != null || device.riskClass() != null || device.udiDi() != null
                || device.implantedFrom() != null || device.modelNumber() != null || device.deviceName() != null
                || device.catalogueNumber() != null || device.nomenclatureSystem() != null
                || device.nomenclatureCode() != null || device.nomenclatureText() != null
                || device.tissuesOrCells() != null;
    }

    private static void device(DeviceInformation device, List<FieldError> errors) {
        if (hasSubHead(device) && device.nomenclatureText() == null) {
            errors.add(new FieldError("device.nomenclatureText", "The nomenclature term (MIR §2.2) is missing; "
                    + "EUDAMED needs it in deviceNomenclatureDescription_manual whenever the device is described."));
        }
        if (device.udiDi() != null && device.udiDiIssuingEntity() == null) {
            errors.add(new FieldError("device.udiDiIssuingEntity", "The UDI-DI's issuing entity (MIR §2.1: GS1, "
                    + "HIBCC, ICCBBA or IFA) is missing; EUDAMED needs it with the UDI-DI."));
        }
        if (device.basicUdiDi() != null && device.udiDi() == null) {
            errors.add(new FieldError("device.udiDi", "EUDAMED takes the Basic UDI-DI only with the device's UDI-DI "
                    + "(MIR §2.1), which is missing."));
        }
        if (device.basicUdiDi() != null && device.basicUdiDiIssuingEntity() == null) {
            errors.add(new FieldError("device.basicUdiDiIssuingEntity", "The Basic UDI-DI's issuing entity (MIR "
                    + "§2.1) is missing; EUDAMED needs it with the Basic UDI-DI."));
        }
    }

    private static void incident(IncidentInformation incident, List<FieldError> errors) {
        if (incident.deviceProblemCodes().isEmpty() && (incident.deviceLocation() != null
                || incident.operator() != null || incident.usage() != null || incident.numberOfPatients() != null)) {
            errors.add(new FieldError("incident.deviceProblemCodes", "No IMDRF Annex A device problem code (MIR "
                    + "§3.2); EUDAMED records where the device is, who operated it and its usage only with at least "
                    + "one."));
        }
        PatientInformation patient = incident.patient();
        if (!patient.clinicalCodes().isEmpty() && patient.healthImpactCodes().isEmpty()) {
            errors.add(new FieldError("incident.patient.healthImpactCodes", "No IMDRF Annex F health impact code "
                    + "(MIR §3.3); EUDAMED takes the Annex E clinical codes only together with at least one."));
        }
        if (patient.clinicalCodes().isEmpty() && !patient.healthImpactCodes().isEmpty()) {
            errors.add(new FieldError("incident.patient.clinicalCodes", "No IMDRF Annex E clinical code (MIR §3.3); "
                    + "EUDAMED takes the Annex F health impact codes only together with at least one."));
        }
        InitialReporter reporter = incident.initialReporter();
        if (reporter.role() == null && (reporter.otherRole() != null || reporter.facilityName() != null
                || reporter.facilityNumber() != null || reporter.facilityCountry() != null)) {
            errors.add(new FieldError("incident.initialReporter.role", "The initial reporter's role (MIR §3.4) is "
                    + "missing; EUDAMED needs it in initialReporter/initialReporterRole."));
        }
    }
}
