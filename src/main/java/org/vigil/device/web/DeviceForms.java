package org.vigil.device.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.vigil.device.BasicUdiDiData;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.PackageLevel;
import org.vigil.device.RiskClass;
import org.vigil.device.UdiDiData;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.InvalidInputException.FieldError;
import org.vigil.udi.IssuingEntity;

/** The register's forms as typed on the pages: text kept as typed, so a refused form shows it again. */
final class DeviceForms {

    private DeviceForms() {
    }

    /** The Basic UDI-DI form. */
    public static class BasicForm {
        public String basicUdiDi = "";
        public String deviceName = "";
        public String intendedPurpose = "";
        public String legislation = "MDR";
        public boolean legacy;
        public String riskClass = "";
        public boolean implantable;
        public boolean active;
        public boolean measuring;
        public boolean reusableSurgicalInstrument;
        public String medicinalSubstance = "NONE";
        public boolean humanTissuesOrCells;
        public boolean animalTissuesOrCells;
        public String notifiedBody = "";
        public String certificates = "";
        public String manufacturerSrn = "";
        public String authorisedRepresentativeSrn = "";

        // Setters for Spring's data binder (it binds properties, not public fields).
        public void setBasicUdiDi(String v) { basicUdiDi = v; }
        public void setDeviceName(String v) { deviceName = v; }
        public void setIntendedPurpose(String v) { intendedPurpose = v; }
        public void setLegislation(String v) { legislation = v; }
        public void setLegacy(boolean v) { legacy = v; }
        public void setRiskClass(String v) { riskClass = v; }
        public void setImplantable(boolean v) { implantable = v; }
        public void setActive(boolean v) { active = v; }
        public void setMeasuring(boolean v) { measuring = v; }
        public void setReusableSurgicalInstrument(boolean v) { reusableSurgicalInstrument = v; }
        public void setMedicinalSubstance(String v) { medicinalSubstance = v; }
        public void setHumanTissuesOrCells(boolean v) { humanTissuesOrCells = v; }
        public void setAnimalTissuesOrCells(boolean v) { animalTissuesOrCells = v; }
        public void setNotifiedBody(String v) { notifiedBody = v; }
        public void setCertificates(String v) { certificates = v; }
        public void setManufacturerSrn(String v) { manufacturerSrn = v; }
        public void setAuthorisedRepresentativeSrn(String v) { authorisedRepresentativeSrn = v; }

        public String getBasicUdiDi() { return basicUdiDi; }
        public String getDeviceName() { return deviceName; }
        public String getIntendedPurpose() { return intendedPurpose; }
        public String getLegislation() { return legislation; }
        public boolean isLegacy() { return legacy; }
        public String getRiskClass() { return riskClass; }
        public boolean isImplantable() { return implantable; }
        public boolean isActive() { return active; }
        public boolean isMeasuring() { return measuring; }
        public boolean isReusableSurgicalInstrument() { return reusableSurgicalInstrument; }
        public String getMedicinalSubstance() { return medicinalSubstance; }
        public boolean isHumanTissuesOrCells() { return humanTissuesOrCells; }
        public boolean isAnimalTissuesOrCells() { return animalTissuesOrCells; }
        public String getNotifiedBody() { return notifiedBody; }
        public String getCertificates() { return certificates; }
        public String getManufacturerSrn() { return manufacturerSrn; }
        public String getAuthorisedRepresentativeSrn() { return authorisedRepresentativeSrn; }

        static BasicForm of(BasicUdiDiData d) {
            var form = new BasicForm();
            form.basicUdiDi = d.basicUdiDi();
            form.deviceName = d.deviceName();
            form.intendedPurpose = nz(d.intendedPurpose());
            form.legislation = d.legislation().name();
            form.legacy = d.legacy();
            form.riskClass = d.riskClass() == null ? "" : d.riskClass().name();
            form.implantable = d.implantable();
            form.active = d.active();
            form.measuring = d.measuring();
            form.reusableSurgicalInstrument = d.reusableSurgicalInstrument();
            form.medicinalSubstance = d.medicinalSubstance().name();
            form.humanTissuesOrCells = d.humanTissuesOrCells();
            form.animalTissuesOrCells = d.animalTissuesOrCells();
            form.notifiedBody = nz(d.notifiedBody());
            form.certificates = String.join("\n", d.certificates());
            form.manufacturerSrn = nz(d.manufacturerSrn());
            form.authorisedRepresentativeSrn = nz(d.authorisedRepresentativeSrn());
            return form;
        }

        BasicUdiDiData data() {
            var errors = new ArrayList<FieldError>();
            Legislation law = enumOf(Legislation.class, legislation, "legislation", errors);
            RiskClass risk = riskClass == null || riskClass.isBlank() ? null
                    : enumOf(RiskClass.class, riskClass, "riskClass", errors);
            MedicinalSubstance substance = enumOf(MedicinalSubstance.class, medicinalSubstance,
                    "medicinalSubstance", errors);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return new BasicUdiDiData(basicUdiDi, deviceName, intendedPurpose, law, legacy, risk, implantable,
                    active, measuring, reusableSurgicalInstrument, substance, humanTissuesOrCells,
                    animalTissuesOrCells, notifiedBody, lines(certificates), manufacturerSrn,
                    authorisedRepresentativeSrn);
        }
    }

    /** The UDI-DI form; package levels one per line as {@code UDI-DI, contains, quantity}. */
    public static class UdiForm {
        public String udiDi = "";
        public String issuer = "";
        public String tradeName = "";
        public String model = "";
        public String reference = "";
        public String emdnCode = "";
        public String softwareVersion = "";
        public String firmwareVersion = "";
        public String packageLevels = "";

        public void setUdiDi(String v) { udiDi = v; }
        public void setIssuer(String v) { issuer = v; }
        public void setTradeName(String v) { tradeName = v; }
        public void setModel(String v) { model = v; }
        public void setReference(String v) { reference = v; }
        public void setEmdnCode(String v) { emdnCode = v; }
        public void setSoftwareVersion(String v) { softwareVersion = v; }
        public void setFirmwareVersion(String v) { firmwareVersion = v; }
        public void setPackageLevels(String v) { packageLevels = v; }

        public String getUdiDi() { return udiDi; }
        public String getIssuer() { return issuer; }
        public String getTradeName() { return tradeName; }
        public String getModel() { return model; }
        public String getReference() { return reference; }
        public String getEmdnCode() { return emdnCode; }
        public String getSoftwareVersion() { return softwareVersion; }
        public String getFirmwareVersion() { return firmwareVersion; }
        public String getPackageLevels() { return packageLevels; }

        static UdiForm of(UdiDiData d) {
            var form = new UdiForm();
            form.udiDi = d.udiDi();
            form.issuer = d.issuer().name();
            form.tradeName = nz(d.tradeName());
            form.model = nz(d.model());
            form.reference = nz(d.reference());
            form.emdnCode = nz(d.emdnCode());
            form.softwareVersion = nz(d.softwareVersion());
            form.firmwareVersion = nz(d.firmwareVersion());
            form.packageLevels = String.join("\n", d.packageLevels().stream()
                    .map(p -> p.udiDi() + ", " + p.contains() + ", " + p.quantity()).toList());
            return form;
        }

        UdiDiData data(String basicUdiDi, List<MarketPlacement> markets) {
            var errors = new ArrayList<FieldError>();
            IssuingEntity entity = issuer == null || issuer.isBlank() ? null
                    : enumOf(IssuingEntity.class, issuer, "issuer", errors);
            var levels = new ArrayList<PackageLevel>();
            for (String line : lines(packageLevels)) {
                String[] parts = line.split("[,;\\t]");
                if (parts.length != 3) {
                    errors.add(new FieldError("packageLevels", "Write each package level as: UDI-DI, UDI-DI it "
                            + "contains, quantity (\"" + line + "\")."));
                    continue;
                }
                try {
                    levels.add(new PackageLevel(parts[0].strip(), parts[1].strip(), Integer.parseInt(parts[2].strip())));
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("packageLevels", "The quantity is a whole number (\"" + line + "\")."));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return new UdiDiData(basicUdiDi, udiDi, entity, tradeName, model, reference, emdnCode, softwareVersion,
                    firmwareVersion, levels, markets);
        }
    }

    /** Markets one per line as {@code country, from, until} (ISO dates, until optional). */
    static List<MarketPlacement> markets(String text) {
        var errors = new ArrayList<FieldError>();
        var markets = new ArrayList<MarketPlacement>();
        for (String line : lines(text)) {
            String[] parts = Arrays.stream(line.split("[,;\\t ]+")).filter(p -> !p.isBlank()).toArray(String[]::new);
            if (parts.length < 2 || parts.length > 3) {
                errors.add(new FieldError("markets", "Write each market as: country, first placed (YYYY-MM-DD), "
                        + "optionally last made available (\"" + line + "\")."));
                continue;
            }
            try {
                markets.add(new MarketPlacement(parts[0].toUpperCase(Locale.ROOT), LocalDate.parse(parts[1]),
                        parts.length == 3 ? LocalDate.parse(parts[2]) : null));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("markets", "Dates are written YYYY-MM-DD (\"" + line + "\")."));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return markets;
    }

    static String marketText(List<MarketPlacement> markets) {
        return String.join("\n", markets.stream().map(m -> m.country() + ", " + m.from()
                + (m.until() == null ? "" : ", " + m.until())).toList());
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, List<FieldError> errors) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "Choose one of the listed values."));
            return null;
        }
    }
}
