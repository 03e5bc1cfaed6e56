package org.vigil.mir.eudamed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;

import org.vigil.mir.AdministrativeInformation;
import org.vigil.mir.DeviceInformation;
import org.vigil.mir.EudamedEnvelope;
import org.vigil.mir.IncidentInformation;
import org.vigil.mir.InitialReporter;
import org.vigil.mir.ManufacturerInvestigation;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirReportType;
import org.vigil.mir.Party;
import org.vigil.mir.PatientInformation;
import org.vigil.mir.ReportReference;
import org.vigil.mir.SimilarIncidentPeriod;
import org.vigil.mir.SimilarIncidents;
import org.vigil.mir.Submitter;
import org.vigil.mir.SubmitterRole;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.InvalidInputException.FieldError;

/**
 * Writes a {@link MirReport} as a EUDAMED DTX 3.0.25 {@code m:Push} message to the {@code VIG_DOSSIER} service whose
 * payload is one vigilance {@code Dossier} with {@code Data} of type {@code vig:mir_2Type}: StAX straight to bytes,
 * no tree in between. The mapping field by field, and what has no place, is described on
 * {@link org.vigil.mir.MirEudamed}.
 *
 * <p>Before writing anything it checks the values {@code mir_2Type} requires once a section is written (a contact
 * needs name, e-mail and telephone; clinical codes need both Annex E and Annex F; at most four similar-incident
 * periods …) and refuses the report with an {@link InvalidInputException} naming each missing or unfitting report
 * field, so no half-valid document leaves Vigil.
 */
public final class MirEudamedWriter {

    static final String MESSAGE_NS = "https://ec.europa.eu/tools/eudamed/dtx/servicemodel/Message/v1";
    static final String SERVICE_NS = "https://ec.europa.eu/tools/eudamed/dtx/servicemodel/Service/v1";
    static final String VIGBASE_NS = "https://ec.europa.eu/tools/eudamed/dtx/datamodel/Entity/Vigilance";
    static final String VIG_NS = VIGBASE_NS + "/v1";
    static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    /** The DTX version {@code MessageType.xsd} fixes on every message. */
    public static final String DTX_VERSION = "3.0.25";
    /** The EUDAMED node that receives, and the vigilance dossier service. */
    static final String EUDAMED_NODE = "EUDAMED";
    static final String SERVICE = "VIG_DOSSIER";
    /** {@code number_of_similar_incidents} holds period N and the three before it. */
    static final int MAX_SIMILAR_PERIODS = 4;

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newInstance();
    private static final Pattern IMDRF_CODE = Pattern.compile("[A-G][0-9]{2,8}");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private static final String M = "m";
    private static final String S = "s";
    private static final String VB = "vigbase";
    private static final String V = "vig";

    private final DtxXml xml;

    private MirEudamedWriter(DtxXml xml) {
        this.xml = xml;
    }

    /** The DTX message carrying {@code report}, UTF-8. */
    public static byte[] write(MirReport report, EudamedEnvelope envelope) {
        var out = new ByteArrayOutputStream(16 * 1024);
        try {
            write(report, envelope, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the DTX message carrying {@code report} to {@code out}, leaving it open.
     *
     * @throws InvalidInputException naming each report field {@code mir_2Type} needs and the report lacks
     */
    public static void write(MirReport report, EudamedEnvelope envelope, OutputStream out) throws IOException {
        List<FieldError> errors = EudamedRequirements.check(report);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        try {
            // StAX into characters, encoded once: the JDK's writer encodes UTF-8 on an OutputStream char by char
            var text = new StringWriter(16 * 1024);
            var stax = OUTPUT.createXMLStreamWriter(text);
            stax.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            new MirEudamedWriter(new DtxXml(stax)).message(report, envelope);
            stax.writeCharacters("\n");
            stax.writeEndDocument();
            stax.flush();
            stax.close();
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (XMLStreamException e) {
            throw new IOException("The EUDAMED document could not be written: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------- envelope

    private void message(MirReport report, EudamedEnvelope envelope) throws XMLStreamException {
        var stax = xml.stax();
        xml.start(M, MESSAGE_NS, "Push");
        stax.writeNamespace(M, MESSAGE_NS);
        stax.writeNamespace(S, SERVICE_NS);
        stax.writeNamespace(VB, VIGBASE_NS);
        stax.writeNamespace(V, VIG_NS);
        stax.writeNamespace("xsi", XSI_NS);
        xml.attribute("version", DTX_VERSION);
        xml.leaf(M, MESSAGE_NS, "correlationID", envelope.correlationId());
        xml.leaf(M, MESSAGE_NS, "creationDateTime", DATE_TIME.format(envelope.created()));
        xml.leaf(M, MESSAGE_NS, "messageID", envelope.messageId());
        endpoint("recipient", EUDAMED_NODE);
        xml.start(M, MESSAGE_NS, "payload");
        dossier(report);
        xml.end();
        endpoint("sender", envelope.senderActorCode());
        xml.end();
    }

    private void endpoint(String role, String actor) throws XMLStreamException {
        xml.start(M, MESSAGE_NS, role);
        xml.start(M, MESSAGE_NS, "node");
        xml.leaf(S, SERVICE_NS, "nodeActorCode", actor);
        xml.end();
        xml.start(M, MESSAGE_NS, "service");
        xml.leaf(S, SERVICE_NS, "serviceID", SERVICE);
        xml.leaf(S, SERVICE_NS, "serviceOperation", "POST");
        xml.end();
        xml.end();
    }

    private void dossier(MirReport report) throws XMLStreamException {
        AdministrativeInformation admin = report.administrative();
        xml.start(VB, VIGBASE_NS, "Dossier");
        xml.stax().writeAttribute("xsi", XSI_NS, "type", V + ":DossierType");
        xml.attribute("version", "1");
        xml.leaf(VB, VIGBASE_NS, "DossierExtId", admin.manufacturerReference());
        // EUDAMED gives the dossier its code on creation; every later report of the incident names it
        xml.leaf(VB, VIGBASE_NS, "DossierCode", admin.eudamedReportNumber());
        xml.start(VB, VIGBASE_NS, "Fields");
        xml.stax().writeAttribute("xsi", XSI_NS, "type", V + ":mir_2FieldsType");
        xml.leaf(V, VIG_NS, "ca_srn", admin.competentAuthority());
        xml.leaf(V, VIG_NS, "is_psr_related", Boolean.toString(!admin.psrIds().isEmpty()));
        Party manufacturer = admin.submitter() == null ? null : admin.submitter().manufacturer();
        xml.leaf(V, VIG_NS, "mf_srn", manufacturer == null ? null : manufacturer.srn());
        xml.leaf(V, VIG_NS, "mfr", admin.manufacturerReference());
        xml.leaf(V, VIG_NS, "psr_ref", admin.psrIds().isEmpty() ? null : String.join(", ", admin.psrIds()));
        xml.end();
        xml.start(VB, VIGBASE_NS, "Data");
        xml.stax().writeAttribute("xsi", XSI_NS, "type", V + ":mir_2Type");
        xml.attribute("version", "1");
        xml.start(V, VIG_NS, "mir_2");
        administrative(admin);
        device(report.device());
        incident(report.incident());
        investigation(admin.reportType(), report.investigation());
        if (report.comments().comments() != null) {
            xml.start(V, VIG_NS, "generalComments");
            xml.leaf(V, VIG_NS, "generalCommentsDescription", report.comments().comments());
            xml.end();
        }
        xml.end();
        xml.end();
        xml.end();
    }

    // ------------------------------------------------------------------------------------------- §1 admin

    private void administrative(AdministrativeInformation admin) throws XMLStreamException {
        xml.start(V, VIG_NS, "administrativeInformation");
        xml.start(V, VIG_NS, "adminInfoSection");
        xml.leaf(V, VIG_NS, "reportType", EudamedCodes.reportType(admin.reportType()));
        xml.leaf(V, VIG_NS, "ncaReportRef", admin.ncaReportNumber());
        xml.end();
        if (admin.incidentFrom() != null) {
            xml.start(V, VIG_NS, "dateOfIncidentSection");
            xml.leaf(V, VIG_NS, "startDateofIncident", admin.incidentFrom());
            xml.leaf(V, VIG_NS, "endDateofIncident", admin.incidentTo() == null ? admin.incidentFrom()
                    : admin.incidentTo());
            xml.leaf(V, VIG_NS, "mfAwarenessDate", admin.awareness());
            xml.leaf(V, VIG_NS, "mfAwarenessDateReportability", admin.reportabilityAwareness());
            xml.leaf(V, VIG_NS, "reportNextDate", admin.nextReportDate());
            xml.leaf(V, VIG_NS, "eventClassification", EudamedCodes.classification(admin.classification()));
            xml.end();
        }
        submitter(admin.submitter());
        references(admin);
        xml.end();
    }

    private void submitter(Submitter submitter) throws XMLStreamException {
        if (submitter == null) {
            return;
        }
        xml.start(V, VIG_NS, "submitterInformationSection");
        if (hasContact(submitter.manufacturer())) {
            xml.start(V, VIG_NS, "mfrInformationSection");
            contact("mfrContact", submitter.manufacturer());
            xml.end();
        }
        Party ar = submitter.authorisedRepresentative();
        if (ar != null && (ar.srn() != null || hasContact(ar))) {
            xml.start(V, VIG_NS, "arInformationSection");
            xml.leaf(V, VIG_NS, "arSRN", ar.srn());
            if (hasContact(ar)) {
                contact("arContact", ar);
            }
            xml.end();
        }
        xml.leaf(V, VIG_NS, "mirSubmitterContactType", EudamedCodes.submitterRole(submitter.role()));
        if (submitter.role() == SubmitterRole.OTHER && hasContact(submitter.other())) {
            contact("otherMIRContact", submitter.other());
        }
        xml.end();
    }

    /** {@code default-ContactMdrType}: exactly first name, family name, e-mail and telephone, all four. */
    private void contact(String name, Party party) throws XMLStreamException {
        xml.start(V, VIG_NS, name);
        xml.leaf(V, VIG_NS, "firstName", party.contactFirstName());
        xml.leaf(V, VIG_NS, "familyName", party.contactFamilyName());
        xml.leaf(V, VIG_NS, "electronicMail", party.email());
        xml.leaf(V, VIG_NS, "telephone", party.phone());
        xml.end();
    }

    static boolean hasContact(Party party) {
        return party != null && (party.contactFirstName() != null || party.contactFamilyName() != null
                || party.email() != null || party.phone() != null);
    }

    private void references(AdministrativeInformation admin) throws XMLStreamException {
        boolean pmcf = admin.pmcfPmpfInvestigation() != null || !admin.pmcfPmpfIds().isEmpty();
        if (admin.otherMirs().isEmpty() && admin.fscaReferences().isEmpty() && !pmcf) {
            return;
        }
        xml.start(V, VIG_NS, "otherReportsReferencesSection");
        if (!admin.otherMirs().isEmpty()) {
            xml.start(V, VIG_NS, "refNumbersOtherMIRSection");
            referenceList(admin.otherMirs(), "linkedReport_MIR", "listOfMIRForm", "mfrRefNumber", "ncaRefNumber");
            xml.end();
        }
        if (!admin.fscaReferences().isEmpty()) {
            xml.start(V, VIG_NS, "refNumbersFSCASection");
            referenceList(admin.fscaReferences(), "linkedFSCAFormDetails", "listOfFSCANumbers", "mfrFSCANumber",
                    "ncaFSCANumber");
            xml.end();
        }
        if (pmcf) {
            xml.start(V, VIG_NS, "pmcf_pmpfInvestigationSection");
            xml.leaf(V, VIG_NS, "isPMCF", admin.pmcfPmpfInvestigation());
            xml.leaf(V, VIG_NS, "pmcf_pmpfInvestigationID", admin.pmcfPmpfIds().isEmpty() ? null
                    : String.join(", ", admin.pmcfPmpfIds()));
            xml.end();
        }
        xml.end();
    }

    /** EUDAMED numbers link to dossiers it knows; manufacturer and authority numbers are listed beside them. */
    private void referenceList(List<ReportReference> references, String linked, String list, String mfr, String nca)
            throws XMLStreamException {
        int ordinal = 0;
        for (ReportReference reference : references) {
            if (reference.eudamed() != null) {
                xml.ordinal(V, VIG_NS, linked, ++ordinal, reference.eudamed());
            }
        }
        ordinal = 0;
        for (ReportReference reference : references) {
            if (reference.manufacturer() != null || reference.nca() != null) {
                xml.start(V, VIG_NS, list);
                xml.attribute("ordinal", Integer.toString(++ordinal));
                xml.leaf(V, VIG_NS, mfr, reference.manufacturer());
                xml.leaf(V, VIG_NS, nca, reference.nca());
                xml.end();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ §2 device

    private void device(DeviceInformation device) throws XMLStreamException {
        xml.start(V, VIG_NS, "deviceInformationTab");
        xml.start(V, VIG_NS, "mirDeviceInformation");
        xml.start(V, VIG_NS, "deviceInformation");
        if (EudamedRequirements.hasSubHead(device)) {
            xml.start(V, VIG_NS, "deviceInformationSubHead");
            xml.leaf(V, VIG_NS, "applicableLegislation", EudamedCodes.legislation(device.legislation()));
            xml.leaf(V, VIG_NS, "deviceRiskClass", EudamedCodes.riskClass(device.riskClass()));
            if (device.udiDi() != null) {
                xml.start(V, VIG_NS, "deviceIDnotInEUDAMED_MasterUDI");
                xml.leaf(V, VIG_NS, "deviceIDnotInEUDAMED_UDI_Code", device.udiDi());
                xml.leaf(V, VIG_NS, "deviceIDnotInEUDAMED_IssuingEnt",
                        EudamedCodes.issuingEntity(device.udiDiIssuingEntity()));
                xml.end();
            }
            if (device.basicUdiDi() != null) {
                xml.start(V, VIG_NS, "deviceNotinEUDAMED_BUDI");
                xml.leaf(V, VIG_NS, "deviceNotinEUDAMED_BUDI_Code", device.basicUdiDi());
                xml.leaf(V, VIG_NS, "deviceIDnotInEUDAMED_BUDI_IssuingEnt",
                        EudamedCodes.issuingEntity(device.basicUdiDiIssuingEntity()));
                xml.end();
            }
            xml.leaf(V, VIG_NS, "implantableDevice", device.implantedFrom() != null ? Boolean.TRUE : null);
            xml.leaf(V, VIG_NS, "deviceModel", device.modelNumber());
            xml.leaf(V, VIG_NS, "deviceName", device.deviceName());
            xml.leaf(V, VIG_NS, "deviceCatalogueRefNo", device.catalogueNumber());
            xml.leaf(V, VIG_NS, "deviceTerminology", EudamedCodes.code(device.nomenclatureSystem()));
            xml.leaf(V, VIG_NS, "deviceNomenclatureCode", device.nomenclatureCode());
            xml.leaf(V, VIG_NS, "deviceNomenclatureDescription_manual", device.nomenclatureText());
            xml.leaf(V, VIG_NS, "deviceContainingDerivatesTissuesorCells", device.tissuesOrCells());
            xml.end();
        }
        if (device.udiPi() != null || device.serialNumber() != null || device.lotNumber() != null
                || device.softwareVersion() != null || device.firmwareVersion() != null
                || device.manufacturingDate() != null || device.expiryDate() != null) {
            xml.start(V, VIG_NS, "udiPISection");
            xml.leaf(V, VIG_NS, "udiPIvalue", device.udiPi());
            xml.leaf(V, VIG_NS, "affectedSerialNo", device.serialNumber());
            xml.leaf(V, VIG_NS, "affectedLotNo", device.lotNumber());
            xml.leaf(V, VIG_NS, "affectedSoftwareNo", device.softwareVersion());
            xml.leaf(V, VIG_NS, "affectedFirmwareNo", device.firmwareVersion());
            xml.leaf(V, VIG_NS, "affectedDeviceManufacturingDate", device.manufacturingDate());
            xml.leaf(V, VIG_NS, "affectedDeviceExpiryDate", device.expiryDate());
            xml.end();
        }
        if (device.notifiedBody() != null || device.certificateNumber() != null) {
            xml.start(V, VIG_NS, "certificateIdentificationSection");
            xml.start(V, VIG_NS, "new_certificateDetails");
            xml.attribute("ordinal", "1");
            xml.start(V, VIG_NS, "certificateIdentificationSection");
            xml.leaf(V, VIG_NS, "nbNumber", device.notifiedBody());
            xml.leaf(V, VIG_NS, "certificateNumber", device.certificateNumber());
            xml.end();
            xml.end();
            xml.end();
        }
        implantation(device);
        var distribution = device.distribution();
        if (!distribution.eeaCountries().isEmpty() || !distribution.otherCountries().isEmpty()) {
            xml.start(V, VIG_NS, "marketDistribution");
            for (String country : distribution.eeaCountries()) {
                xml.leaf(V, VIG_NS, "distributionCountry", country);
            }
            int ordinal = 0;
            for (String country : distribution.otherCountries()) {
                xml.ordinal(V, VIG_NS, "otherCountries", ++ordinal, country);
            }
            xml.end();
        }
        if (device.accessories() != null || device.associatedDevices() != null) {
            xml.start(V, VIG_NS, "associatedDevicesorAccessoriesSection");
            xml.leaf(V, VIG_NS, "useOfAccessories", device.accessories());
            xml.leaf(V, VIG_NS, "otherAssociatedDevices", device.associatedDevices());
            xml.end();
        }
        xml.end();
        xml.end();
        xml.end();
    }

    private void implantation(DeviceInformation device) throws XMLStreamException {
        boolean implanted = device.implantedFrom() != null;
        boolean explanted = device.explantedFrom() != null;
        if (!implanted && !explanted && device.implantFacility() == null && device.explantFacility() == null) {
            return;
        }
        xml.start(V, VIG_NS, "implantedDeviceSection");
        if (implanted) {
            xml.leaf(V, VIG_NS, "deviceImplantedApplicable", Boolean.TRUE);
            boolean single = isSingleDay(device.implantedFrom(), device.implantedTo());
            xml.leaf(V, VIG_NS, "deviceImplanted", EudamedCodes.periodType(single));
            if (single) {
                xml.leaf(V, VIG_NS, "implantedDate", device.implantedFrom());
            } else {
                xml.leaf(V, VIG_NS, "deviceImplantedStartDate", device.implantedFrom());
                xml.leaf(V, VIG_NS, "deviceImplantedEndDate", device.implantedTo());
            }
        }
        xml.leaf(V, VIG_NS, "implantFacility", device.implantFacility());
        if (explanted) {
            xml.leaf(V, VIG_NS, "deviceExplantedapplicable", Boolean.TRUE);
            boolean single = isSingleDay(device.explantedFrom(), device.explantedTo());
            xml.leaf(V, VIG_NS, "deviceExplanted", EudamedCodes.periodType(single));
            if (single) {
                xml.leaf(V, VIG_NS, "deviceExplantedDate", device.explantedFrom());
            } else {
                xml.leaf(V, VIG_NS, "deviceExplantedStartDate", device.explantedFrom());
                xml.leaf(V, VIG_NS, "deviceExplantedEndDate", device.explantedTo());
            }
        }
        xml.leaf(V, VIG_NS, "explantFacility", device.explantFacility());
        xml.end();
    }

    private static boolean isSingleDay(LocalDate from, LocalDate to) {
        return to == null || to.equals(from);
    }

    // ---------------------------------------------------------------------------------------- §3 incident

    private void incident(IncidentInformation incident) throws XMLStreamException {
        xml.start(V, VIG_NS, "incidentInformation");
        if (incident.description() != null) {
            xml.start(V, VIG_NS, "incidentInformationSection");
            xml.leaf(V, VIG_NS, "natureOfIncident", incident.description());
            xml.end();
        }
        if (!incident.deviceProblemCodes().isEmpty()) {
            xml.start(V, VIG_NS, "medicalDeviceProblem");
            codes("imdrfCodeAnnexA", incident.deviceProblemCodes());
            xml.leaf(V, VIG_NS, "patientNo", incident.numberOfPatients() == null ? null
                    : incident.numberOfPatients().toString());
            option("deviceLocation", "deviceLocationDescription", EudamedCodes.DEVICE_LOCATIONS,
                    incident.deviceLocation());
            option("deviceOperator", "deviceOperatorDescription", EudamedCodes.DEVICE_OPERATORS,
                    incident.operator());
            option("deviceUsage", "deviceUsageOther", EudamedCodes.DEVICE_USAGES, incident.usage());
            xml.end();
        }
        patient(incident.patient());
        reporter(incident.initialReporter());
        xml.end();
    }

    /** The option's code and, when the report's words say more than the option's name, those words too. */
    private void option(String name, String description, List<EudamedCodes.Option> options, String text)
            throws XMLStreamException {
        if (text == null) {
            return;
        }
        EudamedCodes.Option option = EudamedCodes.option(options, text);
        xml.leaf(V, VIG_NS, name, option.code());
        xml.leaf(V, VIG_NS, description, option.label().equalsIgnoreCase(text.strip()) ? null : text);
    }

    private void codes(String name, List<String> codes) throws XMLStreamException {
        int ordinal = 0;
        for (String code : codes) {
            xml.ordinal(V, VIG_NS, name, ++ordinal, code);
        }
    }

    private void patient(PatientInformation patient) throws XMLStreamException {
        boolean codes = !patient.clinicalCodes().isEmpty();
        if (!codes && patient.ageYears() == null && patient.sex() == null && patient.weightKg() == null
                && patient.heightCm() == null && patient.priorConditions() == null) {
            return;
        }
        xml.start(V, VIG_NS, "clinicalInformation");
        if (codes) {
            xml.start(V, VIG_NS, "imdrfAnnexEAnnexFSection");
            codes("imdrfCodeAnnexE", patient.clinicalCodes());
            codes("imdrfCodeAnnexF", patient.healthImpactCodes());
            xml.end();
        }
        if (patient.ageYears() != null) {
            xml.start(V, VIG_NS, "patientAge");
            xml.leaf(V, VIG_NS, "patientAgeValue", Boolean.TRUE);
            xml.leaf(V, VIG_NS, "patientAgeYears", patient.ageYears().toString());
            xml.end();
        }
        xml.leaf(V, VIG_NS, "patientGender", EudamedCodes.code(patient.sex()));
        xml.leaf(V, VIG_NS, "patientWeight", plain(patient.weightKg()));
        xml.leaf(V, VIG_NS, "patientHeight", plain(patient.heightCm()));
        xml.leaf(V, VIG_NS, "patientHealthConditions", patient.priorConditions());
        xml.end();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private void reporter(InitialReporter reporter) throws XMLStreamException {
        if (reporter.role() == null) {
            return;
        }
        xml.start(V, VIG_NS, "initialReporter");
        xml.leaf(V, VIG_NS, "initialReporterRole", EudamedCodes.code(reporter.role()));
        xml.leaf(V, VIG_NS, "initialReporterOtherRole", reporter.otherRole());
        xml.leaf(V, VIG_NS, "healthcareFacilityApplicable", reporter.facilityName() != null
                || reporter.facilityNumber() != null);
        xml.leaf(V, VIG_NS, "healthcareFacilityName", reporter.facilityName());
        xml.leaf(V, VIG_NS, "healthcareFacilityNumber", reporter.facilityNumber());
        if (reporter.facilityCountry() != null) {
            xml.start(V, VIG_NS, "initialReporterContact");
            xml.start(V, VIG_NS, "geographicalAddress");
            xml.leaf(V, VIG_NS, "country", reporter.facilityCountry());
            xml.end();
            xml.end();
        }
        xml.end();
    }

    // ----------------------------------------------------------------------------------- §4 investigation

    private void investigation(MirReportType type, ManufacturerInvestigation investigation)
            throws XMLStreamException {
        xml.start(V, VIG_NS, "manufacturerAnalysis");
        if (investigation.preliminaryAnalysis() != null || investigation.initialActions() != null
                || investigation.furtherInvestigations() != null) {
            xml.start(V, VIG_NS, "preliminaryCommentsSection");
            xml.leaf(V, VIG_NS, "preliminaryConclusions", investigation.preliminaryAnalysis());
            xml.leaf(V, VIG_NS, "initialActions", investigation.initialActions());
            xml.leaf(V, VIG_NS, "furtherInvestigations", investigation.furtherInvestigations());
            xml.end();
        }
        conclusions(type, investigation);
        similarIncidents(investigation.similarIncidents());
        xml.end();
    }

    private void conclusions(MirReportType type, ManufacturerInvestigation investigation) throws XMLStreamException {
        boolean codes = !investigation.investigationTypeCodes().isEmpty()
                || !investigation.investigationFindingCodes().isEmpty()
                || !investigation.investigationConclusionCodes().isEmpty() || !investigation.componentCodes().isEmpty();
        String actions = actions(investigation);
        if (!codes && actions == null && investigation.finalComments() == null && investigation.rootCause() == null
                && investigation.riskAssessmentReviewed() == null && investigation.riskAssessmentAdequate() == null) {
            return;
        }
        xml.start(V, VIG_NS, "conclusionsSection");
        boolean nonReportable = type == MirReportType.FINAL_NON_REPORTABLE;
        xml.leaf(V, VIG_NS, "manufacturerConclusion", nonReportable ? null : investigation.finalComments());
        xml.leaf(V, VIG_NS, "manufacturerNonReportableConclusion", nonReportable ? investigation.finalComments()
                : null);
        xml.leaf(V, VIG_NS, "riskReviewed", investigation.riskAssessmentReviewed());
        xml.leaf(V, VIG_NS, "adequateRisk", investigation.riskAssessmentAdequate());
        if (codes) {
            xml.start(V, VIG_NS, "causeInvestigationIMDRFSection");
            codes("imdrfCodeAnnexB", investigation.investigationTypeCodes());
            codes("imdrfCodeAnnexC", investigation.investigationFindingCodes());
            codes("imdrfCodeAnnexD", investigation.investigationConclusionCodes());
            codes("imdrfCodeAnnexG", investigation.componentCodes());
            xml.end();
        }
        xml.leaf(V, VIG_NS, "remedialActions", actions);
        xml.leaf(V, VIG_NS, "causeInvestigationConclusions", investigation.rootCause());
        xml.end();
    }

    /** MIR 7.3.1 §4.4 keeps remedial, corrective and preventive actions apart; mir_2Type has one text for all. */
    static String actions(ManufacturerInvestigation investigation) {
        var text = new StringBuilder();
        append(text, "Remedial actions: ", investigation.remedialActions());
        append(text, "Corrective actions: ", investigation.correctiveActions());
        append(text, "Preventive actions: ", investigation.preventiveActions());
        return text.isEmpty() ? null : text.toString();
    }

    private static void append(StringBuilder text, String label, String value) {
        if (value != null) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(label).append(value);
        }
    }

    private void similarIncidents(SimilarIncidents similar) throws XMLStreamException {
        if (similar.codeBasis() == null && similar.periods().isEmpty()) {
            return;
        }
        xml.start(V, VIG_NS, "similarIncidentsSection");
        if (similar.codeBasis() != null) {
            Set<String> annexes = imdrfAnnexes(similar.codeBasis());
            xml.leaf(V, VIG_NS, "similarIncidentsIMDRFEncoding", !annexes.isEmpty());
            if (annexes.isEmpty()) {
                xml.leaf(V, VIG_NS, "similarIncIdentificationOther", similar.codeBasis());
            } else {
                xml.start(V, VIG_NS, "similarIncIMDRFEncodingSection");
                for (String annex : annexes) {
                    xml.leaf(V, VIG_NS, "similarIncIdentificationAnnex", EudamedCodes.annex(annex));
                }
                xml.end();
            }
        }
        if (!similar.periods().isEmpty()) {
            xml.start(V, VIG_NS, "numberDevicesIncidentsperPeriodSection");
            xml.start(V, VIG_NS, "noIncidentsChildTemplate");
            List<SimilarIncidentPeriod> periods = similar.periods();
            for (int back = 0; back < periods.size(); back++) {
                SimilarIncidentPeriod period = periods.get(periods.size() - 1 - back);
                String suffix = back == 0 ? "N" : "_N-" + back;
                xml.start(V, VIG_NS, back == 0 ? "lbTimePeriodN" : "lbTimePeriod" + suffix);
                if (back > 0) {
                    xml.leaf(V, VIG_NS, "enableN-" + back, Boolean.TRUE);
                }
                xml.leaf(V, VIG_NS, back == 0 ? "startDateN" : "startDate" + suffix, period.from());
                xml.leaf(V, VIG_NS, back == 0 ? "endDateN" : "endDate" + suffix, period.to());
                xml.leaf(V, VIG_NS, "numberOfSimilarIncidentsEEA" + (back == 0 ? "_N" : suffix),
                        count(period.incidentsEea()));
                xml.leaf(V, VIG_NS, "numberOfSimilarIncidentsWorld" + (back == 0 ? "_N" : suffix),
                        count(period.incidentsWorldwide()));
                xml.leaf(V, VIG_NS, "numberOfDevicesEEA" + (back == 0 ? "_N" : suffix), count(period.unitsEea()));
                xml.leaf(V, VIG_NS, "numberOfDevicesWorld" + (back == 0 ? "_N" : suffix),
                        count(period.unitsWorldwide()));
                xml.end();
            }
            xml.end();
            xml.leaf(V, VIG_NS, "commentsOnHowIncidentsWereDetermined", determination(similar));
            xml.end();
        }
        xml.end();
    }

    private static String count(Long value) {
        return value == null ? null : value.toString();
    }

    /** The IMDRF annexes ({@code A} … {@code G}) whose codes the basis names; empty when it names none. */
    static Set<String> imdrfAnnexes(String basis) {
        Set<String> annexes = new TreeSet<>();
        for (String word : basis.split("[^A-Za-z0-9]+")) {
            if (IMDRF_CODE.matcher(word).matches()) {
                annexes.add(word.substring(0, 1));
            }
        }
        return annexes;
    }

    /**
     * mir_2Type has no element for the code basis's words or the rates of MIR 7.3.1 §4.3; they go into the comment on
     * how the incidents were determined, rates in per cent to four decimals as the form shows them.
     */
    static String determination(SimilarIncidents similar) {
        var text = new StringBuilder();
        if (similar.codeBasis() != null) {
            text.append("Similar incidents identified by: ").append(similar.codeBasis()).append('.');
        }
        List<String> rates = new ArrayList<>();
        for (SimilarIncidentPeriod period : similar.periods()) {
            BigDecimal eea = period.rateEea();
            BigDecimal world = period.rateWorldwide();
            if (eea == null && world == null) {
                continue;
            }
            rates.add(period.from() + " to " + period.to() + ": " + (eea == null ? "" : "EEA, TR and XI "
                    + eea.toPlainString() + " %") + (eea != null && world != null ? ", " : "")
                    + (world == null ? "" : "worldwide " + world.toPlainString() + " %"));
        }
        if (!rates.isEmpty()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append("Incident rates (similar incidents per units placed on the market): ")
                    .append(String.join("; ", rates)).append('.');
        }
        return text.isEmpty() ? null : text.toString();
    }
}
