package org.vigil.deadline.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.vigil.deadline.Authority;
import org.vigil.deadline.Due;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.ObligationKind;
import org.vigil.deadline.ObligationState;
import org.vigil.deadline.ObligationView;
import org.vigil.deadline.Urgency;
import org.vigil.organisation.ElectronicSignature;
import org.vigil.shared.UserId;

/**
 * An obligation as the REST API shows it: flat, with its due time spelled out ({@code dueKind} BY with date, zone and
 * the exclusive instant {@code dueAt}; BEFORE_UNDERTAKEN with the planned start or none; WITHOUT_DELAY since
 * {@code dueAt}) and its urgency at the time of the answer.
 */
record ObligationResource(UUID id, UUID caseId, String caseReference, String deviceName, String ruleId,
        String packId, int packVersion, String citation, URI sourceUrl, String ruleNote, ObligationKind kind,
        String kindLabel, Jurisdiction jurisdiction, Authority authority, String recipientCountry, String via,
        Instant clockStart, String dueKind, LocalDate dueDate, String dueZone, Instant dueAt, ObligationState state,
        Urgency urgency, UserId responsible, String responsibleName, String stateReason, Instant stateChangedAt,
        ElectronicSignature waiver, String submissionReference) {

    static ObligationResource of(ObligationView o, Instant now) {
        String dueKind;
        LocalDate dueDate = null;
        String dueZone = null;
        switch (o.due()) {
            case Due.By by -> {
                dueKind = "BY";
                dueDate = by.date();
                dueZone = by.zone().getId();
            }
            case Due.BeforeUndertaken before -> dueKind = "BEFORE_UNDERTAKEN";
            case Due.WithoutDelay since -> dueKind = "WITHOUT_DELAY";
        }
        return new ObligationResource(o.id().value(), o.caseId(), o.caseReference(), o.deviceName(), o.ruleId(),
                o.packId(), o.packVersion(), o.source().citation(), o.source().url(), o.ruleNote(), o.kind(),
                o.kind().label(), o.recipient().jurisdiction(), o.recipient().authority(), o.recipient().country(),
                o.recipient().via(), o.clockStart(), dueKind, dueDate, dueZone, o.due().deadline(), o.state(),
                o.urgency(now), o.responsible(), o.responsibleName(), o.stateReason(), o.stateChangedAt(), o.waiver(),
                o.submissionReference());
    }
}
