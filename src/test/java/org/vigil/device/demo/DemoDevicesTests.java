package org.vigil.device.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.device.DeviceRegister;
import org.vigil.organisation.DemoOrganisationsLoaded;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * The demo devices pass the register's rules, load when the demo organisations announce themselves and the context
 * starts, and every scan the README's demo section lists finds its device with the lot and expiry it names.
 */
@IntegrationTest
class DemoDevicesTests {

    private static boolean loaded;

    @Autowired
    DeviceRegister register;
    @Autowired
    TestData testData;

    @BeforeEach
    void load_the_demo_devices_once() {
        synchronized (DemoDevicesTests.class) {
            if (!loaded) {
                var a = testData.organisation(OrganisationKind.MANUFACTURER);
                var b = testData.organisation(OrganisationKind.MANUFACTURER);
                var loader = new DemoDevices(register);
                loader.organisationsLoaded(new DemoOrganisationsLoaded(Map.of("Manufacturer A", a.id(),
                        "Manufacturer B", b.id())));
                loader.start();
                assertThat(loader.isRunning()).isTrue();
                loaded = true;
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "(01)04069999000015(17)271231(10)LOT42(21)SN1 | Vigil Hip Stem size 12 | LOT42 | 2027-12-31",
        "]C1010406999900001517271231<GS>10LOT42<GS>21SN1 | Vigil Hip Stem size 12 | LOT42 | 2027-12-31",
        "(01)04069999010014(10)B7 | Vigil InfuFlow 300 | B7 | -",
        "(01)04069999000039(8012)2.4.1 | Vigil Bolus | - | -",
        "+H123CS3008001/$$3271231STLOT96 | Vigil CoroFlex 3.0 x 8 mm | STLOT9 | 2027-12-31",
        "[)><RS>06<GS>9N110375286414<GS>1TLOT5<GS>D271231<RS><EOT> | ArgentoCare 10 x 10 cm | LOT5 | 2027-12-31",
        "(01)03769999000015(17)281130(10)FB1 | SoftFlow Foley 14 Fr | FB1 | 2028-11-30",
    })
    void each_demo_scan_of_the_readme_finds_its_device_MDR_Art_27(String scan, String tradeName, String lot,
            String expiry) {
        var hospital = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION),
                Role.REPORTER);
        var found = testData.as(hospital.principal(), () -> register.lookup(scan));
        assertThat(found.udi().problems()).isEmpty();
        assertThat(found.device()).isNotNull();
        assertThat(found.device().tradeName()).isEqualTo(tradeName);
        assertThat(found.udi().lot()).isEqualTo(lot);
        assertThat(found.udi().expiry() == null ? null : found.udi().expiry().toString()).isEqualTo(expiry);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { "(01)04069999000016(17)271231 | 18" })
    void the_readme_bad_scan_names_its_problem_and_position(String scan, int character) {
        var hospital = testData.person(testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION),
                Role.REPORTER);
        var found = testData.as(hospital.principal(), () -> register.lookup(scan));
        assertThat(found.device()).isNull();
        assertThat(found.udi().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.position() + 1).isEqualTo(character);
            assertThat(problem.message()).contains("check digit");
        });
    }
}
