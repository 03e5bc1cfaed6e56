package org.vigil.mir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.vigil.shared.InvalidInputException;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * With the EC's MIR 7.3.1 XSDs configured ({@code vigil.mir.form-xsd-dir}), every import and every approved export
 * is validated against the XSD of its report type (here a stand-in that holds the manufacturer's reference to 20
 * characters).
 */
@IntegrationTest
@TestPropertySource(properties = "vigil.mir.form-xsd-dir=src/test/resources/org/vigil/mir/ec-xsd-fixture")
class MirEcSchemaTests {

    @Autowired
    MirReports reports;
    @Autowired
    MirWorld worlds;

    @Test
    void an_initial_report_the_configured_ec_xsd_refuses_cannot_be_approved_and_its_import_lists_why() throws Exception {
        var s = worlds.aReportableDeath();
        var started = worlds.asOfficer(s, () -> reports.start(s.opened().id(), MirReportType.INITIAL));
        var values = MirReportsTests.completeInitialValues(reports);
        values.put("admin_info/mfrRef", "A-REFERENCE-LONGER-THAN-TWENTY");
        worlds.asOfficer(s, () -> reports.save(started.id(), values, 1, null));
        assertThatThrownBy(() -> worlds.asOfficer(s, () -> reports.approve(started.id(), 2, TestData.PASSWORD)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(error -> assertThat(error.field()).isEqualTo("admin_info/mfrRef")));

        byte[] refused = worlds.asOfficer(s, () -> reports.document(started.id(), 2)).formXml();
        var imported = worlds.asOfficer(s, () -> reports.importVersion(started.id(), new ByteArrayInputStream(refused)));
        assertThat(imported.problems()).anySatisfy(problem -> assertThat(problem.xpath()).contains("mfrRef"));

        String shorter = new String(refused, StandardCharsets.UTF_8).replace("A-REFERENCE-LONGER-THAN-TWENTY",
                "MIR-2026-7");
        worlds.asOfficer(s, () -> reports.importVersion(started.id(),
                new ByteArrayInputStream(shorter.getBytes(StandardCharsets.UTF_8))));
        var approved = worlds.asOfficer(s, () -> reports.approve(started.id(), 4, TestData.PASSWORD));
        assertThat(approved.latest().approved()).isTrue();
    }
}
