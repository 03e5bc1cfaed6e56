-- The device register: a manufacturer's device master data (MDR Art. 29 and Annex VI Parts A and B; FDA GUDID).
-- Device master data is public in EUDAMED and GUDID, so every signed-in organisation reads it: hospitals and
-- authorities report and review incidents about other organisations' devices. Only the owning manufacturer writes it.
-- Units placed on the market are commercial figures: only the owning manufacturer reads or writes them.

CREATE TABLE basic_udi_di (
    id                            uuid PRIMARY KEY,
    org_id                        uuid        NOT NULL,
    basic_udi_di                  text        NOT NULL UNIQUE CHECK (length(basic_udi_di) BETWEEN 1 AND 25),
    device_name                   text        NOT NULL CHECK (length(device_name) BETWEEN 1 AND 500),
    intended_purpose              text,
    legislation                   text        NOT NULL
        CHECK (legislation IN ('MDR', 'IVDR', 'MDD', 'AIMDD', 'IVDD', 'UNKNOWN')),
    legacy                        boolean     NOT NULL,
    risk_class                    text,
    implantable                   boolean     NOT NULL,
    active                        boolean     NOT NULL,
    measuring                     boolean     NOT NULL,
    reusable_surgical_instrument  boolean     NOT NULL,
    medicinal_substance           text        NOT NULL,
    human_tissues_or_cells        boolean     NOT NULL,
    animal_tissues_or_cells       boolean     NOT NULL,
    notified_body                 text        CHECK (notified_body ~ '^[0-9]{4}$'),
    certificates                  text[]      NOT NULL DEFAULT '{}',
    manufacturer_srn              text,
    authorised_representative_srn text,
    created_at                    timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at                    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX basic_udi_di_by_org ON basic_udi_di (org_id, basic_udi_di);
CREATE INDEX basic_udi_di_name_words ON basic_udi_di USING gin (lower(device_name) gin_trgm_ops);

CREATE TABLE udi_di (
    id               uuid PRIMARY KEY,
    org_id           uuid        NOT NULL,
    basic_udi_di_id  uuid        NOT NULL REFERENCES basic_udi_di (id),
    udi_di           text        NOT NULL UNIQUE CHECK (length(udi_di) BETWEEN 1 AND 100),
    issuer           text        NOT NULL CHECK (issuer IN ('GS1', 'HIBCC', 'ICCBBA', 'IFA')),
    trade_name       text,
    model            text,
    reference        text,
    emdn_code        text,
    software_version text,
    firmware_version text,
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX udi_di_by_basic ON udi_di (basic_udi_di_id, udi_di);
CREATE INDEX udi_di_by_org ON udi_di (org_id, udi_di);
CREATE INDEX udi_di_trade_name_words ON udi_di USING gin (lower(trade_name) gin_trgm_ops);
CREATE INDEX udi_di_model_words ON udi_di USING gin (lower(model) gin_trgm_ops);
CREATE INDEX udi_di_reference_words ON udi_di USING gin (lower(reference) gin_trgm_ops);
CREATE INDEX udi_di_emdn_words ON udi_di USING gin (lower(emdn_code) gin_trgm_ops);

-- Package levels above the base unit carry their own UDI-DI (MDR Annex VI Part C section 3.5); a scan of a box
-- finds the device through them.
CREATE TABLE udi_di_package (
    udi_di_id      uuid    NOT NULL REFERENCES udi_di (id) ON DELETE CASCADE,
    org_id         uuid    NOT NULL,
    package_udi_di text    NOT NULL UNIQUE,
    contains       text    NOT NULL,
    quantity       integer NOT NULL CHECK (quantity >= 1),
    position       integer NOT NULL,
    PRIMARY KEY (udi_di_id, package_udi_di)
);

CREATE TABLE market_placement (
    udi_di_id    uuid NOT NULL REFERENCES udi_di (id) ON DELETE CASCADE,
    org_id       uuid NOT NULL,
    country      text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    placed_from  date NOT NULL,
    placed_until date,
    PRIMARY KEY (udi_di_id, country),
    CHECK (placed_until IS NULL OR placed_until >= placed_from)
);

CREATE TABLE units_placed (
    udi_di_id uuid   NOT NULL REFERENCES udi_di (id),
    org_id    uuid   NOT NULL,
    country   text   NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    month     date   NOT NULL CHECK (extract(day FROM month) = 1),
    units     bigint NOT NULL CHECK (units >= 0),
    PRIMARY KEY (udi_di_id, country, month)
);
CREATE INDEX units_placed_by_org ON units_placed (org_id, udi_di_id, month);

ALTER TABLE basic_udi_di ENABLE ROW LEVEL SECURITY;
ALTER TABLE basic_udi_di FORCE ROW LEVEL SECURITY;
ALTER TABLE udi_di ENABLE ROW LEVEL SECURITY;
ALTER TABLE udi_di FORCE ROW LEVEL SECURITY;
ALTER TABLE udi_di_package ENABLE ROW LEVEL SECURITY;
ALTER TABLE udi_di_package FORCE ROW LEVEL SECURITY;
ALTER TABLE market_placement ENABLE ROW LEVEL SECURITY;
ALTER TABLE market_placement FORCE ROW LEVEL SECURITY;
ALTER TABLE units_placed ENABLE ROW LEVEL SECURITY;
ALTER TABLE units_placed FORCE ROW LEVEL SECURITY;

-- Register data: read by every organisation acting in Vigil, written only by the owner.
CREATE POLICY basic_udi_di_public ON basic_udi_di FOR SELECT USING (vigil_current_org() IS NOT NULL);
CREATE POLICY basic_udi_di_owner_inserts ON basic_udi_di FOR INSERT WITH CHECK (org_id = vigil_current_org());
CREATE POLICY basic_udi_di_owner_updates ON basic_udi_di FOR UPDATE
    USING (org_id = vigil_current_org()) WITH CHECK (org_id = vigil_current_org());

CREATE POLICY udi_di_public ON udi_di FOR SELECT USING (vigil_current_org() IS NOT NULL);
CREATE POLICY udi_di_owner_inserts ON udi_di FOR INSERT WITH CHECK (org_id = vigil_current_org());
CREATE POLICY udi_di_owner_updates ON udi_di FOR UPDATE
    USING (org_id = vigil_current_org()) WITH CHECK (org_id = vigil_current_org());

CREATE POLICY udi_di_package_public ON udi_di_package FOR SELECT USING (vigil_current_org() IS NOT NULL);
CREATE POLICY udi_di_package_owner_inserts ON udi_di_package FOR INSERT WITH CHECK (org_id = vigil_current_org());
CREATE POLICY udi_di_package_owner_deletes ON udi_di_package FOR DELETE USING (org_id = vigil_current_org());

CREATE POLICY market_placement_public ON market_placement FOR SELECT USING (vigil_current_org() IS NOT NULL);
CREATE POLICY market_placement_owner_inserts ON market_placement FOR INSERT
    WITH CHECK (org_id = vigil_current_org());
CREATE POLICY market_placement_owner_deletes ON market_placement FOR DELETE USING (org_id = vigil_current_org());

-- Commercial figures: the owning manufacturer alone.
CREATE POLICY units_placed_owner ON units_placed
    USING (org_id = vigil_current_org()) WITH CHECK (org_id = vigil_current_org());

GRANT SELECT, INSERT, UPDATE ON basic_udi_di, udi_di TO ${app_role};
GRANT SELECT, INSERT, DELETE ON udi_di_package, market_placement TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON units_placed TO ${app_role};
