package org.vigil.mir;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.vigil.mir.eudamed.MirEudamedWriter;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.InvalidInputException.FieldError;

/**
 * A manufacturer incident report (MDR Art. 87, IVDR Art. 82; MDCG 2023-3) as EUDAMED's vigilance data exchange
 * document: a DTX 3.0.25 {@code m:Push} message to the {@code VIG_DOSSIER} service ({@code service/Message.xsd}) whose
 * payload is one vigilance {@code Dossier} ({@code vig:DossierType}) with {@code Fields} of
 * {@code vig:mir_2FieldsType} and {@code Data} of {@code vig:mir_2Type}: the document {@link MirValidation} accepts
 * as {@link MirDocumentKind#EUDAMED_MIR}. UTF-8, indented, values not given left out.
 *
 * <h2>Where the report goes</h2>
 * <ul>
 *   <li>Dossier: {@code DossierExtId} and {@code Fields/mfr} the manufacturer's reference (§1.1), {@code DossierCode}
 *       the EUDAMED reference number, {@code Fields/ca_srn} the competent authority, {@code mf_srn} the
 *       manufacturer's SRN, {@code is_psr_related}/{@code psr_ref} the PSR ids (§1.4, comma-separated).</li>
 *   <li>§1 {@code administrativeInformation}: report type, NCA reference, incident dates (a single date is start and
 *       end), awareness dates, next report date, classification; manufacturer, authorised representative (with SRN)
 *       and other submitter's contact person; other MIRs and FSCAs (EUDAMED numbers as {@code linkedReport_MIR} /
 *       {@code linkedFSCAFormDetails}, manufacturer and NCA numbers as {@code listOfMIRForm} /
 *       {@code listOfFSCANumbers}); PMCF/PMPF question and ids (comma-separated).</li>
 *   <li>§2 {@code deviceInformationTab}: legislation, risk class, UDI-DI and Basic UDI-DI with issuing entities
 *       ({@code deviceIDnotInEUDAMED_MasterUDI}: Vigil does not know whether EUDAMED holds the device's
 *       registration, so it states the identifiers itself), model, name, catalogue number, nomenclature system, code
 *       and term, tissues or cells; UDI-PI, serial, lot, software, firmware, manufacturing and expiry dates;
 *       notified body and certificate; implant and explant dates or periods and facilities; EEA/TR/XI countries and
 *       other countries; accessories and associated devices.</li>
 *   <li>§3 {@code incidentInformation}: description, IMDRF Annex A codes, number of patients
 *       ({@code patientNo}), device location, operator and usage (the option's code, the report's words when they
 *       say more), Annex E and F codes, age, sex, weight, height, prior conditions; initial reporter's role, facility
 *       name, number and country.</li>
 *   <li>§4 {@code manufacturerAnalysis}: preliminary analysis, initial actions, further investigations; final
 *       comments (as {@code manufacturerNonReportableConclusion} for a final non-reportable report), risk assessment
 *       reviewed and adequate, IMDRF Annex B, C, D and G codes, remedial, corrective and preventive actions (one text,
 *       each labelled), root cause ({@code causeInvestigationConclusions}); similar incidents: whether found by IMDRF
 *       codes and which annexes, up to four periods (latest as period N) with incidents and units in the EEA/TR/XI
 *       and worldwide; the code basis and the rates (per cent, four decimals) in
 *       {@code commentsOnHowIncidentsWereDetermined}, as mir_2Type has no element for them.</li>
 *   <li>§5 {@code generalComments}.</li>
 * </ul>
 * Codes for the {@code ENUM_*} fields: the DTX schemas leave those lists to the EUDAMED server; Vigil writes the DTX
 * enumerations where 3.0.25 has them (risk class {@code CLASS_IIB}, legislation, issuing entity, ISO country codes)
 * and otherwise the MIR option in DTX style: report type {@code INITIAL}, {@code FOLLOW_UP}, {@code INITIAL_FINAL},
 * {@code FINAL}, {@code FINAL_NON_REPORTABLE}; classification {@code SERIOUS_PUBLIC_HEALTH_THREAT}, {@code DEATH},
 * {@code UNANTICIPATED_SERIOUS_DETERIORATION}, {@code ALL_OTHER_REPORTABLE_INCIDENTS}; submitter
 * {@code MANUFACTURER}, {@code AUTHORISED_REPRESENTATIVE}, {@code OTHER}.
 *
 * <h2>What mir_2Type has no place for</h2>
 * These report fields are not in the EUDAMED document: {@link MirReport#formLanguage()}, {@link MirReport#created()}
 * (it only dates the message, see {@link EudamedEnvelope#derivedFrom}), {@link AdministrativeInformation#reportDate()}
 * (EUDAMED dates the submission itself), the other submitter's free-text role
 * ({@link Submitter#otherRole()}), the parties' organisation names and postal addresses and the other submitter's SRN
 * (EUDAMED takes them from the actor registration of the SRN), {@link DeviceInformation#intendedPurpose()},
 * {@link DeviceInformation#description()}, {@link DeviceInformation#legacyDevice()},
 * {@link DeviceInformation#medicinalSubstance()}, {@link MarketDistribution#allEea()} (the countries are listed
 * instead), {@link IncidentInformation#numberOfDevices()}, {@link ManufacturerInvestigation#fscaUndertaken()} (the
 * FSCA references of §1.4 say it), and {@link Comments#distribution()} (EUDAMED itself makes the report available to
 * the authorities concerned, MDR Art. 92).
 */
public final class MirEudamed {

    private MirEudamed() {
    }

    /**
     * The EUDAMED document of {@code report} with the envelope {@link EudamedEnvelope#derivedFrom derived} from it.
     *
     * @throws InvalidInputException naming each report field that mir_2Type or the envelope needs and the report
     *         lacks (e.g. {@code administrative.reportType}, {@code administrative.submitter.manufacturer.srn})
     */
    public static byte[] write(MirReport report) {
        EudamedEnvelope envelope = EudamedEnvelope.derivedFrom(report);
        if (envelope == null) {
            List<FieldError> errors = new ArrayList<>();
            if (report.created() == null && report.administrative().reportDate() == null) {
                errors.add(new FieldError("administrative.reportDate", "The report date (MIR §1.2.a) is missing; "
                        + "the EUDAMED message is dated by it when the report has no creation time."));
            }
            if (EudamedEnvelope.senderSrn(report.administrative().submitter()) == null) {
                errors.add(new FieldError("administrative.submitter.manufacturer.srn", "The submitter's SRN (MIR "
                        + "§1.3, MDR Art. 31) is missing; EUDAMED accepts messages only from a registered actor."));
            }
            throw new InvalidInputException(errors);
        }
        return write(report, envelope);
    }

    /**
     * The EUDAMED document of {@code report} in the message {@code envelope} describes.
     *
     * @throws InvalidInputException naming each report field that mir_2Type needs and the report lacks
     */
    public static byte[] write(MirReport report, EudamedEnvelope envelope) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(envelope, "envelope");
        return MirEudamedWriter.write(report, envelope);
    }
}
