package org.vigil.mir;

import java.util.List;
import java.util.Optional;

import org.vigil.mir.pdf.MirPdfRenderer;

/**
 * The Manufacturer Incident Report as a PDF for people: the competent authority's reader, the manufacturer's file
 * and the PRRC who signs it (MDR Art. 87; the MIR form 7.3.1 of MDCG 2023-3). Laid out by the form's sections, §1
 * administrative information to §5 comments, with the form's section numbers and field labels; every field of
 * {@link MirReport} is printed, a value not given as "—", IMDRF codes with their code values, similar incidents
 * (§4.3) as a table per period, and every page carries the report type, the manufacturer's reference and
 * "page X of Y".
 *
 * <p>An approved report carries its electronic signature (21 CFR 11.50: printed name, date and time with the offset
 * from UTC, meaning) and the SHA-256 of the XML submitted, which binds the signature to that record (21 CFR 11.70).
 * Without approval every page is marked "DRAFT — not approved for submission" and the first page lists what
 * {@link MirReportRules} still finds wrong. The file is PDF/A-2u (ISO 19005-2), the archival form for records kept
 * as long as the device's documentation, with the DejaVu fonts embedded so that every European script prints as
 * written. Needs neither Spring nor a database; safe to call from any thread.
 */
public final class MirPdf {

    private MirPdf() {
    }

    /**
     * The PDF of {@code report}.
     *
     * @param approval the signature approving the report for submission; empty for a draft
     */
    public static byte[] render(MirReport report, Optional<MirApproval> approval) {
        List<MirProblem> problems = approval.isPresent() ? List.of() : MirReportRules.check(report);
        return Renderer.INSTANCE.render(report, approval, problems);
    }

    /** Made on first use: reading the template and the fonts is needed once per process. */
    private static final class Renderer {
        static final MirPdfRenderer INSTANCE = new MirPdfRenderer();
    }
}
