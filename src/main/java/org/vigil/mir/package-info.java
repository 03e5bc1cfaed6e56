/**
 * Manufacturer incident reports (MDR Art. 87 and IVDR Art. 82; MDCG 2023-3): the documents a manufacturer sends the
 * competent authority about a serious incident. This first part checks MIR documents before they are sent or after
 * they are received: the EUDAMED vigilance exchange format ({@code mir_2Type} of the DTX 3.0.25 schemas) and the
 * European Commission's MIR form 7.3.1 XML, each problem named by its element path and MIR section, through
 * {@link org.vigil.mir.MirValidation} and {@code java -jar vigil.jar mir validate FILE}.
 *
 * <p>The report itself is {@link org.vigil.mir.MirReport}, one immutable record per MIR 7.3.1 section (§1
 * {@link org.vigil.mir.AdministrativeInformation} to §5 {@link org.vigil.mir.Comments}); {@link org.vigil.mir.MirReportRules}
 * says what each report type must carry before it is sent, and {@link org.vigil.mir.MirForm} writes it as MIR form
 * 7.3.1 XML and reads such a file back (hardened, unknown elements reported rather than fatal).
 *
 * <p>{@code org.vigil.mir.prefill.MirPrefill} starts a report from what Vigil knows about a case (the hospital's
 * report, the device register, the signed reportability decision, the manufacturer's organisation and similar
 * incidents for §4.3) and continues a submitted report into its follow-up or final report; see
 * {@code docs/mir-prefill.md}.
 *
 * <p>{@link org.vigil.mir.MirReports} keeps a case's reports: every version as MIR form XML byte for byte, approval by
 * electronic signature over that XML's SHA-256 (21 CFR 11.50, 11.70; optional four-eyes), submissions per authority
 * that close the matching obligations of {@code org.vigil.deadline}, and the documents sent: {@link
 * org.vigil.mir.MirEudamed} (EUDAMED {@code mir_2Type}), {@link org.vigil.mir.MirPdf}, {@link org.vigil.mir.Emdr}
 * (FDA eMDR, Form 3500A, and its acknowledgements) and the submission package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Manufacturer incident reports")
package org.vigil.mir;
