package org.vigil.incident.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.vigil.incident.AgeUnit;
import org.vigil.incident.CybersecurityEventType;
import org.vigil.incident.DeviceAvailability;
import org.vigil.incident.PersonInvolved;
import org.vigil.incident.ReportContent;
import org.vigil.incident.ReportKind;
import org.vigil.incident.ReportedDevice;
import org.vigil.incident.Sex;
import org.vigil.shared.InvalidInputException.FieldError;
import org.vigil.shared.OrganisationId;

/**
 * The report form as typed: every field as text, so nothing the person typed is lost when a value cannot be read.
 * Field names are those of {@link ReportContent} (device fields prefixed {@code device}), so the submission rules'
 * messages land next to their fields.
 */
public class ReportForm {

    private int version;
    private ReportKind kind = ReportKind.INCIDENT;
    private String cybersecurityEventType;
    private String deviceScan;
    private String deviceUdiDi;
    private String deviceManufacturerName;
    private String deviceDeviceName;
    private String deviceModel;
    private String deviceReference;
    private String deviceLot;
    private String deviceSerial;
    private String deviceExpiry;
    private String deviceSoftwareVersion;
    private String occurredOn;
    private String becameAwareOn;
    private String department;
    private String description;
    private String deviceProblemCode1;
    private String deviceProblemCode2;
    private String deviceProblemCode3;
    private String personInvolved;
    private String signsAndSymptomsCodes;
    private String healthImpactCodes;
    private String age;
    private String ageUnit;
    private String sex;
    private String weightKg;
    private String patientIdentifier;
    private String deviceAvailability;
    private String deviceLocation;
    private boolean reporterNameShared;

    /** The form showing a saved report. */
    public static ReportForm of(ReportContent content, int version) {
        var form = new ReportForm();
        form.version = version;
        form.kind = content.kind();
        form.cybersecurityEventType = name(content.cybersecurityEventType());
        var device = content.device();
        form.deviceScan = device.scan();
        form.deviceUdiDi = device.udiDi();
        form.deviceManufacturerName = device.manufacturerName();
        form.deviceDeviceName = device.deviceName();
        form.deviceModel = device.model();
        form.deviceReference = device.reference();
        form.deviceLot = device.lot();
        form.deviceSerial = device.serial();
        form.deviceExpiry = text(device.expiry());
        form.deviceSoftwareVersion = device.softwareVersion();
        form.occurredOn = text(content.occurredOn());
        form.becameAwareOn = text(content.becameAwareOn());
        form.department = content.department();
        form.description = content.description();
        var problemCodes = content.deviceProblemCodes();
        form.deviceProblemCode1 = problemCodes.size() > 0 ? problemCodes.get(0) : null;
        form.deviceProblemCode2 = problemCodes.size() > 1 ? problemCodes.get(1) : null;
        // More than three codes (from the API or FHIR) stay in the third field, space-separated.
        form.deviceProblemCode3 = problemCodes.size() > 2 ? String.join(" ", problemCodes.subList(2,
                problemCodes.size())) : null;
        form.personInvolved = name(content.personInvolved());
        form.signsAndSymptomsCodes = String.join(" ", content.signsAndSymptomsCodes());
        form.healthImpactCodes = String.join(" ", content.healthImpactCodes());
        form.age = content.age() == null ? null : content.age().toString();
        form.ageUnit = name(content.ageUnit());
        form.sex = name(content.sex());
        form.weightKg = content.weightKg() == null ? null : content.weightKg().toPlainString();
        form.deviceAvailability = name(content.deviceAvailability());
        form.deviceLocation = content.deviceLocation();
        form.reporterNameShared = content.reporterNameShared();
        return form;
    }

    /**
     * The report content this form says; a value that cannot be read is left out and its field named in
     * {@code problems}. {@code manufacturer} stays as it was matched by the register (it is never typed).
     */
    public ReportContent content(List<FieldError> problems) {
        var device = new ReportedDevice(blankToNull(deviceScan), blankToNull(deviceUdiDi), (OrganisationId) null,
                blankToNull(deviceManufacturerName), blankToNull(deviceDeviceName), blankToNull(deviceModel),
                blankToNull(deviceReference), blankToNull(deviceLot), blankToNull(deviceSerial),
                date("deviceExpiry", deviceExpiry, problems), blankToNull(deviceSoftwareVersion));
        Integer parsedAge = null;
        if (!blank(age)) {
            try {
                parsedAge = Integer.valueOf(age.strip());
            } catch (NumberFormatException e) {
                problems.add(new FieldError("age", "Give the age as a whole number."));
            }
        }
        BigDecimal weight = null;
        if (!blank(weightKg)) {
            try {
                weight = new BigDecimal(weightKg.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                problems.add(new FieldError("weightKg", "Give the weight in kilograms, e.g. 71.5."));
            }
        }
        return new ReportContent(kind, value(CybersecurityEventType.class, "cybersecurityEventType",
                cybersecurityEventType, problems), device, date("occurredOn", occurredOn, problems),
                date("becameAwareOn", becameAwareOn, problems), blankToNull(department), blankToNull(description),
                codes(split(deviceProblemCode1, deviceProblemCode2, deviceProblemCode3)), value(PersonInvolved.class, "personInvolved", personInvolved, problems),
                codes(split(signsAndSymptomsCodes)),
                codes(split(healthImpactCodes)), parsedAge,
                value(AgeUnit.class, "ageUnit", ageUnit, problems), value(Sex.class, "sex", sex, problems), weight,
                null, value(DeviceAvailability.class, "deviceAvailability", deviceAvailability, problems),
                blankToNull(deviceLocation), reporterNameShared);
    }

    private static List<String> split(String... fields) {
        var codes = new ArrayList<String>();
        for (String field : fields) {
            if (field != null) {
                codes.addAll(List.of(field.split("[\\s,;]+")));
            }
        }
        return codes;
    }

    private static List<String> codes(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::strip)
                .filter(code -> !code.isEmpty()).map(code -> code.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    private static LocalDate date(String field, String text, List<FieldError> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(field, "Give the date as YYYY-MM-DD."));
            return null;
        }
    }

    private static <E extends Enum<E>> E value(Class<E> type, String field, String text, List<FieldError> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldError(field, "Choose one of the listed values."));
            return null;
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return blank(text) ? null : text.strip();
    }

    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public ReportKind getKind() { return kind; }
    public void setKind(ReportKind kind) { this.kind = kind == null ? ReportKind.INCIDENT : kind; }
    public String getCybersecurityEventType() { return cybersecurityEventType; }
    public void setCybersecurityEventType(String v) { this.cybersecurityEventType = v; }
    public String getDeviceScan() { return deviceScan; }
    public void setDeviceScan(String v) { this.deviceScan = v; }
    public String getDeviceUdiDi() { return deviceUdiDi; }
    public void setDeviceUdiDi(String v) { this.deviceUdiDi = v; }
    public String getDeviceManufacturerName() { return deviceManufacturerName; }
    public void setDeviceManufacturerName(String v) { this.deviceManufacturerName = v; }
    public String getDeviceDeviceName() { return deviceDeviceName; }
    public void setDeviceDeviceName(String v) { this.deviceDeviceName = v; }
    public String getDeviceModel() { return deviceModel; }
    public void setDeviceModel(String v) { this.deviceModel = v; }
    public String getDeviceReference() { return deviceReference; }
    public void setDeviceReference(String v) { this.deviceReference = v; }
    public String getDeviceLot() { return deviceLot; }
    public void setDeviceLot(String v) { this.deviceLot = v; }
    public String getDeviceSerial() { return deviceSerial; }
    public void setDeviceSerial(String v) { this.deviceSerial = v; }
    public String getDeviceExpiry() { return deviceExpiry; }
    public void setDeviceExpiry(String v) { this.deviceExpiry = v; }
    public String getDeviceSoftwareVersion() { return deviceSoftwareVersion; }
    public void setDeviceSoftwareVersion(String v) { this.deviceSoftwareVersion = v; }
    public String getOccurredOn() { return occurredOn; }
    public void setOccurredOn(String v) { this.occurredOn = v; }
    public String getBecameAwareOn() { return becameAwareOn; }
    public void setBecameAwareOn(String v) { this.becameAwareOn = v; }
    public String getDepartment() { return department; }
    public void setDepartment(String v) { this.department = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { this.description = v; }
    public String getDeviceProblemCode1() { return deviceProblemCode1; }
    public void setDeviceProblemCode1(String v) { this.deviceProblemCode1 = v; }
    public String getDeviceProblemCode2() { return deviceProblemCode2; }
    public void setDeviceProblemCode2(String v) { this.deviceProblemCode2 = v; }
    public String getDeviceProblemCode3() { return deviceProblemCode3; }
    public void setDeviceProblemCode3(String v) { this.deviceProblemCode3 = v; }
    public String getPersonInvolved() { return personInvolved; }
    public void setPersonInvolved(String v) { this.personInvolved = v; }
    public String getSignsAndSymptomsCodes() { return signsAndSymptomsCodes; }
    public void setSignsAndSymptomsCodes(String v) { this.signsAndSymptomsCodes = v; }
    public String getHealthImpactCodes() { return healthImpactCodes; }
    public void setHealthImpactCodes(String v) { this.healthImpactCodes = v; }
    public String getAge() { return age; }
    public void setAge(String v) { this.age = v; }
    public String getAgeUnit() { return ageUnit; }
    public void setAgeUnit(String v) { this.ageUnit = v; }
    public String getSex() { return sex; }
    public void setSex(String v) { this.sex = v; }
    public String getWeightKg() { return weightKg; }
    public void setWeightKg(String v) { this.weightKg = v; }
    public String getPatientIdentifier() { return patientIdentifier; }
    public void setPatientIdentifier(String v) { this.patientIdentifier = v; }
    public String getDeviceAvailability() { return deviceAvailability; }
    public void setDeviceAvailability(String v) { this.deviceAvailability = v; }
    public String getDeviceLocation() { return deviceLocation; }
    public void setDeviceLocation(String v) { this.deviceLocation = v; }
    public boolean isReporterNameShared() { return reporterNameShared; }
    public void setReporterNameShared(boolean v) { this.reporterNameShared = v; }
}
