-- Reportability decisions (MDR Art. 2(64)-(66), 87, 88; MDCG 2023-3; MIR 7.3.1 §1.2.c, §1.2.d, §1.2.g): the
-- manufacturer's signed answer to "is this a serious incident, and must it be reported?". Decisions are never
-- changed or deleted: a changed decision is a new version with a reason, and the earlier ones stay as they were
-- signed (21 CFR 11.10(e); EU GMP Annex 11 §9). A decision belongs to the organisation that made it (the
-- manufacturer), not to the hospital that owns a shared case: the hospital does not read the manufacturer's
-- assessment.

CREATE TABLE reportability_decision (
    id                          uuid PRIMARY KEY,
    org_id                      uuid        NOT NULL,
    case_id                     uuid        NOT NULL,
    version                     integer     NOT NULL CHECK (version >= 1),
    is_incident                 boolean     NOT NULL,
    serious_outcomes            text[]      NOT NULL,
    public_health_threat        boolean     NOT NULL,
    deterioration_anticipated   boolean     NOT NULL,
    causality                   text CHECK (causality IN ('ESTABLISHED', 'REASONABLY_POSSIBLE',
                                                'CANNOT_BE_EXCLUDED', 'EXCLUDED')),
    expected_side_effect        boolean     NOT NULL,
    use_context                 text CHECK (use_context IN ('NORMAL_USE', 'USE_ERROR', 'ABNORMAL_USE')),
    conclusion                  text        NOT NULL CHECK (conclusion IN ('REPORTABLE', 'TREND_REPORTING',
                                                'NOT_REPORTABLE')),
    classification              text CHECK (classification IN ('SERIOUS_PUBLIC_HEALTH_THREAT', 'DEATH',
                                                'UNANTICIPATED_SERIOUS_DETERIORATION', 'OTHER_REPORTABLE')),
    rationale                   text        NOT NULL,
    incident_awareness          timestamptz NOT NULL,
    incident_awareness_zone     text        NOT NULL,
    reportability_awareness     timestamptz NOT NULL,
    reportability_awareness_zone text       NOT NULL,
    late_awareness_explanation  text,
    incident_country            text        NOT NULL,
    device_kind                 text        NOT NULL CHECK (device_kind IN ('MEDICAL_DEVICE', 'IN_VITRO_DIAGNOSTIC')),
    markets                     text[]      NOT NULL,
    manufacturer_zone           text        NOT NULL,
    change_reason               text,
    signer_id                   uuid        NOT NULL,
    signer_name                 text        NOT NULL,
    signed_at                   timestamptz NOT NULL,
    signature_meaning           text        NOT NULL,
    content_sha256              text        NOT NULL,
    CONSTRAINT reportability_decision_version_unique UNIQUE (org_id, case_id, version),
    CONSTRAINT reportability_decision_reportable_is_classified
        CHECK ((conclusion = 'REPORTABLE') = (classification IS NOT NULL)),
    CONSTRAINT reportability_decision_change_has_reason CHECK (version = 1 OR change_reason IS NOT NULL),
    -- MDCG 2023-3 Q15: awareness of reportability later than awareness of the incident is explained.
    CONSTRAINT reportability_decision_late_awareness_explained
        CHECK (reportability_awareness = incident_awareness OR late_awareness_explanation IS NOT NULL),
    CONSTRAINT reportability_decision_awareness_order CHECK (reportability_awareness >= incident_awareness)
);
CREATE INDEX reportability_decision_by_case ON reportability_decision (case_id, version DESC);
ALTER TABLE reportability_decision ENABLE ROW LEVEL SECURITY;
ALTER TABLE reportability_decision FORCE ROW LEVEL SECURITY;
CREATE POLICY reportability_decision_own ON reportability_decision
    USING (org_id = vigil_current_org()) WITH CHECK (org_id = vigil_current_org());
GRANT SELECT, INSERT ON reportability_decision TO ${app_role};
