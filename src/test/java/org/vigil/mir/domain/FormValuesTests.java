package org.vigil.mir.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.vigil.mir.MirForm;
import org.vigil.mir.MirReport;

/**
 * The report editor's flat values and the MIR 7.3.1 form XML hold the same report: every field the form writer
 * writes has a place in the editor, and values written back read as the report they came from.
 */
class FormValuesTests {

    final FormValues values = new FormValues(FormFields.mir731());

    @ParameterizedTest
    @ValueSource(strings = { "initial", "follow-up", "initial-and-final", "final-reportable", "final-non-reportable" })
    void every_report_type_survives_the_round_trip_through_the_editors_values(String name) throws Exception {
        MirReport report = golden(name);
        var flat = values.read(MirForm.write(report));
        assertThat(flat.keySet()).allSatisfy(key -> assertThat(values.fieldOf(key)).as(key).isPresent());
        var back = MirForm.read(new ByteArrayInputStream(values.write(flat)));
        assertThat(back.problems()).isEmpty();
        var expected = new MirReport(report.formLanguage(), null, report.administrative(), report.device(),
                report.incident(), report.investigation(), report.comments());
        assertThat(back.report()).isEqualTo(expected);
    }

    @Test
    void codes_are_one_comma_separated_value_and_repeated_groups_are_numbered_rows_MIR_3_2_and_4_3() throws Exception {
        var flat = values.read(MirForm.write(golden("final-reportable")));
        assertThat(flat).containsEntry("incident_info/clinical_event_info/imdrfCodeChoice#", "A0401, A050101")
                .containsEntry("mfr_invest/similarIncidents/similarIncidentsPeriod[1]/incidentsEEA", "1")
                .containsEntry("device_info/distribution/distributionEEA*", "DE\nAT\nTR\nXI");
        var edited = new LinkedHashMap<>(flat);
        edited.put("incident_info/clinical_event_info/imdrfCodeChoice#", "A0401 A0502;A0601");
        edited.put("mfr_invest/similarIncidents/similarIncidentsPeriod[0]/incidentsEEA", "");
        edited.put("mfr_invest/similarIncidents/similarIncidentsPeriod[0]/periodFrom", "");
        edited.keySet().removeIf(key -> key.startsWith("mfr_invest/similarIncidents/similarIncidentsPeriod[0]/"));
        var report = MirForm.read(new ByteArrayInputStream(values.write(edited))).report();
        assertThat(report.incident().deviceProblemCodes()).containsExactly("A0401", "A0502", "A0601");
        assertThat(report.investigation().similarIncidents().periods()).hasSize(1);
    }

    @Test
    void the_diff_names_each_changed_field_with_its_MIR_item_and_row() throws Exception {
        var before = values.read(MirForm.write(golden("final-reportable")));
        var after = new LinkedHashMap<>(before);
        after.put("admin_info/ncaReportNo", "BfArM-2026-0999");
        after.put("mfr_invest/similarIncidents/similarIncidentsPeriod[1]/incidentsEEA", "2");
        after.remove("mfr_invest/rootCause");
        var changes = values.diff(before, after);
        assertThat(changes).extracting(FormValues.Change::item, FormValues.Change::label, FormValues.Change::after)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1.1", "Competent authority's reference number",
                                "BfArM-2026-0999"),
                        org.assertj.core.groups.Tuple.tuple("4.2", "Root cause", ""),
                        org.assertj.core.groups.Tuple.tuple("4.3", "Incidents EEA + TR + XI (row 2)", "2"));
    }

    @Test
    void a_problems_element_path_finds_its_field_also_for_numbered_codes() {
        var catalogue = FormFields.mir731();
        assertThat(catalogue.forXpath("/incident/mfr_invest/imdrfComponentCodeChoice2"))
                .hasValueSatisfying(field -> assertThat(field.item()).isEqualTo("4.2"));
        assertThat(catalogue.forXpath("/incident/admin_info/fscaReferences/fsca/mfrRefFSCA"))
                .hasValueSatisfying(field -> assertThat(field.group()).contains("admin_info/fscaReferences/fsca[]"));
        assertThat(catalogue.forXpath("/incident/nothing")).isEmpty();
    }

    static MirReport golden(String name) throws Exception {
        try (InputStream in = FormValuesTests.class.getResourceAsStream("/org/vigil/mir/golden/" + name + ".xml")) {
            return MirForm.read(in).report();
        }
    }
}
