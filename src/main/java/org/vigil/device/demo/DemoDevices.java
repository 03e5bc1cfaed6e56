package org.vigil.device.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vigil.device.BasicUdiDiData;
import org.vigil.device.DeviceImportRow;
import org.vigil.device.DeviceRegister;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.PackageLevel;
import org.vigil.device.RiskClass;
import org.vigil.device.UdiDiData;
import org.vigil.device.UnitsPlaced;
import org.vigil.device.UnitsPlacedRow;
import org.vigil.organisation.DemoOrganisationsLoaded;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.Tenancy;
import org.vigil.udi.BasicUdiDi;
import org.vigil.udi.IssuingEntity;

/**
 * Demo devices of "Manufacturer A" and "Manufacturer B" (GS1, HIBCC and IFA identifiers, an implant, a software
 * device), with markets and a year of units placed. The README lists scans that find them.
 *
 * <p>When they load, in start-up order: the demo organisations are loaded and announce it
 * ({@link DemoOrganisationsLoaded}, while singletons are initialised, as is the bundled EMDN release the devices are
 * coded with, in no fixed order between them); then, when the context starts its lifecycle beans, this loader runs
 * in phase {@value #PHASE}, after every singleton is initialised and before the web server (phase near
 * {@code Integer.MAX_VALUE}) opens its port. No one signs in to a half-loaded demo.
 */
@Component
class DemoDevices implements SmartLifecycle {

    /** Before the web server's start phase; after all singletons, so the bundled EMDN release is there. */
    static final int PHASE = 0;

    private static final Logger log = LoggerFactory.getLogger(DemoDevices.class);
    private static final String CODE39 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";

    /** GTINs of the demo devices (check digits included); the README's demo scans use them. */
    static final String HIP_STEM_GTIN = "04069999000015";
    static final String INFUSION_PUMP_GTIN = "04069999000022";
    static final String PUMP_BOX_GTIN = "04069999010014";
    static final String GLUCOSE_APP_GTIN = "04069999000039";
    static final String CATHETER_GTIN = "03769999000015";
    static final String WOUND_DRESSING_PPN = "110375286414";

    private final DeviceRegister register;
    private volatile DemoOrganisationsLoaded pending;
    private volatile boolean running;

    DemoDevices(DeviceRegister register) {
        this.register = register;
    }

    @EventListener
    void organisationsLoaded(DemoOrganisationsLoaded loaded) {
        pending = loaded;
    }

    @Override
    public void start() {
        running = true;
        var loaded = pending;
        pending = null;
        if (loaded != null) {
            load(loaded);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    void load(DemoOrganisationsLoaded loaded) {
        var a = loaded.organisationsByName().get("Manufacturer A");
        var b = loaded.organisationsByName().get("Manufacturer B");
        if (a == null || b == null) {
            return;
        }
        int rows = load(a, manufacturerA()) + load(b, manufacturerB());
        log.info("Demo devices loaded: {} UDI-DIs with a year of units placed", rows);
    }

    private int load(OrganisationId owner, List<DeviceImportRow> rows) {
        return Tenancy.callAs(Actor.system(owner, "demo data"), () -> {
            var problems = register.importRows(rows, "Demo data");
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Demo devices refused: " + problems);
            }
            var units = new ArrayList<UnitsPlacedRow>();
            YearMonth last = YearMonth.now().minusMonths(1);
            for (DeviceImportRow row : rows) {
                for (MarketPlacement market : row.udiDi().markets()) {
                    for (int m = 0; m < 12; m++) {
                        YearMonth month = last.minusMonths(m);
                        long figure = 40L + (Math.abs((row.udiDi().udiDi() + market.country()).hashCode()) % 400)
                                + m * 7L;
                        units.add(new UnitsPlacedRow(units.size() + 1,
                                new UnitsPlaced(row.udiDi().udiDi(), market.country(), month, figure)));
                    }
                }
            }
            var unitProblems = register.importUnitsPlaced(units, "Demo data");
            if (!unitProblems.isEmpty()) {
                throw new IllegalStateException("Demo units placed refused: " + unitProblems);
            }
            return rows.size();
        });
    }

    private static List<DeviceImportRow> manufacturerA() {
        String srn = "DE-MF-000000001";
        var hip = new BasicUdiDiData(gmn("4069999HIPSTEM"), "Cementless hip stem",
                "Total hip arthroplasty: femoral component for cementless fixation", Legislation.MDR, false,
                RiskClass.MDR_III, true, false, false, false, MedicinalSubstance.NONE, false, false, "0123",
                List.of("CE-0123-MDR-2024-117"), srn, null);
        var pump = new BasicUdiDiData(gmn("4069999INFPUMP"), "Volumetric infusion pump",
                "Controlled intravenous infusion of fluids and medicines", Legislation.MDR, false, RiskClass.MDR_IIB,
                false, true, false, false, MedicinalSubstance.NONE, false, false, "0123",
                List.of("CE-0123-MDR-2023-042"), srn, null);
        var app = new BasicUdiDiData(gmn("4069999GLUCAPP"), "Insulin dose calculator app",
                "Calculates insulin bolus doses from glucose readings", Legislation.MDR, false, RiskClass.MDR_IIB,
                false, true, false, false, MedicinalSubstance.NONE, false, false, "0123",
                List.of("CE-0123-MDR-2025-009"), srn, null);
        var stent = new BasicUdiDiData("++H123CORSTENT" + hibccPair("++H123CORSTENT"), "Drug-eluting coronary stent",
                "Treatment of coronary artery stenosis", Legislation.MDR, false, RiskClass.MDR_III, true, false, false,
                false, MedicinalSubstance.EMA_CONSULTED, false, false, "0123", List.of("CE-0123-MDR-2022-301"), srn,
                null);
        var eu = List.of(market("DE", "2024-03-01"), market("FI", "2024-06-01"), market("IE", "2025-01-15"),
                market("FR", "2024-09-01"));
        return List.of(
                new DeviceImportRow(1, hip, new UdiDiData(hip.basicUdiDi(), HIP_STEM_GTIN, IssuingEntity.GS1,
                        "Vigil Hip Stem size 12", "HS-12", "REF 4711-12", "P09080401", null, null, List.of(), eu)),
                new DeviceImportRow(2, pump, new UdiDiData(pump.basicUdiDi(), INFUSION_PUMP_GTIN, IssuingEntity.GS1,
                        "Vigil InfuFlow 300", "IF-300", "REF 3000", "Z12030301", "3.2.0", "1.4",
                        List.of(new PackageLevel(PUMP_BOX_GTIN, INFUSION_PUMP_GTIN, 2)), withUs(eu))),
                new DeviceImportRow(3, app, new UdiDiData(app.basicUdiDi(), GLUCOSE_APP_GTIN, IssuingEntity.GS1,
                        "Vigil Bolus", "BOLUS", "APP-1", "Z1204", "2.4.1", null, List.of(),
                        List.of(market("DE", "2025-02-01"), market("XI", "2025-05-01")))),
                new DeviceImportRow(4, stent, new UdiDiData(stent.basicUdiDi(), hibcc("+H123CS3008001"),
                        IssuingEntity.HIBCC, "Vigil CoroFlex 3.0 x 8 mm", "CF-3008", "CS3008", "P07040201", null, null,
                        List.of(), eu)));
    }

    private static List<DeviceImportRow> manufacturerB() {
        String srn = "FR-MF-000000002";
        var catheter = new BasicUdiDiData(gmn("3769999CATHFOL"), "Foley urinary catheter",
                "Bladder drainage", Legislation.MDR, false, RiskClass.MDR_IIA, false, false, false, false,
                MedicinalSubstance.NONE, false, false, "0459", List.of("CE-0459-2024-88"), srn, null);
        var dressing = new BasicUdiDiData("PP12345DRESS" + ifaPair("PP12345DRESS"), "Silver wound dressing",
                "Wound care for exuding wounds", Legislation.MDD, true, RiskClass.MDD_IIB, false, false, false, false,
                MedicinalSubstance.NONE, false, false, "0459", List.of("MDD-0459-2020-12"), srn, null);
        var fr = List.of(market("FR", "2023-05-01"), market("BE", "2023-05-01"), market("FI", "2024-01-01"),
                market("IE", "2024-01-01"));
        return List.of(
                new DeviceImportRow(1, catheter, new UdiDiData(catheter.basicUdiDi(), CATHETER_GTIN,
                        IssuingEntity.GS1, "SoftFlow Foley 14 Fr", "SF-14", "FC-14", "U0102", null, null, List.of(),
                        fr)),
                new DeviceImportRow(2, dressing, new UdiDiData(dressing.basicUdiDi(), WOUND_DRESSING_PPN,
                        IssuingEntity.IFA, "ArgentoCare 10 x 10 cm", "AC-10", "AC1010", "M0404", null, null,
                        List.of(), fr)));
    }

    /** The pump is also sold in the US, so its incidents show an FDA duty (21 CFR 803.50) beside the EU one. */
    private static List<MarketPlacement> withUs(List<MarketPlacement> markets) {
        var all = new ArrayList<>(markets);
        all.add(market("US", "2025-03-01"));
        return List.copyOf(all);
    }

    private static MarketPlacement market(String country, String from) {
        return new MarketPlacement(country, LocalDate.parse(from), null);
    }

    private static String gmn(String body) {
        return BasicUdiDi.addCheckCharacters(IssuingEntity.GS1, body).value();
    }

    private static String hibccPair(String body) {
        return BasicUdiDi.checkCharacters(IssuingEntity.HIBCC, body).value();
    }

    private static String ifaPair(String body) {
        return BasicUdiDi.checkCharacters(IssuingEntity.IFA, body).value();
    }

    /** HIBC primary data with its mod 43 check character (ANSI/HIBC 2.6). */
    static String hibcc(String data) {
        int sum = 0;
        for (char c : data.toCharArray()) {
            sum += CODE39.indexOf(c);
        }
        return data + CODE39.charAt(sum % 43);
    }
}
