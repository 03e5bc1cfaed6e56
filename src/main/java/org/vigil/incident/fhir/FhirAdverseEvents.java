package org.vigil.incident.fhir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.vigil.incident.AgeUnit;
import org.vigil.incident.CybersecurityEventType;
import org.vigil.incident.DeviceAvailability;
import org.vigil.incident.PersonInvolved;
import org.vigil.incident.ReportContent;
import org.vigil.incident.ReportKind;
import org.vigil.incident.ReportedDevice;
import org.vigil.incident.Sex;
import org.vigil.incident.domain.PatientPseudonym;
import org.vigil.incident.domain.ReportProblem;

/**
 * Reads and writes an incident report as a FHIR R4 {@code AdverseEvent} (HL7 FHIR 4.0.1) with its {@code Device} and a
 * pseudonymous {@code Patient}, so hospital systems can send reports to Vigil and take them back.
 *
 * <p>Reading accepts an {@code AdverseEvent} on its own (with contained resources) or a {@code Bundle} holding one
 * together with the resources it refers to. A patient's identifier is handed to the caller for pseudonymisation and
 * never put into the report (GDPR Art. 4(5)); a birth date only yields the age at the event (data minimisation,
 * GDPR Art. 5(1)(c)). Writing puts the device and the patient in as contained resources; the patient carries only the
 * hospital's pseudonym.
 *
 * <p>IMDRF codes travel as codings with the systems {@link #IMDRF_ANNEX_A} (in {@code AdverseEvent.event}),
 * {@link #IMDRF_ANNEX_E} (contained {@code Condition} resources in {@code resultingCondition}) and
 * {@link #IMDRF_ANNEX_F} (extension {@link #HEALTH_IMPACT}); IMDRF publishes no FHIR code system URIs, so these are
 * Vigil's, documented in docs/fhir.md. What FHIR R4 has no element for travels in Vigil extensions.
 */
public final class FhirAdverseEvents {

    public static final String IMDRF_ANNEX_A = "urn:vigil:imdrf-aet:annex-a";
    public static final String IMDRF_ANNEX_E = "urn:vigil:imdrf-aet:annex-e";
    public static final String IMDRF_ANNEX_F = "urn:vigil:imdrf-aet:annex-f";
    public static final String PSEUDONYM_SYSTEM = "urn:vigil:patient-pseudonym";
    public static final String REPORT_SYSTEM = "urn:vigil:incident-report";
    static final String EXTENSION = "urn:vigil:fhir:StructureDefinition:";
    public static final String HEALTH_IMPACT = EXTENSION + "health-impact";
    static final String REPORT_KIND = EXTENSION + "report-kind";
    static final String CYBERSECURITY_TYPE = EXTENSION + "cybersecurity-event-type";
    static final String PERSON_INVOLVED = EXTENSION + "person-involved";
    static final String AGE = EXTENSION + "age";
    static final String WEIGHT = EXTENSION + "weight";
    static final String AVAILABILITY = EXTENSION + "device-availability";
    static final String DEVICE_LOCATION = EXTENSION + "device-location";
    static final String DEVICE_REFERENCE = EXTENSION + "device-reference";
    static final String REPORTER_NAME_SHARED = EXTENSION + "reporter-name-shared";
    private static final String LOINC = "http://loinc.org";
    private static final String BODY_WEIGHT = "29463-7";
    private static final String UCUM = "http://unitsofmeasure.org";

    /**
     * A report read from FHIR.
     *
     * @param content           the report, with no patient pseudonym yet
     * @param patientIdentifier the patient's identifier as the hospital system sent it, to be pseudonymised by the
     *                          caller and then forgotten; {@code null} when none was sent
     * @param patientPseudonym  a Vigil pseudonym the resource already carried (a report exported by Vigil)
     * @param sourceId          the sending system's identifier of the adverse event, for its reference
     */
    public record Imported(ReportContent content, String patientIdentifier, String patientPseudonym,
            String sourceId) {

        @Override
        public String toString() { // the identifier must never reach a log line
            return "Imported[sourceId=" + sourceId + ", kind=" + content.kind() + "]";
        }
    }

    /** The resource cannot be read; every problem names the element at fault. */
    public static final class Unreadable extends Exception {
        private final List<ReportProblem> problems;

        Unreadable(List<ReportProblem> problems) {
            super(problems.getFirst().field() + ": " + problems.getFirst().message());
            this.problems = List.copyOf(problems);
        }

        public List<ReportProblem> problems() {
            return problems;
        }
    }

    private final FhirContext context;

    /** Creating a FHIR context scans the model once and takes a moment; share one instance. */
    public FhirAdverseEvents() {
        this.context = FhirContext.forR4();
    }

    private IParser parser() {
        return context.newJsonParser().setPrettyPrint(true);
    }

    /** Reads an {@code AdverseEvent} or a {@code Bundle} holding one, in FHIR JSON. */
    public Imported read(String json) throws Unreadable {
        if (json == null || json.isBlank()) {
            throw new Unreadable(List.of(new ReportProblem("body", "The request has no FHIR resource.")));
        }
        IBaseResource resource;
        try {
            resource = parser().parseResource(json);
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            throw new Unreadable(List.of(new ReportProblem("body", "Not a FHIR R4 JSON resource: "
                    + firstLine(e.getMessage()))));
        }
        Map<String, Resource> byReference = new HashMap<>();
        AdverseEvent event;
        if (resource instanceof AdverseEvent single) {
            event = single;
        } else if (resource instanceof Bundle bundle) {
            event = null;
            for (var entry : bundle.getEntry()) {
                Resource inBundle = entry.getResource();
                if (inBundle == null) {
                    continue;
                }
                if (entry.hasFullUrl()) {
                    byReference.put(entry.getFullUrl(), inBundle);
                }
                if (inBundle.hasIdElement() && inBundle.getIdElement().hasIdPart()) {
                    byReference.put(inBundle.fhirType() + "/" + inBundle.getIdElement().getIdPart(), inBundle);
                }
                if (event == null && inBundle instanceof AdverseEvent found) {
                    event = found;
                }
            }
            if (event == null) {
                throw new Unreadable(List.of(new ReportProblem("Bundle.entry",
                        "The bundle holds no AdverseEvent.")));
            }
        } else {
            throw new Unreadable(List.of(new ReportProblem("resourceType", "Expected an AdverseEvent or a Bundle, "
                    + "not " + resource.fhirType() + ".")));
        }
        return readEvent(event, byReference);
    }

    private Imported readEvent(AdverseEvent event, Map<String, Resource> bundle) throws Unreadable {
        var problems = new ArrayList<ReportProblem>();
        ReportKind kind = event.getActuality() == AdverseEvent.AdverseEventActuality.POTENTIAL
                ? ReportKind.NEAR_MISS : ReportKind.INCIDENT;
        String kindCode = codeExtension(event, REPORT_KIND);
        if (kindCode != null) {
            kind = enumValue(ReportKind.class, kindCode, "AdverseEvent.extension(report-kind)", problems);
        }
        String cyberCode = codeExtension(event, CYBERSECURITY_TYPE);
        CybersecurityEventType cyber = cyberCode == null ? null
                : enumValue(CybersecurityEventType.class, cyberCode, "AdverseEvent.extension(cybersecurity-event-type)",
                        problems);

        var problemCodes = codes(event.getEvent(), IMDRF_ANNEX_A);
        String description = event.getEvent().hasText() ? event.getEvent().getText() : null;
        LocalDate occurred = localDate(event.getDateElement());
        LocalDate aware = localDate(event.getDetectedElement());
        String department = event.getLocation().hasDisplay() ? event.getLocation().getDisplay() : null;
        if (department == null && resolve(event.getLocation(), bundle) instanceof org.hl7.fhir.r4.model.Location place) {
            department = place.getName();
        }

        var signs = new ArrayList<String>();
        for (Reference condition : event.getResultingCondition()) {
            if (resolve(condition, bundle) instanceof Condition found) {
                signs.addAll(codes(found.getCode(), IMDRF_ANNEX_E));
            }
        }
        var impacts = new ArrayList<String>();
        for (Extension impact : event.getExtensionsByUrl(HEALTH_IMPACT)) {
            if (impact.getValue() instanceof CodeableConcept concept) {
                impacts.addAll(codes(concept, IMDRF_ANNEX_F));
            }
        }
        if (impacts.isEmpty() && event.getOutcome().getCoding().stream().anyMatch(c -> "fatal".equals(c.getCode()))) {
            impacts.add("F02"); // IMDRF Annex F "Death"
        }

        PersonInvolved person = null;
        String involvement = codeExtension(event, PERSON_INVOLVED);
        Resource subject = resolve(event.getSubject(), bundle);
        if (involvement != null) {
            person = enumValue(PersonInvolved.class, involvement, "AdverseEvent.extension(person-involved)",
                    problems);
        } else if (event.getSubject().hasReference() || subject != null) {
            String type = subject != null ? subject.fhirType() : event.getSubject().getReferenceElement()
                    .getResourceType();
            person = "Patient".equals(type) ? PersonInvolved.PATIENT
                    : "Practitioner".equals(type) || "PractitionerRole".equals(type) ? PersonInvolved.USER
                    : PersonInvolved.OTHER_PERSON;
        }

        String identifier = null;
        String pseudonym = null;
        Sex sex = null;
        Integer age = null;
        AgeUnit ageUnit = null;
        if (subject instanceof Patient patient) {
            for (Identifier id : patient.getIdentifier()) {
                if (!id.hasValue()) {
                    continue;
                }
                if (PSEUDONYM_SYSTEM.equals(id.getSystem())) {
                    try {
                        pseudonym = new PatientPseudonym(id.getValue()).value();
                    } catch (IllegalArgumentException e) {
                        problems.add(new ReportProblem("Patient.identifier",
                                "The value under " + PSEUDONYM_SYSTEM + " is not a Vigil patient pseudonym."));
                    }
                } else if (identifier == null) {
                    identifier = id.hasSystem() ? id.getSystem() + "|" + id.getValue() : id.getValue();
                }
            }
            sex = switch (patient.hasGender() ? patient.getGender() : AdministrativeGender.NULL) {
                case FEMALE -> Sex.FEMALE;
                case MALE -> Sex.MALE;
                case OTHER -> Sex.OTHER;
                case UNKNOWN -> Sex.UNKNOWN;
                default -> null;
            };
            if (patient.hasBirthDate() && occurred != null) {
                LocalDate born = localDate(patient.getBirthDateElement());
                if (born != null && !born.isAfter(occurred)) {
                    var lived = Period.between(born, occurred);
                    if (lived.getYears() >= 2) {
                        age = lived.getYears();
                        ageUnit = AgeUnit.YEARS;
                    } else if (lived.toTotalMonths() >= 1) {
                        age = (int) lived.toTotalMonths();
                        ageUnit = AgeUnit.MONTHS;
                    } else {
                        age = (int) ChronoUnit.DAYS.between(born, occurred);
                        ageUnit = AgeUnit.DAYS;
                    }
                }
            }
        }
        if (event.getExtensionByUrl(AGE) != null && event.getExtensionByUrl(AGE).getValue() instanceof Age given) {
            age = given.hasValue() ? given.getValue().intValue() : null;
            ageUnit = switch (given.getCode() == null ? "" : given.getCode()) {
                case "a" -> AgeUnit.YEARS;
                case "mo" -> AgeUnit.MONTHS;
                case "d" -> AgeUnit.DAYS;
                default -> {
                    problems.add(new ReportProblem("AdverseEvent.extension(age)",
                            "The age unit must be the UCUM code a, mo or d."));
                    yield null;
                }
            };
        }
        BigDecimal weight = null;
        if (event.getExtensionByUrl(WEIGHT) != null
                && event.getExtensionByUrl(WEIGHT).getValue() instanceof Quantity quantity) {
            weight = kilograms(quantity, "AdverseEvent.extension(weight)", problems);
        } else {
            for (Resource candidate : bundle.values()) {
                if (candidate instanceof Observation observation
                        && observation.getCode().getCoding().stream().anyMatch(c -> LOINC.equals(c.getSystem())
                                && BODY_WEIGHT.equals(c.getCode()))
                        && observation.getValue() instanceof Quantity quantity) {
                    weight = kilograms(quantity, "Observation.valueQuantity", problems);
                }
            }
        }

        ReportedDevice device = ReportedDevice.unknown();
        for (var suspect : event.getSuspectEntity()) {
            if (resolve(suspect.getInstance(), bundle) instanceof Device found) {
                device = device(found);
                break;
            }
        }
        if (device.equals(ReportedDevice.unknown()) && !event.getSuspectEntity().isEmpty()) {
            var instance = event.getSuspectEntityFirstRep().getInstance();
            if (instance.hasDisplay()) {
                device = new ReportedDevice(null, null, null, null, instance.getDisplay(), null, null, null, null, null,
                        null);
            }
        }

        String availabilityCode = codeExtension(event, AVAILABILITY);
        DeviceAvailability availability = availabilityCode == null ? null
                : enumValue(DeviceAvailability.class, availabilityCode,
                        "AdverseEvent.extension(device-availability)", problems);
        String location = stringExtension(event, DEVICE_LOCATION);
        boolean nameShared = event.getExtensionByUrl(REPORTER_NAME_SHARED) != null
                && event.getExtensionByUrl(REPORTER_NAME_SHARED).getValue() instanceof org.hl7.fhir.r4.model.BooleanType b
                && b.booleanValue();

        if (!problems.isEmpty()) {
            throw new Unreadable(problems);
        }
        var content = new ReportContent(kind, cyber, device, occurred, aware, department, description, problemCodes,
                person, signs, impacts, age, ageUnit, sex, weight, null, availability, location, nameShared);
        String sourceId = event.hasIdentifier() && event.getIdentifier().hasValue() ? event.getIdentifier().getValue()
                : event.getIdElement().getIdPart();
        return new Imported(content, identifier, pseudonym, sourceId);
    }

    private static ReportedDevice device(Device device) {
        String scan = null;
        String udiDi = null;
        if (device.hasUdiCarrier()) {
            var carrier = device.getUdiCarrierFirstRep();
            udiDi = carrier.hasDeviceIdentifier() ? carrier.getDeviceIdentifier() : null;
            if (carrier.hasCarrierHRF()) {
                scan = carrier.getCarrierHRF();
            } else if (carrier.hasCarrierAIDC()) {
                scan = new String(carrier.getCarrierAIDC(), StandardCharsets.ISO_8859_1);
            }
        }
        String name = device.hasDeviceName() ? device.getDeviceNameFirstRep().getName() : null;
        String version = device.hasVersion() ? device.getVersionFirstRep().getValue() : null;
        String reference = stringExtension(device, DEVICE_REFERENCE);
        return new ReportedDevice(scan, udiDi, null, device.getManufacturer(), name, device.getModelNumber(),
                reference, device.getLotNumber(), device.getSerialNumber(), localDate(device.getExpirationDateElement()),
                version);
    }

    /**
     * Writes {@code report} as an {@code AdverseEvent} with contained {@code Device} and {@code Patient}.
     *
     * @param reportId Vigil's identifier of the report
     */
    public String write(ReportContent report, String reportId) {
        var event = new AdverseEvent();
        event.setId(reportId);
        event.setIdentifier(new Identifier().setSystem(REPORT_SYSTEM).setValue(reportId));
        event.setActuality(report.kind() == ReportKind.NEAR_MISS ? AdverseEvent.AdverseEventActuality.POTENTIAL
                : AdverseEvent.AdverseEventActuality.ACTUAL);
        event.addCategory(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/adverse-event-category", "product-problem", "Product Problem")));
        event.addExtension(REPORT_KIND, new CodeType(report.kind().name()));
        if (report.cybersecurityEventType() != null) {
            event.addExtension(CYBERSECURITY_TYPE, new CodeType(report.cybersecurityEventType().name()));
        }
        var what = new CodeableConcept();
        report.deviceProblemCodes().forEach(code -> what.addCoding(new Coding(IMDRF_ANNEX_A, code, null)));
        what.setText(report.description());
        event.setEvent(what);
        if (report.occurredOn() != null) {
            event.setDateElement(new DateTimeType(report.occurredOn().toString()));
        }
        if (report.becameAwareOn() != null) {
            event.setDetectedElement(new DateTimeType(report.becameAwareOn().toString()));
        }
        if (report.department() != null) {
            event.setLocation(new Reference().setDisplay(report.department()));
        }
        if (report.personInvolved() != null) {
            event.addExtension(PERSON_INVOLVED, new CodeType(report.personInvolved().name()));
        }
        var patient = new Patient();
        patient.setId("patient");
        if (report.patientPseudonym() != null) {
            patient.addIdentifier().setSystem(PSEUDONYM_SYSTEM).setValue(report.patientPseudonym());
        }
        if (report.sex() != null) {
            patient.setGender(switch (report.sex()) {
                case FEMALE -> AdministrativeGender.FEMALE;
                case MALE -> AdministrativeGender.MALE;
                case OTHER -> AdministrativeGender.OTHER;
                case UNKNOWN -> AdministrativeGender.UNKNOWN;
            });
        }
        // FHIR R4 requires a subject; the contained patient stands for "the person involved" under a pseudonym.
        event.getContained().add(patient);
        event.setSubject(new Reference("#patient"));
        if (report.age() != null && report.ageUnit() != null) {
            var age = new Age();
            age.setValue(report.age()).setSystem(UCUM).setCode(switch (report.ageUnit()) {
                case YEARS -> "a";
                case MONTHS -> "mo";
                case DAYS -> "d";
            }).setUnit(report.ageUnit().name().toLowerCase(Locale.ROOT));
            event.addExtension(AGE, age);
        }
        if (report.weightKg() != null) {
            event.addExtension(WEIGHT, new Quantity().setValue(report.weightKg()).setSystem(UCUM).setCode("kg")
                    .setUnit("kg"));
        }
        int conditions = 0;
        for (String code : report.signsAndSymptomsCodes()) {
            var condition = new Condition();
            condition.setId("condition-" + (++conditions));
            condition.setCode(new CodeableConcept(new Coding(IMDRF_ANNEX_E, code, null)));
            condition.setSubject(new Reference("#patient"));
            event.getContained().add(condition);
            event.addResultingCondition(new Reference("#" + condition.getId()));
        }
        if (!report.healthImpactCodes().isEmpty()) {
            var impact = new CodeableConcept();
            report.healthImpactCodes().forEach(code -> impact.addCoding(new Coding(IMDRF_ANNEX_F, code, null)));
            event.addExtension(HEALTH_IMPACT, impact);
        }
        var reported = report.device();
        var device = new Device();
        device.setId("device");
        if (reported.udiDi() != null || reported.scan() != null) {
            var carrier = device.addUdiCarrier();
            carrier.setDeviceIdentifier(reported.udiDi());
            if (reported.scan() != null) {
                if (reported.scan().chars().anyMatch(c -> c < 0x20)) {
                    carrier.setCarrierAIDC(reported.scan().getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    carrier.setCarrierHRF(reported.scan());
                }
            }
        }
        device.setManufacturer(reported.manufacturerName());
        if (reported.deviceName() != null) {
            device.addDeviceName().setName(reported.deviceName())
                    .setType(Device.DeviceNameType.USERFRIENDLYNAME);
        }
        device.setModelNumber(reported.model());
        device.setLotNumber(reported.lot());
        device.setSerialNumber(reported.serial());
        if (reported.expiry() != null) {
            device.setExpirationDate(java.util.Date.from(reported.expiry().atStartOfDay(ZoneOffset.UTC).toInstant()));
            device.getExpirationDateElement().setPrecision(ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY);
            device.getExpirationDateElement().setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        }
        if (reported.softwareVersion() != null) {
            device.addVersion().setValue(reported.softwareVersion());
        }
        if (reported.reference() != null) {
            device.addExtension(DEVICE_REFERENCE, new StringType(reported.reference()));
        }
        event.getContained().add(device);
        event.addSuspectEntity().setInstance(new Reference("#device"));
        if (report.deviceAvailability() != null) {
            event.addExtension(AVAILABILITY, new CodeType(report.deviceAvailability().name()));
        }
        if (report.deviceLocation() != null) {
            event.addExtension(DEVICE_LOCATION, new StringType(report.deviceLocation()));
        }
        event.addExtension(REPORTER_NAME_SHARED, new org.hl7.fhir.r4.model.BooleanType(report.reporterNameShared()));
        return parser().encodeResourceToString(event);
    }

    private static Resource resolve(Reference reference, Map<String, Resource> bundle) {
        if (reference == null || reference.isEmpty()) {
            return null;
        }
        if (reference.getResource() instanceof Resource resolved) {
            return resolved; // contained, linked by the parser
        }
        return reference.hasReference() ? bundle.get(reference.getReference()) : null;
    }

    private static List<String> codes(CodeableConcept concept, String system) {
        return concept.getCoding().stream().filter(c -> system.equals(c.getSystem()) && c.hasCode())
                .map(Coding::getCode).toList();
    }

    private static String codeExtension(org.hl7.fhir.r4.model.DomainResource resource, String url) {
        var extension = resource.getExtensionByUrl(url);
        return extension != null && extension.getValue() instanceof org.hl7.fhir.r4.model.PrimitiveType<?> value
                ? value.getValueAsString() : null;
    }

    private static String stringExtension(org.hl7.fhir.r4.model.DomainResource resource, String url) {
        return codeExtension(resource, url);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String code, String field,
            List<ReportProblem> problems) {
        try {
            return Enum.valueOf(type, code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new ReportProblem(field, "'" + code + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + "."));
            return null;
        }
    }

    private static BigDecimal kilograms(Quantity quantity, String field, List<ReportProblem> problems) {
        if (!quantity.hasValue()) {
            return null;
        }
        String unit = Optional.ofNullable(quantity.getCode()).orElse(Optional.ofNullable(quantity.getUnit()).orElse(""));
        return switch (unit) {
            case "kg" -> quantity.getValue();
            case "g" -> quantity.getValue().movePointLeft(3);
            case "[lb_av]", "lb", "lbs" -> quantity.getValue().multiply(new BigDecimal("0.45359237"))
                    .setScale(1, java.math.RoundingMode.HALF_UP);
            default -> {
                problems.add(new ReportProblem(field, "The weight unit '" + unit + "' is not kg, g or [lb_av]."));
                yield null;
            }
        };
    }

    /** The calendar date as the sender wrote it (its own time zone), not shifted to the server's zone. */
    private static LocalDate localDate(org.hl7.fhir.r4.model.BaseDateTimeType date) {
        if (date == null || date.isEmpty() || date.getValueAsString() == null) {
            return null;
        }
        String text = date.getValueAsString();
        if (text.length() < 10) {
            return text.length() == 7 ? LocalDate.parse(text + "-01") : LocalDate.parse(text + "-01-01");
        }
        return LocalDate.parse(text.substring(0, 10));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
