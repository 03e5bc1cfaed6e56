package org.vigil.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.vigil.audit.AuditTrail;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.support.DeviceFixtures;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import org.vigil.support.TestData.Person;
import org.vigil.udi.IssuingEntity;

/**
 * The register under row-level security: manufacturers write their own devices, everyone reads the register
 * (MDR Art. 33(5): UDI database data is public), units placed are the owner's commercial figures; every change is
 * audited (21 CFR 11.10(e)); bulk imports are correct for 10,000 rows.
 */
@IntegrationTest
class DeviceRegisterTests {

    @Autowired
    DeviceRegister register;
    @Autowired
    TestData testData;
    @Autowired
    AuditTrail auditTrail;

    Person manufacturer(Role role) {
        return testData.person(testData.organisation(OrganisationKind.MANUFACTURER), role);
    }

    record Registered(BasicUdiDiView basic, UdiDiView udi) {
    }

    Registered register(Person person, String tradeName) {
        return testData.as(person.principal(), () -> {
            String basicUdiDi = DeviceFixtures.gmn();
            var basic = register.registerBasicUdiDi(DeviceFixtures.basic(basicUdiDi, "Device " + tradeName));
            var udi = register.addUdiDi(DeviceFixtures.udi(basicUdiDi, DeviceFixtures.gtin(), tradeName));
            register.recordUnitsPlaced(new UnitsPlaced(udi.data().udiDi(), "DE", YearMonth.of(2025, 3), 120));
            return new Registered(basic, udi);
        });
    }

    @Test
    void a_hospital_reads_a_manufacturers_devices_but_not_its_units_placed_MDR_Art_33_5() {
        var maker = manufacturer(Role.VIGILANCE_OFFICER);
        String tradeName = "Readable pump " + UUID.randomUUID();
        var device = register(maker, tradeName);
        var hospital = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION),
                Role.REPORTER);

        testData.as(hospital.principal(), () -> {
            assertThat(register.basicUdiDi(device.basic().id()).data().deviceName()).isEqualTo("Device " + tradeName);
            assertThat(register.udiDi(device.udi().id()).data().markets()).extracting(MarketPlacement::country)
                    .containsExactly("DE");
            assertThat(register.search(tradeName.substring(0, 20), 10)).extracting(DeviceMatch::udiDiId)
                    .contains(device.udi().id());
            assertThatThrownBy(() -> register.unitsPlaced(device.udi().id()))
                    .isInstanceOf(RecordNotFoundException.class);
            var exported = new ArrayList<UnitsPlaced>();
            register.exportUnitsPlaced(exported::add);
            assertThat(exported).isEmpty();
            return null;
        });
        assertThat(testData.as(maker.principal(), () -> register.unitsPlaced(device.udi().id())))
                .containsExactly(new UnitsPlaced(device.udi().data().udiDi(), "DE", YearMonth.of(2025, 3), 120));
    }

    @Test
    void units_placed_under_a_basic_udi_di_cover_all_its_udi_dis_for_the_owner_only_MIR_7_3_1_section_4_3() {
        var maker = manufacturer(Role.VIGILANCE_OFFICER);
        var device = register(maker, "Counted pump " + UUID.randomUUID());
        String second = DeviceFixtures.gtin();
        testData.as(maker.principal(), () -> {
            register.addUdiDi(DeviceFixtures.udi(device.basic().data().basicUdiDi(), second, "Counted pump, 2 ml"));
            return register.recordUnitsPlaced(new UnitsPlaced(second, "DE", YearMonth.of(2025, 1), 30));
        });

        assertThat(testData.as(maker.principal(), () -> register.unitsPlacedUnder(device.basic().id())))
                .containsExactly(new UnitsPlaced(second, "DE", YearMonth.of(2025, 1), 30),
                        new UnitsPlaced(device.udi().data().udiDi(), "DE", YearMonth.of(2025, 3), 120));
        var rival = manufacturer(Role.VIGILANCE_OFFICER);
        assertThatThrownBy(() -> testData.as(rival.principal(), () -> register.unitsPlacedUnder(device.basic().id())))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void another_manufacturer_cannot_change_a_device_it_does_not_own_and_is_told_it_does_not_exist() {
        var owner = manufacturer(Role.PRRC);
        var device = register(owner, "Owned " + UUID.randomUUID());
        var rival = manufacturer(Role.VIGILANCE_OFFICER);
        var changed = DeviceFixtures.basic(device.basic().data().basicUdiDi(), "Hijacked");

        testData.as(rival.principal(), () -> {
            assertThatThrownBy(() -> register.updateBasicUdiDi(device.basic().id(), changed))
                    .isInstanceOf(RecordNotFoundException.class);
            assertThatThrownBy(() -> register.setMarkets(device.udi().id(), List.of()))
                    .isInstanceOf(RecordNotFoundException.class);
            assertThatThrownBy(() -> register.recordUnitsPlaced(new UnitsPlaced(device.udi().data().udiDi(), "FR",
                    YearMonth.of(2025, 1), 5))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not one of your organisation's registered UDI-DIs");
            assertThat(register.importRows(List.of(new DeviceImportRow(7, changed, null)), "rival import"))
                    .singleElement().satisfies(problem -> {
                        assertThat(problem.row()).isEqualTo(7);
                        assertThat(problem.field()).isEqualTo("basicUdiDi");
                        assertThat(problem.message()).contains("registered by another organisation");
                    });
            return null;
        });
        assertThat(testData.as(owner.principal(), () -> register.basicUdiDi(device.basic().id())).data())
                .isEqualTo(device.basic().data());
        assertThat(testData.as(owner.principal(), () -> register.udiDi(device.udi().id())).data().markets())
                .hasSize(1);
    }

    @Test
    void a_record_that_does_not_exist_answers_as_missing() {
        var hospital = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION),
                Role.DEVICE_SAFETY_OFFICER);
        testData.as(hospital.principal(), () -> {
            assertThatThrownBy(() -> register.basicUdiDi(UUID.randomUUID()))
                    .isInstanceOf(RecordNotFoundException.class);
            assertThatThrownBy(() -> register.udiDi(UUID.randomUUID())).isInstanceOf(RecordNotFoundException.class);
            return null;
        });
    }

    @Test
    void hospitals_and_a_manufacturers_administrators_without_a_vigilance_role_cannot_register_devices() {
        var hospital = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION),
                Role.ORGANISATION_ADMIN, Role.DEVICE_SAFETY_OFFICER);
        assertThatThrownBy(() -> testData.as(hospital.principal(), () -> register.registerBasicUdiDi(
                DeviceFixtures.basic(DeviceFixtures.gmn(), "Not theirs"))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void every_change_is_audited_with_its_old_and_new_values_21_CFR_11_10_e() {
        var maker = manufacturer(Role.COMPLAINT_HANDLER);
        var device = register(maker, "Audited " + UUID.randomUUID());
        var before = device.basic().data();
        var after = new BasicUdiDiData(before.basicUdiDi(), "Renamed device", before.intendedPurpose(),
                before.legislation(), false, RiskClass.MDR_IIB, false, true, false, false, before.medicinalSubstance(),
                false, false, "0124", before.certificates(), null, null);
        testData.as(maker.principal(), () -> register.updateBasicUdiDi(device.basic().id(), after));

        var history = testData.as(maker.principal(),
                () -> auditTrail.history(RecordRef.of("basic-udi-di", device.basic().id())));
        assertThat(history).extracting(entry -> entry.action())
                .containsExactly("device.basic-udi-di-registered", "device.basic-udi-di-changed");
        assertThat(history.getLast().before()).contains("\"deviceName\":\"Device Audited");
        assertThat(history.getLast().after()).contains("\"deviceName\":\"Renamed device\"", "\"notifiedBody\":\"0124\"");
        var unitsHistory = testData.as(maker.principal(),
                () -> auditTrail.history(RecordRef.of("udi-di", device.udi().id())));
        assertThat(unitsHistory).extracting(entry -> entry.action())
                .containsExactly("device.udi-di-added", "device.units-placed-recorded");
    }

    @Test
    void a_basic_udi_di_and_a_udi_di_cannot_be_renamed_MDR_Annex_VI_Part_C_3_9_and_6_5() {
        var maker = manufacturer(Role.PRRC);
        var device = register(maker, "Fixed " + UUID.randomUUID());
        testData.as(maker.principal(), () -> {
            assertThatThrownBy(() -> register.updateBasicUdiDi(device.basic().id(),
                    DeviceFixtures.basic(DeviceFixtures.gmn(), "Other"))).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                            .extracting(InvalidInputException.FieldError::field).containsExactly("basicUdiDi"));
            assertThatThrownBy(() -> register.updateUdiDi(device.udi().id(), DeviceFixtures.udi(
                    device.basic().data().basicUdiDi(), DeviceFixtures.gtin(), "Other")))
                    .isInstanceOf(InvalidInputException.class);
            return null;
        });
    }

    @Test
    void a_scan_finds_the_device_by_its_udi_di_or_a_package_level_and_reads_lot_serial_and_expiry_MDR_Art_27() {
        var maker = manufacturer(Role.VIGILANCE_OFFICER);
        String basicUdiDi = DeviceFixtures.gmn();
        String base = DeviceFixtures.gtin();
        String box = DeviceFixtures.gtin();
        testData.as(maker.principal(), () -> {
            register.registerBasicUdiDi(DeviceFixtures.basic(basicUdiDi, "Boxed device"));
            return register.addUdiDi(new UdiDiData(basicUdiDi, base, null, "Boxed", null, null, "Z12030301", null,
                    null, List.of(new PackageLevel(box, base, 10)), List.of()));
        });
        var hospital = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION),
                Role.REPORTER);
        testData.as(hospital.principal(), () -> {
            var scanned = register.lookup("(01)" + base + "(17)271231(10)LOT42(21)SN1");
            assertThat(scanned.device()).isNotNull();
            assertThat(scanned.device().tradeName()).isEqualTo("Boxed");
            assertThat(scanned.udi().lot()).isEqualTo("LOT42");
            assertThat(scanned.udi().serial()).isEqualTo("SN1");
            assertThat(scanned.udi().expiry()).isEqualTo(java.time.LocalDate.of(2027, 12, 31));
            var boxScan = register.lookup("]C101" + box + "10LOT7<GS>17280131");
            assertThat(boxScan.udi().problems()).isEmpty();
            assertThat(boxScan.udi().lot()).isEqualTo("LOT7");
            assertThat(boxScan.device().tradeName()).isEqualTo("Boxed");
            var bad = register.lookup("(01)" + base.substring(0, 13) + "0(17)271332");
            assertThat(bad.udi().problems()).isNotEmpty().allSatisfy(problem ->
                    assertThat(problem.position()).isBetween(0, bad.scan().length()));
            var words = register.lookup("Boxed");
            assertThat(words.scanned()).isFalse();
            assertThat(words.matches()).extracting(DeviceMatch::udiDi).contains(base);
            return null;
        });
    }

    @Test
    void a_report_identifies_its_device_by_udi_di_package_udi_di_or_scan_and_its_manufacturer_MDR_Art_87_10() {
        var maker = manufacturer(Role.VIGILANCE_OFFICER);
        String basicUdiDi = DeviceFixtures.gmn();
        String base = DeviceFixtures.gtin();
        String box = DeviceFixtures.gtin();
        testData.as(maker.principal(), () -> {
            register.registerBasicUdiDi(DeviceFixtures.basic(basicUdiDi, "Identified device"));
            return register.addUdiDi(new UdiDiData(basicUdiDi, base, null, "Identified", "ID-2", "REF-9", "Z12030301",
                    null, null, List.of(new PackageLevel(box, base, 10)), List.of()));
        });
        var hospital = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION),
                Role.REPORTER);
        var expected = new DeviceIdentity(base, maker.principal().organisationId(), "Identified", "ID-2", "REF-9");

        testData.as(hospital.principal(), () -> {
            assertThat(register.identify(base, null)).contains(expected);
            assertThat(register.identify(" " + box + " ", "ignored when a UDI-DI is given")).contains(expected);
            assertThat(register.identify(null, "(01)" + box + "(17)271231(10)LOT42")).contains(expected);
            assertThat(register.identify(null, "]C101" + base + "10LOT7<GS>17280131")).contains(expected);
            assertThat(register.identify(DeviceFixtures.gtin(), "(01)" + base)).isEmpty();
            assertThat(register.identify(null, "Identified")).isEmpty();
            assertThat(register.identify(null, " ")).isEmpty();
            return null;
        });
    }

    @Test
    void importing_10000_rows_stores_the_valid_ones_reports_the_others_by_row_and_a_second_run_changes_nothing() {
        var maker = manufacturer(Role.VIGILANCE_OFFICER);
        var rows = new ArrayList<DeviceImportRow>();
        var gtins = new ArrayList<String>();
        for (int b = 0; b < 2_000; b++) {
            String basicUdiDi = DeviceFixtures.gmn();
            var basic = DeviceFixtures.basic(basicUdiDi, "Bulk device " + b);
            for (int u = 0; u < 5; u++) {
                String gtin = DeviceFixtures.gtin();
                gtins.add(gtin);
                rows.add(new DeviceImportRow(rows.size() + 1, basic, DeviceFixtures.udi(basicUdiDi, gtin,
                        "Bulk " + b + "/" + u)));
            }
        }
        // Three broken rows among them: a wrong check digit, a class of the wrong legislation, an unknown EMDN code.
        var broken = rows.get(10);
        rows.set(10, new DeviceImportRow(11, broken.basicUdiDi(), new UdiDiData(broken.udiDi().basicUdiDi(),
                gtins.get(10).substring(0, 13) + ((gtins.get(10).charAt(13) - '0' + 1) % 10), IssuingEntity.GS1,
                "Broken", null, null, null, null, null, List.of(), List.of())));
        var wrongClass = rows.get(5000);
        var b = wrongClass.basicUdiDi();
        rows.set(5000, new DeviceImportRow(5001, new BasicUdiDiData(b.basicUdiDi() + "X", b.deviceName(), null,
                Legislation.MDR, false, RiskClass.IVDR_B, false, false, false, false, null, false, false, "0123",
                null, null, null), null));
        var unknownEmdn = rows.get(9999);
        rows.set(9999, new DeviceImportRow(10000, unknownEmdn.basicUdiDi(), new UdiDiData(
                unknownEmdn.udiDi().basicUdiDi(), unknownEmdn.udiDi().udiDi(), IssuingEntity.GS1, "X", null, null,
                "Z99999999", null, null, List.of(), List.of())));

        var problems = testData.as(maker.principal(), () -> register.importRows(rows, "bulk test"));

        assertThat(problems).extracting(ImportProblem::row, ImportProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(11, "udiDi"),
                org.assertj.core.groups.Tuple.tuple(5001, "basicUdiDi"),
                org.assertj.core.groups.Tuple.tuple(5001, "riskClass"),
                org.assertj.core.groups.Tuple.tuple(10000, "emdnCode"));
        var exported = new ArrayList<DeviceImportRow>();
        testData.as(maker.principal(), () -> {
            register.exportRows(exported::add);
            return null;
        });
        assertThat(exported).hasSize(9_997);
        assertThat(exported).extracting(row -> row.udiDi().udiDi()).doesNotContain(gtins.get(9999))
                .contains(gtins.get(0), gtins.get(9998));
        assertThat(exported.getFirst().udiDi().markets()).extracting(MarketPlacement::country).containsExactly("DE");

        var again = testData.as(maker.principal(), () -> register.importRows(rows, "bulk test again"));
        assertThat(again).hasSize(4);
        var units = new ArrayList<UnitsPlacedRow>();
        for (int i = 0; i < 10_000; i++) {
            units.add(new UnitsPlacedRow(i + 1, new UnitsPlaced(exported.get(i % 9_997).udiDi().udiDi(),
                    i < 9_997 ? "DE" : "FR", YearMonth.of(2025, 1), i)));
        }
        var unitProblems = testData.as(maker.principal(), () -> register.importUnitsPlaced(units, "units test"));
        assertThat(unitProblems).isEmpty();
        var figures = new ArrayList<UnitsPlaced>();
        testData.as(maker.principal(), () -> {
            register.exportUnitsPlaced(figures::add);
            return null;
        });
        assertThat(figures).hasSize(10_000);
        assertThat(figures.stream().mapToLong(UnitsPlaced::units).sum()).isEqualTo(10_000L * 9_999 / 2);
    }
}
