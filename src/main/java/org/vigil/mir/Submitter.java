package org.vigil.mir;

/**
 * The submitter of the MIR and the parties named with it, MIR 7.3.1 §1.3 ({@code admin_info/contact_info}).
 *
 * @param role who submits ({@code statusReporter}); {@code null} when not given
 * @param manufacturer the manufacturer, always named ({@code reporterMfr/mfrDetails}); {@code null} when not given
 * @param authorisedRepresentative the authorised representative ({@code reporterAR/arDetails}), {@code null} if none
 * @param other another submitter such as a CH-REP ({@code reporterOther/otherDetails}), {@code null} if none
 * @param otherRole what the other submitter is, e.g. {@code CH-REP} ({@code statusReporterOther})
 */
public record Submitter(SubmitterRole role, Party manufacturer, Party authorisedRepresentative, Party other,
        String otherRole) {
}
