package org.vigil.mir.emdr;

import static org.vigil.mir.emdr.Vocabulary.FDA;
import static org.vigil.mir.emdr.Vocabulary.NCI;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.vigil.mir.DeviceInformation;
import org.vigil.mir.EmdrDetails;
import org.vigil.mir.InitialReporter;
import org.vigil.mir.ManufacturerInvestigation;
import org.vigil.mir.MirReport;
import org.vigil.mir.Party;
import org.vigil.mir.PatientInformation;

/**
 * Writes one Form FDA 3500A as an eMDR: an HL7 v3 ICSR Release 1 batch {@code PORR_IN040001UV01} (version code
 * {@code V3NORMED_2005}) with one message, laid out as FDA's sample submission of 24 August 2015 and its mapping
 * {@code HL7Medwatch083115.xls}. Values not known are left out, as FDA asks ("leave it blank or null"), except where
 * the schema requires the element; then it carries an HL7 null flavour (NI, ASKU or NA, the three FDA accepts).
 */
public final class EmdrWriter {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newInstance();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final String NULL_FLAVOR = "nullFlavor";

    private final MirReport report;
    private final EmdrDetails details;
    private final OffsetDateTime created;
    private final Xml xml;

    private EmdrWriter(MirReport report, EmdrDetails details, OffsetDateTime created, Xml xml) {
        this.report = report;
        this.details = details;
        this.created = created;
        this.xml = xml;
    }

    /**
     * The eMDR of {@code report} with the US data in {@code details}, UTF-8.
     *
     * @param created when the batch is created: its creation time and, with the registration number, its batch id
     *        ({@code CFN-yyyymmddhhmmss}, FDA's format), written in the offset given
     */
    public static byte[] write(MirReport report, EmdrDetails details, OffsetDateTime created) {
        var out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter stax = OUTPUT.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            stax.setDefaultNamespace(Xml.HL7);
            stax.setPrefix("xsi", Xml.XSI);
            stax.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            new EmdrWriter(report, details, created.truncatedTo(ChronoUnit.SECONDS), new Xml(stax)).batch();
            stax.writeCharacters("\n");
            stax.writeEndDocument();
            stax.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The eMDR could not be written: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private void batch() throws XMLStreamException {
        Party manufacturer = manufacturerParty();
        xml.start("PORR_IN040001UV01", "ITSVersion", "XML_1.0");
        // FDA's batch id: the CFN (or FEI) and the batch's time stamp, yyyymmddhh24miss
        xml.leaf("id", null, "root", "1.1", "extension",
                details.registrationNumber() + "-" + created.format(SECOND), "assigningAuthorityName",
                "MessageSender");
        xml.leaf("creationTime", null, "value", created.format(SECOND));
        xml.leaf("responseModeCode", null);
        xml.leaf("versionCode", null, "code", "V3NORMED_2005");
        xml.leaf("interactionId", null);
        xml.leaf("batchTotalNumber", null, "value", "1");
        batchParty("receiver", "CDRH");
        batchParty("sender", manufacturer == null || manufacturer.name() == null ? null : manufacturer.name());
        message();
        xml.end();
    }

    private void batchParty(String role, String name) throws XMLStreamException {
        xml.start(role).leaf("telecom", null).start("device").leaf("id", null, NULL_FLAVOR, "NA");
        xml.start("asAgent").start("representedOrganization").leaf("id", null, NULL_FLAVOR, "NA");
        if (name == null) {
            xml.leaf("name", null, NULL_FLAVOR, "NI");
        } else {
            xml.leaf("name", name);
        }
        xml.end().end().end().end();
    }

    private void message() throws XMLStreamException {
        xml.start("message");
        xml.leaf("id", null, "extension", "1");
        xml.leaf("creationTime", null, NULL_FLAVOR, "NA");
        xml.leaf("interactionId", null, "root", "2.16.840.1.113883.1.6", "extension", "PORR_IN04001",
                "assigningAuthorityName", "HL7");
        xml.leaf("processingCode", null, NULL_FLAVOR, "NA");
        xml.leaf("processingModeCode", null, NULL_FLAVOR, "NA");
        xml.leaf("acceptAckCode", null, NULL_FLAVOR, "NA");
        for (String role : List.of("receiver", "sender")) {
            xml.start(role).leaf("telecom", null).start("device").leaf("id", null, NULL_FLAVOR, "NA").end().end();
        }
        xml.start("controlActProcess", "moodCode", "EVN");
        xml.leaf("code", null, "code", "PORR_TE040001UV01", "codeSystem", "HL7", "codeSystemName",
                "HL7 Trigger Event Id");
        if (details.initialReportDate() != null) {
            xml.leaf("effectiveTime", null, date(details.initialReportDate())); // B4
        }
        xml.start("authorOrPerformer", "typeCode", "AUT").start("assignedPerson");
        coded("code", Vocabulary.MANUFACTURER, NCI, "Type_of_Reporter");
        xml.end().end();
        xml.start("subject");
        investigationEvent();
        xml.end();
        reasons();
        xml.end().end();
    }

    private void investigationEvent() throws XMLStreamException {
        xml.start("investigationEvent");
        xml.leaf("id", null, "root", FDA, "extension", details.manufacturerReportNumber(),
                "assigningAuthorityName", "FDA"); // G9
        boolean adverseEvent = details.eventType() != EmdrDetails.EventType.MALFUNCTION;
        boolean productProblem = details.productProblem() || !adverseEvent;
        coded("code", adverseEvent && productProblem ? "F55555" : adverseEvent ? "C41331" : "C53054",
                adverseEvent && productProblem ? FDA : NCI, "Adverse_Event_Or_Product_Problem_Report"); // B1
        text("text", narrative()); // H10
        xml.leaf("statusCode", null).leaf("activityTime", null).leaf("availabilityTime", null);
        xml.start("authorOrPerformer", "typeCode", "AUT").leaf("assignedEntity", null).end();
        xml.start("trigger");
        reaction();
        xml.end();
        manufacturerReceipt();
        for (EmdrDetails.Outcome outcome : details.outcomes()) {
            xml.start("pertinentInformation2").start("caseSeriousness", "moodCode", "EVN"); // B2
            coded("code", "C49489", NCI, "Adverse_Event_Outcome");
            xml.value("CE", null, "code", Vocabulary.outcome(outcome), "codeSystem", NCI);
            xml.end().end();
        }
        xml.start("pertainsTo");
        procedure();
        xml.end();
        xml.end();
    }

    /** B3, B5, section A and section E. */
    private void reaction() throws XMLStreamException {
        xml.start("reaction");
        text("text", report.incident().description()); // B5
        if (report.administrative().incidentFrom() != null) {
            xml.leaf("effectiveTime", null, date(report.administrative().incidentFrom())); // B3
        }
        PatientInformation patient = report.incident().patient();
        xml.start("subject").start("investigativeSubject").start("subjectAffectedPerson");
        if (details.patientIdentifier() == null) {
            xml.leaf("name", null, NULL_FLAVOR, "NI");
        } else {
            xml.leaf("name", details.patientIdentifier()); // A1
        }
        String sex = Vocabulary.sex(patient.sex());
        if (sex == null) {
            xml.leaf("administrativeGenderCode", null, NULL_FLAVOR, patient.sex() == null ? "NI" : "ASKU");
        } else {
            coded("administrativeGenderCode", sex, NCI, "Sex"); // A3
        }
        if (details.dateOfDeath() != null) {
            xml.leaf("deceasedTime", null, date(details.dateOfDeath())); // B2 date of death
        }
        xml.end();
        if (patient.ageYears() != null) {
            observation("C25150", "Age", "PQ", null, "value", patient.ageYears().toString(), "unit", "YR"); // A2
        }
        if (patient.weightKg() != null) {
            observation("C25208", "Weight", "PQ", null, "value", plain(patient.weightKg()), "unit", "KG"); // A4
        }
        if (details.relevantTests() != null) {
            observation("C36292", "Test_Result", "ED", details.relevantTests(), "mediaType", "text/plain"); // B6
        }
        if (patient.priorConditions() != null) {
            observation("C53263", "Other_Personal_Medical_History", "ED", patient.priorConditions(),
                    "mediaType", "text/plain"); // B7
        }
        for (String code : details.patientProblemCodes()) {
            observation("C53983", "Patient_Problem_Code", "CE", null, "code", code, "codeSystem", FDA); // F10
        }
        xml.end().end();
        initialReporter();
        xml.end();
    }

    private void observation(String code, String name, String type, String text, String... valueAttributes)
            throws XMLStreamException {
        xml.start("subjectOf").start("observation", "moodCode", "EVN");
        coded("code", code, NCI, name);
        xml.value(type, text, valueAttributes);
        xml.end().end();
    }

    /** Section E: who first reported the event, as far as the MIR names them (§3.4). */
    private void initialReporter() throws XMLStreamException {
        InitialReporter reporter = report.incident().initialReporter();
        xml.start("pertinentInformation").start("primarySourceReport");
        xml.leaf("id", null, NULL_FLAVOR, "ASKU").leaf("code", null, NULL_FLAVOR, "ASKU");
        // E4: FDA negates the receiver: negationInd false means "also sent to FDA"
        if (details.initialReporterSentToFda() == null) {
            xml.start("receiver", NULL_FLAVOR, "ASKU");
        } else {
            xml.start("receiver", "negationInd", Boolean.toString(!details.initialReporterSentToFda()));
        }
        xml.start("assignedEntity").start("assignedOrganization").leaf("name", "FDA").end().end().end();
        xml.start("author").start("assignedEntity");
        if (reporter.role() != null) {
            String code = Vocabulary.occupation(reporter.role());
            String other = !Vocabulary.OTHER.equals(code) ? null
                    : reporter.otherRole() != null ? reporter.otherRole() : reporter.role();
            codedWithText("code", code, NCI, "Occupation", other); // E3
        }
        if (reporter.facilityName() != null) {
            xml.start("representedOrganization").leaf("name", reporter.facilityName()).end(); // E1 facility
        }
        xml.end().end();
        xml.end().end();
    }

    /** G4: the date the manufacturer received the information, the end of the "sent to manufacturer" interval. */
    private void manufacturerReceipt() throws XMLStreamException {
        if (report.administrative().awareness() == null) {
            return;
        }
        xml.start("pertinentInformation1").start("secondaryCaseNotification");
        xml.leaf("id", null, NULL_FLAVOR, "NA").leaf("code", null, NULL_FLAVOR, "NI");
        xml.start("receiver").start("time").leaf("high", null, date(report.administrative().awareness())).end();
        xml.start("assignedEntity").start("assignedOrganization");
        coded("code", Vocabulary.MANUFACTURER, NCI, "Report_Receiver");
        xml.end().end().end();
        xml.end().end();
    }

    /** Section D (the suspect device), H3 to H9 and the manufacturer of G1 and D3. */
    private void procedure() throws XMLStreamException {
        DeviceInformation device = report.device();
        xml.start("procedureEvent").leaf("code", null, NULL_FLAVOR, "ASKU");
        xml.start("device").start("identifiedDevice");
        xml.start("identifiedDevice");
        if (device.serialNumber() != null) {
            xml.leaf("id", null, "extension", device.serialNumber()); // D4 serial
        }
        if (device.manufacturingDate() != null) {
            xml.leaf("existenceTime", null, date(device.manufacturingDate())); // H4
        }
        if (device.lotNumber() != null) {
            xml.leaf("lotNumberText", device.lotNumber(), "mediaType", "text/plain"); // D4 lot
        }
        if (device.expiryDate() != null) {
            xml.leaf("expirationTime", null, date(device.expiryDate())); // D4 expiration
        } else {
            xml.leaf("expirationTime", null, NULL_FLAVOR, "NI");
        }
        xml.start("asManufacturedProduct");
        if (device.catalogueNumber() != null) {
            xml.leaf("id", null, "extension", device.catalogueNumber()); // D4 catalogue
        }
        String udi = udi(device);
        if (udi != null) {
            xml.leaf("code", null, "code", udi); // D4 UDI
        }
        manufacturer();
        xml.end();
        xml.start("inventoryItem").start("manufacturedDeviceModel");
        if (device.modelNumber() != null) {
            xml.leaf("id", null, "extension", device.modelNumber()); // D4 model
        }
        String commonName = details.commonDeviceName() != null ? details.commonDeviceName()
                : device.nomenclatureText();
        if (details.productCode() != null) {
            xml.start("code", "code", details.productCode(), "codeSystem", FDA, "codeSystemName", "Type_of_Device");
            if (commonName != null) {
                xml.leaf("originalText", commonName, "mediaType", "text/plain");
            }
            xml.end(); // D2
        } else {
            xml.start("code", NULL_FLAVOR, "NI");
            if (commonName != null) {
                xml.leaf("originalText", commonName, "mediaType", "text/plain");
            }
            xml.end();
        }
        if (device.deviceName() != null) {
            xml.leaf("manufacturerModelName", device.deviceName(), "mediaType", "text/plain"); // D1
        }
        if (details.premarketNumber() != null) {
            xml.start("asRegulatedProduct").leaf("id", null, "extension", details.premarketNumber()).end(); // G5
        }
        xml.end().end();
        xml.end();
        deviceObservations();
        xml.end().end();
        if (report.incident().operator() != null) {
            String code = Vocabulary.occupation(report.incident().operator());
            xml.start("authorOrPerformer", "typeCode", "AUT").start("assignedEntity");
            codedWithText("code", code, NCI, "Operator_of_Medical_Device",
                    Vocabulary.OTHER.equals(code) ? report.incident().operator() : null); // D5
            xml.end().end();
        }
        // D8 is always stated (the schema needs one pertinentInformation1); FDA asks for "unknown" when the
        // manufacturer cannot tell whether its single-use device was reprocessed
        xml.start("pertinentInformation1").start("observation", "moodCode", "EVN");
        coded("code", "C53563", NCI, "Single-Use_Device_Reprocessed_and_Reused_on_Patient");
        if (details.reprocessedSingleUse() == null) {
            xml.value("BL", null, NULL_FLAVOR, "ASKU");
        } else {
            xml.value("BL", null, "value", details.reprocessedSingleUse().toString()); // D8
        }
        xml.end().end();
        for (String concomitant : concomitantProducts(device)) {
            xml.start("pertinentInformation1").start("observation", "moodCode", "EVN");
            coded("code", "C53630", NCI, "Concomitant_Therapy");
            xml.value("ED", concomitant, "mediaType", "text/plain"); // D11
            xml.end().end();
        }
        if (device.implantedFrom() != null) {
            xml.start("component1").start("implantation").leaf("effectiveTime", null, date(device.implantedFrom()))
                    .end().end(); // D6
        }
        if (device.explantedFrom() != null) {
            xml.start("component2").start("explantation").leaf("effectiveTime", null, date(device.explantedFrom()))
                    .end().end(); // D7
        }
        xml.end();
    }

    /** D3 and G1: the manufacturer, its H6 evaluation codes, its MDR contact office and manufacturing site. */
    private void manufacturer() throws XMLStreamException {
        Party party = manufacturerParty();
        xml.start("manufacturerOrReprocessor");
        coded("code", Vocabulary.MANUFACTURER, NCI, "Type_of_Manufacturer");
        if (party != null && party.name() != null) {
            xml.leaf("name", party.name()); // D3
        } else {
            xml.leaf("name", null, NULL_FLAVOR, "NI");
        }
        if (party == null || blank(party.phone()) && blank(party.email())) {
            xml.leaf("telecom", null, NULL_FLAVOR, "NI"); // the schema needs at least one
        }
        if (party != null) {
            telecom("tel:", party.phone());
            telecom("mailto:", party.email());
            List<String> street = party.street() == null ? List.of()
                    : List.of(party.streetNumber() == null ? party.street()
                            : party.street() + " " + party.streetNumber());
            address(null, street, party.city(), null, party.postcode(), party.country());
        }
        if (!details.evaluationMethodCodes().isEmpty() || !details.evaluationResultCodes().isEmpty()
                || !details.evaluationConclusionCodes().isEmpty()) {
            xml.start("asRole").start("performance").start("investigationEvent"); // H6
            for (String code : details.evaluationResultCodes()) {
                evaluation("component1", "evaluationResult", "C53985", "Evaluation_Result_Code", code);
            }
            for (String code : details.evaluationConclusionCodes()) {
                evaluation("component2", "evaluationConclusion", "C53986", "Evaluation_Conclusion_Code", code);
            }
            for (String code : details.evaluationMethodCodes()) {
                evaluation("component3", "evaluationMethod", "C53984", "Evaluation_Method_Code", code);
            }
            xml.end().end().end();
        }
        contactParty(details.contactOffice());
        if (details.manufacturingSite() != null) {
            contactParty(details.manufacturingSite());
        }
        xml.end();
    }

    private void evaluation(String component, String act, String concept, String name, String code)
            throws XMLStreamException {
        xml.start(component).start(act);
        coded("code", concept, NCI, name);
        xml.value("CE", null, "code", code, "codeSystem", FDA);
        xml.end().end();
    }

    /** G1 (and G2 phone): the contact office first, the manufacturing site second, as FDA asks. */
    private void contactParty(EmdrDetails.Office office) throws XMLStreamException {
        xml.start("contactParty");
        address(office.facility(), office.streetLines(), office.city(), office.state(), office.postcode(),
                office.country());
        telecom("mailto:", office.email());
        telecom("tel:", office.phone());
        if (office.contactFirstName() != null || office.contactFamilyName() != null) {
            xml.start("contactManufacturerContact").start("name");
            if (office.contactFirstName() != null) {
                xml.leaf("given", office.contactFirstName());
            }
            if (office.contactFamilyName() != null) {
                xml.leaf("family", office.contactFamilyName());
            }
            xml.end().end();
        } else {
            xml.leaf("contactManufacturerContact", null, NULL_FLAVOR, "NI"); // required by the schema
        }
        xml.end();
    }

    private void address(String facility, List<String> street, String city, String state, String postcode,
            String country) throws XMLStreamException {
        xml.start("addr");
        if (facility != null) {
            xml.leaf("additionalLocator", facility);
        }
        for (String line : street) {
            xml.leaf("streetAddressLine", line);
        }
        if (city != null) {
            xml.leaf("city", city);
        }
        if (state != null) {
            xml.leaf("state", state);
        }
        if (postcode != null) {
            xml.leaf("postalCode", postcode);
        }
        if (country != null) {
            xml.leaf("country", country);
        }
        xml.end();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private void telecom(String scheme, String value) throws XMLStreamException {
        if (!blank(value)) {
            // a URL has no spaces; FDA's own examples write tel:+1(555)555-5555
            xml.leaf("telecom", null, "value", scheme + value.replaceAll("\\s+", ""));
        }
    }

    /** D10, F10 device codes, H3, H5, H7, H8 and H9: what is known about the device itself. */
    private void deviceObservations() throws XMLStreamException {
        if (details.availableForEvaluation() != null) {
            xml.start("subjectOf").start("deviceObservation");
            coded("code", "C53449", NCI, "Device_available_for_evaluation");
            if (details.returnedToManufacturer() != null) {
                xml.leaf("effectiveTime", null, date(details.returnedToManufacturer()));
            }
            xml.value("BL", null, "value", details.availableForEvaluation().toString());
            xml.end().end();
        }
        for (String code : details.deviceProblemCodes()) {
            deviceObservation("C53982", "Device_Problem_Code", "CE", null, "code", code, "codeSystem", FDA);
        }
        if (details.evaluatedByManufacturer() != null) {
            deviceObservation("C53629", "Device_Evaluated_By_Manufacturer", "BL", null, "value",
                    details.evaluatedByManufacturer().toString());
            deviceObservation("C53591", "Device_Returned_to_Manufacturer_for_Evaluation", "BL", null, "value",
                    Boolean.toString(details.returnedToManufacturer() != null));
        }
        if (details.evaluationSummaryAttached() != null) {
            deviceObservation("C53592", "Evaluation_Summary_Status", "BL", null, "value",
                    details.evaluationSummaryAttached().toString());
        }
        if (details.nonEvaluationCode() != null) {
            xml.start("subjectOf").start("deviceObservation");
            coded("code", "C53593", NCI, "Reason_for_Non-Evaluation");
            codedValue(details.nonEvaluationCode(), FDA, details.nonEvaluationText()); // H3
            xml.end().end();
        }
        if (details.labeledForSingleUse() != null) {
            deviceObservation("C53602", "Device_Labeled_for_single_use", "BL", null, "value",
                    details.labeledForSingleUse().toString());
        }
        for (EmdrDetails.RemedialAction action : details.remedialActions()) {
            xml.start("subjectOf").start("deviceObservation");
            coded("code", "C53603", NCI, "Type_of_Remedial_Action");
            codedValue(Vocabulary.remedialAction(action), NCI,
                    action == EmdrDetails.RemedialAction.OTHER ? details.otherRemedialAction() : null);
            xml.end().end();
        }
        String usage = Vocabulary.usage(report.incident().usage());
        if (usage != null) {
            deviceObservation("C53645", "Usage_of_Device", "CE", null, "code", usage, "codeSystem", NCI); // H8
        }
        if (details.correctionRemovalNumber() != null) {
            deviceObservation("C53619", "Corrective_Action_Number", "ED", details.correctionRemovalNumber(),
                    "mediaType", "text/plain"); // H9
        }
    }

    private void deviceObservation(String code, String name, String type, String text, String... valueAttributes)
            throws XMLStreamException {
        xml.start("subjectOf").start("deviceObservation");
        coded("code", code, NCI, name);
        xml.value(type, text, valueAttributes);
        xml.end().end();
    }

    /** G3, G7 with the follow-up number, H1 and H2, each a detected issue of the control act. */
    private void reasons() throws XMLStreamException {
        for (EmdrDetails.ReportSource source : details.reportSources()) {
            reason("C53566", "Report_Source", null, Vocabulary.reportSource(source), null);
        }
        reason("C53571", "Type_of_Report", details.supplemental() ? details.followUpNumber().toString() : null,
                Vocabulary.reportType(details.reportType()), null);
        reason("C53570", "Type_of_Reportable_Event", null, Vocabulary.eventType(details.eventType()), null);
        for (EmdrDetails.FollowUpType type : details.followUpTypes()) {
            reason("C53584", "Type_of_Follow-up", null, Vocabulary.followUpType(type), null);
        }
    }

    private void reason(String concept, String name, String text, String value, String valueText)
            throws XMLStreamException {
        xml.start("reasonOf").start("detectedIssueEvent");
        coded("code", concept, NCI, name);
        if (text != null) {
            xml.leaf("text", text, "mediaType", "text/plain");
        }
        codedValue(value, NCI, valueText);
        xml.end().end();
    }

    private void codedValue(String code, String system, String originalText) throws XMLStreamException {
        if (originalText == null) {
            xml.value("CE", null, "code", code, "codeSystem", system);
        } else {
            xml.startValue("CE", "code", code, "codeSystem", system);
            xml.leaf("originalText", originalText);
            xml.end();
        }
    }

    private void coded(String element, String code, String system, String name) throws XMLStreamException {
        xml.leaf(element, null, "code", code, "codeSystem", system, "codeSystemName", name);
    }

    private void codedWithText(String element, String code, String system, String name, String originalText)
            throws XMLStreamException {
        if (originalText == null) {
            coded(element, code, system, name);
        } else {
            xml.start(element, "code", code, "codeSystem", system, "codeSystemName", name);
            xml.leaf("originalText", originalText, "mediaType", "text/plain");
            xml.end();
        }
    }

    private void text(String element, String text) throws XMLStreamException {
        if (text != null && !text.isBlank()) {
            xml.leaf(element, text, "mediaType", "text/plain");
        }
    }

    private Party manufacturerParty() {
        var submitter = report.administrative().submitter();
        return submitter == null ? null : submitter.manufacturer();
    }

    /**
     * H10: the manufacturer's narrative, built from the MIR's §4 investigation in the order an FDA reviewer reads
     * it: analysis, root cause, actions, conclusion.
     */
    private String narrative() {
        ManufacturerInvestigation investigation = report.investigation();
        var parts = new ArrayList<String>();
        add(parts, "Analysis", investigation.preliminaryAnalysis());
        add(parts, "Initial actions", investigation.initialActions());
        add(parts, "Further investigation", investigation.furtherInvestigations());
        add(parts, "Root cause", investigation.rootCause());
        add(parts, "Remedial actions", investigation.remedialActions());
        add(parts, "Corrective actions", investigation.correctiveActions());
        add(parts, "Preventive actions", investigation.preventiveActions());
        add(parts, "Conclusion", investigation.finalComments());
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    private static void add(List<String> parts, String label, String text) {
        if (text != null && !text.isBlank()) {
            parts.add(label + ": " + text.strip());
        }
    }

    /** D11: the MIR's accessories and other devices used with the device (§2.6). */
    private static List<String> concomitantProducts(DeviceInformation device) {
        var products = new ArrayList<String>();
        if (device.accessories() != null && !device.accessories().isBlank()) {
            products.add(device.accessories());
        }
        if (device.associatedDevices() != null && !device.associatedDevices().isBlank()) {
            products.add(device.associatedDevices());
        }
        return products;
    }

    /**
     * D4 UDI: the GS1 human-readable form {@code (01)DI} followed by the production identifier when the MIR gives
     * the PI in application-identifier form; otherwise the DI and PI as the MIR holds them.
     */
    private static String udi(DeviceInformation device) {
        if (device.udiDi() == null) {
            return null;
        }
        String pi = device.udiPi() == null ? "" : device.udiPi();
        if ("GS1".equalsIgnoreCase(device.udiDiIssuingEntity()) && (pi.isEmpty() || pi.startsWith("("))) {
            return "(01)" + device.udiDi() + pi;
        }
        return device.udiDi() + pi;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String[] date(LocalDate date) {
        return new String[] { "value", date.format(DAY) };
    }
}
