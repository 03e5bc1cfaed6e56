package org.vigil.device.importing;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.vigil.device.BasicUdiDiData;
import org.vigil.device.DeviceImportRow;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.PackageLevel;
import org.vigil.device.RiskClass;
import org.vigil.device.UdiDiData;
import org.vigil.device.importing.write.DeviceCsvWriter;
import org.vigil.udi.BasicUdiDi;
import org.vigil.udi.Gs1;
import org.vigil.udi.IssuingEntity;

/**
 * Realistic device CSVs from a seed: a manufacturer's device families (GS1 GMN Basic UDI-DIs with their check pair),
 * each with several UDI-DIs (GTIN-14 with the GS1 check digit, verified by the UDI library), package levels and EU
 * markets. The same seed always gives the same file.
 */
public final class DeviceCsvGenerator {

    private static final String[] FAMILIES = { "Hip stem", "Knee insert", "Bone screw", "Infusion set", "Catheter",
            "Wound dressing", "Surgical stapler", "Glucose meter", "Pulse oximeter", "Suture", "Syringe pump",
            "Dental implant", "Contact lens", "Ventilator circuit", "Blood pressure cuff" };
    private static final String[] COUNTRIES = { "DE", "FR", "IT", "ES", "NL", "BE", "AT", "PL", "SE", "DK", "IE", "PT",
            "CZ", "XI", "CH", "GB", "TR", "US" };
    private static final String[] EMDN = { "A030101", "A03010101", "C0104", "A0301", "J010101", "J01010101", "J0101" };
    private static final RiskClass[] CLASSES = { RiskClass.MDR_I, RiskClass.MDR_IS, RiskClass.MDR_IM,
            RiskClass.MDR_IIA, RiskClass.MDR_IIB, RiskClass.MDR_III, RiskClass.IVDR_B, RiskClass.IVDR_C };

    private final Random random;
    private final String companyPrefix;

    public DeviceCsvGenerator(long seed) {
        this.random = new Random(seed);
        this.companyPrefix = "40" + (10000 + random.nextInt(89999));
    }

    /** {@code count} rows, about eight UDI-DIs per Basic UDI-DI. */
    public List<DeviceImportRow> rows(int count) {
        List<DeviceImportRow> rows = new ArrayList<>(count);
        BasicUdiDiData basic = null;
        int family = 0;
        for (int i = 0; i < count; i++) {
            if (basic == null || random.nextInt(8) == 0) {
                basic = basic(family++);
            }
            rows.add(new DeviceImportRow(i + 2, basic, udiDi(basic, i)));
        }
        return rows;
    }

    /** The rows as device CSV text. */
    public static String csv(List<DeviceImportRow> rows) {
        var out = new StringWriter();
        var writer = new DeviceCsvWriter(out).header();
        rows.forEach(writer::row);
        return out.toString();
    }

    public static String gtin(String companyPrefix, long item) {
        return Gs1.withCheckDigit("0" + companyPrefix + String.format("%0" + (12 - companyPrefix.length()) + "d", item))
                .value();
    }

    private BasicUdiDiData basic(int family) {
        String name = FAMILIES[family % FAMILIES.length] + " " + (char) ('A' + family / FAMILIES.length % 26)
                + (family / FAMILIES.length / 26);
        String body = companyPrefix + "M" + family;
        String basicUdiDi = BasicUdiDi.addCheckCharacters(IssuingEntity.GS1, body).value();
        RiskClass riskClass = CLASSES[random.nextInt(CLASSES.length)];
        boolean implantable = riskClass == RiskClass.MDR_III || riskClass == RiskClass.MDR_IIB && random.nextBoolean();
        // Every class but plain MDR class I involves a notified body (MDR Art. 52(7), IVDR Art. 48(7)–(9)); the coin is
        // still tossed for IVDR class B so the seeded sequence of rows stays what the tests expect.
        boolean optionalBody = (riskClass == RiskClass.MDR_I || riskClass == RiskClass.IVDR_B) && random.nextBoolean();
        boolean needsBody = riskClass != RiskClass.MDR_I || optionalBody;
        String notifiedBody = needsBody ? String.format("%04d", 100 + random.nextInt(2700)) : null;
        List<String> certificates = needsBody ? List.of("CE-" + notifiedBody + "-" + (100000 + random.nextInt(899999)),
                "QMS-" + notifiedBody + "-" + (1000 + random.nextInt(8999))) : List.of();
        return new BasicUdiDiData(basicUdiDi, name, "Intended for " + name.toLowerCase() + " use; \"see IFU\", section "
                + (1 + random.nextInt(9)) + ".", riskClass.legislation(), false, riskClass, implantable,
                random.nextInt(5) == 0, riskClass == RiskClass.MDR_IM, false,
                random.nextInt(20) == 0 ? MedicinalSubstance.NATIONAL_AUTHORITY_CONSULTED : MedicinalSubstance.NONE,
                random.nextInt(30) == 0, random.nextInt(25) == 0, notifiedBody, certificates,
                "DE-MF-" + String.format("%09d", 12345), random.nextInt(10) == 0 ? "BE-AR-000004321" : null);
    }

    private UdiDiData udiDi(BasicUdiDiData basic, int i) {
        String di = gtin(companyPrefix, 2L * i + 1);
        // A case of the base units: packaging indicator 1 in front of the next item reference (GS1 GenSpecs 3.4.2).
        String caseBody = "1" + gtin(companyPrefix, 2L * i + 2).substring(1, 13);
        List<PackageLevel> packages = random.nextInt(3) == 0
                ? List.of(new PackageLevel(Gs1.withCheckDigit(caseBody).value(), di, 5 + random.nextInt(50)))
                : List.of();
        List<MarketPlacement> markets = new ArrayList<>();
        int countries = 1 + random.nextInt(4);
        for (int c = 0; c < countries; c++) {
            String country = COUNTRIES[(i + c * 5) % COUNTRIES.length];
            LocalDate from = LocalDate.of(2021 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28));
            LocalDate until = random.nextInt(10) == 0 ? from.plusYears(1) : null;
            markets.add(new MarketPlacement(country, from, until));
        }
        // Markets are a set per country; the register keeps and exports them by country, so the file does too.
        markets.sort(java.util.Comparator.comparing(MarketPlacement::country));
        boolean software = random.nextInt(6) == 0;
        return new UdiDiData(basic.basicUdiDi(), di, IssuingEntity.GS1, basic.deviceName() + " size " + (i % 12 + 1),
                "M-" + (i % 97), "REF " + (10000 + i), EMDN[random.nextInt(EMDN.length)],
                software ? "2." + random.nextInt(9) + "." + random.nextInt(20) : null,
                software ? "fw-" + random.nextInt(5) : null, packages, markets);
    }
}
