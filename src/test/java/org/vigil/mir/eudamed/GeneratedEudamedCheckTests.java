package org.vigil.mir.eudamed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.mir.MirEudamed;
import org.vigil.mir.MirReportType;
import org.vigil.mir.MirValidation;
import org.vigil.mir.model.MirReportExamples;
import org.vigil.mir.validation.MirDocumentCheck;
import org.vigil.shared.xml.HardenedXml;

/**
 * The schema check of EUDAMED documents Vigil generated (MDR Art. 92): the fast path agrees with the check of files
 * from outside, still refuses a DTD, and an invalid document is named element by element.
 */
class GeneratedEudamedCheckTests {

    final MirValidation validation = MirValidation.withDefaults();

    @ParameterizedTest
    @EnumSource(MirReportType.class)
    void every_generated_report_type_passes_the_fast_check_as_it_passes_the_full_one(MirReportType type)
            throws Exception {
        byte[] document = MirEudamed.write(MirReportExamples.complete(type));
        assertThat(HardenedXml.isValidOwnDocument(document, MirDocumentCheck.dtxSchema())).isTrue();
        assertThat(validation.validateGeneratedEudamed(document).problems()).isEmpty();
    }

    @Test
    void an_invalid_generated_document_is_checked_again_so_each_problem_names_its_element() throws Exception {
        String valid = new String(MirEudamed.write(MirReportExamples.complete(MirReportType.INITIAL)),
                StandardCharsets.UTF_8);
        int reportType = valid.indexOf("reportType>") + "reportType>".length();
        String broken = valid.substring(0, reportType) + "<unexpected/>" + valid.substring(reportType);
        byte[] document = broken.getBytes(StandardCharsets.UTF_8);

        assertThat(HardenedXml.isValidOwnDocument(document, MirDocumentCheck.dtxSchema())).isFalse();
        assertThat(validation.validateGeneratedEudamed(document).problems()).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.xpath()).startsWith("/"));
        assertThat(HardenedXml.isValidOwnDocument(valid.getBytes(StandardCharsets.UTF_8),
                MirDocumentCheck.dtxSchema())).as("the next document on the thread is checked afresh").isTrue();
    }

    @Test
    void the_fast_check_refuses_a_dtd_even_in_a_document_that_would_otherwise_be_valid() {
        String valid = new String(MirEudamed.write(MirReportExamples.complete(MirReportType.INITIAL)),
                StandardCharsets.UTF_8);
        String withDtd = valid.replaceFirst("\\?>", "?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>");
        assertThat(HardenedXml.isValidOwnDocument(withDtd.getBytes(StandardCharsets.UTF_8),
                MirDocumentCheck.dtxSchema())).isFalse();
    }
}
