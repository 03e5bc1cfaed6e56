package org.vigil.device.persistence;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.device.BasicUdiDiData;
import org.vigil.device.DeviceMatch;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.PackageLevel;
import org.vigil.device.RiskClass;
import org.vigil.device.UdiDiData;
import org.vigil.device.UnitsPlaced;
import org.vigil.shared.OrganisationId;
import org.vigil.udi.IssuingEntity;

/**
 * The register's tables. Row-level security lets every organisation read register data and only the owner write it;
 * units placed are the owner's alone. Writes of many records go as JDBC batches, one statement per kind.
 */
@Repository
public class DeviceRecords {

    private static final String BASIC_COLUMNS = """
            b.id, b.org_id, b.basic_udi_di, b.device_name, b.intended_purpose, b.legislation, b.legacy, b.risk_class,
            b.implantable, b.active, b.measuring, b.reusable_surgical_instrument, b.medicinal_substance,
            b.human_tissues_or_cells, b.animal_tissues_or_cells, b.notified_body, b.certificates,
            b.manufacturer_srn, b.authorised_representative_srn, b.updated_at""";

    private static final String UDI_COLUMNS = """
            u.id AS u_id, u.org_id AS u_org_id, u.basic_udi_di_id, u.udi_di, u.issuer, u.trade_name, u.model,
            u.reference, u.emdn_code, u.software_version, u.firmware_version, u.updated_at AS u_updated_at""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DeviceRecords(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A stored Basic UDI-DI. */
    public record StoredBasic(UUID id, OrganisationId owner, BasicUdiDiData data, Instant updatedAt) {
    }

    /** A stored UDI-DI; {@code data} carries the Basic UDI-DI text, package levels and markets. */
    public record StoredUdi(UUID id, UUID basicId, OrganisationId owner, UdiDiData data, Instant updatedAt) {
    }

    // ---------------------------------------------------------------------------------------------------- reading

    public Optional<StoredBasic> basic(UUID id) {
        return jdbc.sql("SELECT " + BASIC_COLUMNS + " FROM basic_udi_di b WHERE b.id = ?").param(id)
                .query(DeviceRecords::basic).optional();
    }

    public Map<String, StoredBasic> basicsByKey(Collection<String> keys) {
        var found = new HashMap<String, StoredBasic>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT " + BASIC_COLUMNS + " FROM basic_udi_di b WHERE b.basic_udi_di = ANY(?)")
                .param(keys.toArray(String[]::new)).query(DeviceRecords::basic).list()
                .forEach(stored -> found.put(stored.data().basicUdiDi(), stored));
        return found;
    }

    public List<StoredBasic> basics(OrganisationId owner, String basicUdiDi, int limit) {
        return jdbc.sql("SELECT " + BASIC_COLUMNS + """
                 FROM basic_udi_di b
                WHERE (?::uuid IS NULL OR b.org_id = ?::uuid) AND (?::text IS NULL OR b.basic_udi_di = ?::text)
                ORDER BY b.device_name, b.basic_udi_di LIMIT ?""")
                .params(owner == null ? null : owner.value(), owner == null ? null : owner.value(), basicUdiDi,
                        basicUdiDi, limit)
                .query(DeviceRecords::basic).list();
    }

    public Optional<StoredUdi> udi(UUID id) {
        return udis("u.id = ?", id).stream().findFirst();
    }

    public List<StoredUdi> udisOf(UUID basicId) {
        return udis("u.basic_udi_di_id = ?", basicId);
    }

    /**
     * Where the UDI-DI's own or a package UDI-DI is one of an array given twice: two index lookups joined by id (an OR
     * with a sub-select made PostgreSQL scan every UDI-DI per call).
     */
    private static final String CARRYING_ANY_DI = """
            u.id IN (SELECT x.id FROM udi_di x WHERE x.udi_di = ANY(?)
                     UNION ALL SELECT p.udi_di_id FROM udi_di_package p WHERE p.package_udi_di = ANY(?))
            """;

    /** The authorised representative's SRN on the Basic UDI-DI of the device a UDI-DI (or package UDI-DI) names. */
    public Optional<String> authorisedRepresentativeSrn(String udiDi) {
        String[] keys = { udiDi };
        return jdbc.sql("SELECT b.authorised_representative_srn FROM udi_di u JOIN basic_udi_di b "
                + "ON b.id = u.basic_udi_di_id WHERE " + CARRYING_ANY_DI
                + " AND b.authorised_representative_srn IS NOT NULL LIMIT 1")
                .params(keys, keys).query(String.class).optional();
    }

    /** The UDI-DIs whose own or package UDI-DI is one of {@code dis}, keyed by every such DI. */
    public Map<String, StoredUdi> udisByDi(Collection<String> dis) {
        var found = new HashMap<String, StoredUdi>();
        if (dis.isEmpty()) {
            return found;
        }
        String[] keys = dis.toArray(String[]::new);
        for (StoredUdi udi : udis(CARRYING_ANY_DI, keys, keys)) {
            found.put(udi.data().udiDi(), udi);
            udi.data().packageLevels().forEach(level -> found.put(level.udiDi(), udi));
        }
        found.keySet().retainAll(dis);
        return found;
    }

    /**
     * The UDI-DI whose base unit or package level carries {@code di}, without its package levels and markets: one
     * query where {@link #udisByDi} takes three, for who makes the device and what it is called.
     */
    public Optional<StoredUdi> udiWithoutListsByDi(String di) {
        String[] keys = { di };
        return udiRows(CARRYING_ANY_DI, keys, keys).stream().findFirst().map(row -> row.with(List.of(), List.of()));
    }

    private List<StoredUdi> udis(String where, Object... params) {
        var rows = udiRows(where, params);
        if (rows.isEmpty()) {
            return List.of();
        }
        UUID[] ids = rows.stream().map(UdiRow::id).toArray(UUID[]::new);
        var packages = packagesOf(ids);
        var markets = marketsOf(ids);
        return rows.stream().map(row -> row.with(packages.getOrDefault(row.id(), List.of()),
                markets.getOrDefault(row.id(), List.of()))).toList();
    }

    private List<UdiRow> udiRows(String where, Object... params) {
        return jdbc.sql("SELECT " + UDI_COLUMNS + ", b.basic_udi_di FROM udi_di u "
                + "JOIN basic_udi_di b ON b.id = u.basic_udi_di_id WHERE " + where + " ORDER BY u.udi_di")
                .params(params).query((rs, n) -> rs.getObject("u_id", UUID.class) == null ? null : udiRow(rs)).list();
    }

    private Map<UUID, List<PackageLevel>> packagesOf(UUID[] ids) {
        var result = new HashMap<UUID, List<PackageLevel>>();
        jdbc.sql("SELECT udi_di_id, package_udi_di, contains, quantity FROM udi_di_package WHERE udi_di_id = ANY(?) "
                + "ORDER BY udi_di_id, position").param(ids).query(rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new PackageLevel(rs.getString(2), rs.getString(3), rs.getInt(4)));
                });
        return result;
    }

    private Map<UUID, List<MarketPlacement>> marketsOf(UUID[] ids) {
        var result = new HashMap<UUID, List<MarketPlacement>>();
        jdbc.sql("SELECT udi_di_id, country, placed_from, placed_until FROM market_placement WHERE udi_di_id = ANY(?) "
                + "ORDER BY udi_di_id, country").param(ids).query(rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new MarketPlacement(rs.getString(2), date(rs, 3), date(rs, 4)));
                });
        return result;
    }

    /** Type-ahead: words inside names, trade names, models and references; EMDN codes and UDI-DIs by prefix. */
    public List<DeviceMatch> search(String text, int limit) {
        String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
        String like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String prefix = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                SELECT b.id AS b_id, b.basic_udi_di, b.device_name, b.legislation, b.risk_class, b.org_id,
                       u.id AS u_id, u.udi_di, u.trade_name, u.model, u.reference, u.emdn_code
                  FROM basic_udi_di b LEFT JOIN udi_di u ON u.basic_udi_di_id = b.id
                 WHERE lower(b.device_name) LIKE :like OR lower(u.trade_name) LIKE :like OR lower(u.model) LIKE :like
                    OR lower(u.reference) LIKE :like OR lower(u.emdn_code) LIKE :prefix
                    OR lower(u.udi_di) LIKE :prefix OR lower(b.basic_udi_di) LIKE :prefix
                 ORDER BY (lower(coalesce(u.trade_name, b.device_name)) LIKE :prefix) DESC,
                          coalesce(u.trade_name, b.device_name), u.udi_di
                 LIMIT :limit""").param("like", like).param("prefix", prefix).param("limit", limit)
                .query((rs, n) -> match(rs)).list();
    }

    public Optional<DeviceMatch> match(UUID udiId) {
        return jdbc.sql("""
                SELECT b.id AS b_id, b.basic_udi_di, b.device_name, b.legislation, b.risk_class, b.org_id,
                       u.id AS u_id, u.udi_di, u.trade_name, u.model, u.reference, u.emdn_code
                  FROM udi_di u JOIN basic_udi_di b ON b.id = u.basic_udi_di_id WHERE u.id = ?""").param(udiId)
                .query((rs, n) -> match(rs)).optional();
    }

    private static DeviceMatch match(ResultSet rs) throws SQLException {
        String riskClass = rs.getString("risk_class");
        return new DeviceMatch(rs.getObject("b_id", UUID.class), rs.getString("basic_udi_di"),
                rs.getString("device_name"), riskClass == null ? null : RiskClass.valueOf(riskClass).label(),
                rs.getObject("u_id", UUID.class), rs.getString("udi_di"), rs.getString("trade_name"),
                rs.getString("model"), rs.getString("reference"), rs.getString("emdn_code"),
                rs.getObject("org_id", UUID.class).toString());
    }

    // ---------------------------------------------------------------------------------------------------- writing

    /** A Basic UDI-DI to insert or update. */
    public record BasicWrite(UUID id, BasicUdiDiData data) {
    }

    /** A UDI-DI to insert or update, under the Basic UDI-DI with id {@code basicId}. */
    public record UdiWrite(UUID id, UUID basicId, UdiDiData data) {
    }

    public void insertBasics(OrganisationId owner, List<BasicWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO basic_udi_di (device_name, intended_purpose, legislation, legacy, risk_class, implantable,
                    active, measuring, reusable_surgical_instrument, medicinal_substance, human_tissues_or_cells,
                    animal_tissues_or_cells, notified_body, certificates, manufacturer_srn,
                    authorised_representative_srn, basic_udi_di, id, org_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", writes, 500, (ps, write) -> {
                    int i = basicParams(ps, write.data());
                    ps.setString(++i, write.data().basicUdiDi());
                    ps.setObject(++i, write.id());
                    ps.setObject(++i, owner.value());
                });
    }

    public void updateBasics(List<BasicWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                UPDATE basic_udi_di SET device_name = ?, intended_purpose = ?, legislation = ?, legacy = ?,
                    risk_class = ?, implantable = ?, active = ?, measuring = ?, reusable_surgical_instrument = ?,
                    medicinal_substance = ?, human_tissues_or_cells = ?, animal_tissues_or_cells = ?,
                    notified_body = ?, certificates = ?, manufacturer_srn = ?, authorised_representative_srn = ?,
                    basic_udi_di = ?, updated_at = clock_timestamp()
                 WHERE id = ?""", writes, 500, (ps, write) -> {
                    int i = basicParams(ps, write.data());
                    ps.setString(++i, write.data().basicUdiDi());
                    ps.setObject(++i, write.id());
                });
    }

    private static int basicParams(java.sql.PreparedStatement ps, BasicUdiDiData d) throws SQLException {
        int i = 0;
        ps.setString(++i, d.deviceName());
        ps.setString(++i, d.intendedPurpose());
        ps.setString(++i, d.legislation().name());
        ps.setBoolean(++i, d.legacy());
        ps.setString(++i, d.riskClass() == null ? null : d.riskClass().name());
        ps.setBoolean(++i, d.implantable());
        ps.setBoolean(++i, d.active());
        ps.setBoolean(++i, d.measuring());
        ps.setBoolean(++i, d.reusableSurgicalInstrument());
        ps.setString(++i, d.medicinalSubstance().name());
        ps.setBoolean(++i, d.humanTissuesOrCells());
        ps.setBoolean(++i, d.animalTissuesOrCells());
        ps.setString(++i, d.notifiedBody());
        Array certificates = ps.getConnection().createArrayOf("text", d.certificates().toArray());
        ps.setArray(++i, certificates);
        ps.setString(++i, d.manufacturerSrn());
        ps.setString(++i, d.authorisedRepresentativeSrn());
        return i;
    }

    public void insertUdis(OrganisationId owner, List<UdiWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO udi_di (basic_udi_di_id, udi_di, issuer, trade_name, model, reference, emdn_code,
                    software_version, firmware_version, id, org_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", writes, 500, (ps, write) -> {
                    int i = udiParams(ps, write);
                    ps.setObject(++i, write.id());
                    ps.setObject(++i, owner.value());
                });
        replaceChildren(owner, writes, false);
    }

    public void updateUdis(OrganisationId owner, List<UdiWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                UPDATE udi_di SET basic_udi_di_id = ?, udi_di = ?, issuer = ?, trade_name = ?, model = ?,
                    reference = ?, emdn_code = ?, software_version = ?, firmware_version = ?,
                    updated_at = clock_timestamp()
                 WHERE id = ?""", writes, 500, (ps, write) -> {
                    int i = udiParams(ps, write);
                    ps.setObject(++i, write.id());
                });
        replaceChildren(owner, writes, true);
    }

    private static int udiParams(java.sql.PreparedStatement ps, UdiWrite write) throws SQLException {
        UdiDiData d = write.data();
        int i = 0;
        ps.setObject(++i, write.basicId());
        ps.setString(++i, d.udiDi());
        ps.setString(++i, d.issuer().name());
        ps.setString(++i, d.tradeName());
        ps.setString(++i, d.model());
        ps.setString(++i, d.reference());
        ps.setString(++i, d.emdnCode());
        ps.setString(++i, d.softwareVersion());
        ps.setString(++i, d.firmwareVersion());
        return i;
    }

    private void replaceChildren(OrganisationId owner, List<UdiWrite> writes, boolean existing) {
        if (existing) {
            UUID[] ids = writes.stream().map(UdiWrite::id).toArray(UUID[]::new);
            jdbc.sql("DELETE FROM udi_di_package WHERE udi_di_id = ANY(?)").param(ids).update();
            jdbc.sql("DELETE FROM market_placement WHERE udi_di_id = ANY(?)").param(ids).update();
        }
        record Package(UUID udiId, PackageLevel level, int position) {
        }
        var packages = new ArrayList<Package>();
        writes.forEach(write -> {
            var levels = write.data().packageLevels();
            for (int p = 0; p < levels.size(); p++) {
                packages.add(new Package(write.id(), levels.get(p), p));
            }
        });
        if (!packages.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO udi_di_package (udi_di_id, org_id, package_udi_di, contains, quantity, position)
                    VALUES (?, ?, ?, ?, ?, ?)""", packages, 500, (ps, p) -> {
                        ps.setObject(1, p.udiId());
                        ps.setObject(2, owner.value());
                        ps.setString(3, p.level().udiDi());
                        ps.setString(4, p.level().contains());
                        ps.setInt(5, p.level().quantity());
                        ps.setInt(6, p.position());
                    });
        }
        record Market(UUID udiId, MarketPlacement market) {
        }
        var markets = writes.stream().flatMap(write -> write.data().markets().stream()
                .map(market -> new Market(write.id(), market))).toList();
        if (!markets.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO market_placement (udi_di_id, org_id, country, placed_from, placed_until)
                    VALUES (?, ?, ?, ?, ?)""", markets, 500, (ps, m) -> {
                        ps.setObject(1, m.udiId());
                        ps.setObject(2, owner.value());
                        ps.setString(3, m.market().country());
                        ps.setObject(4, m.market().from());
                        ps.setObject(5, m.market().until());
                    });
        }
    }

    // ---------------------------------------------------------------------------------------------- units placed

    /** A figure keyed by the UDI-DI's id. */
    public record UnitsWrite(UUID udiId, UnitsPlaced units) {
    }

    /** The stored figures for the given (udi id, country, month) keys, keyed {@code udiId|country|month}. */
    public Map<String, Long> existingUnits(List<UnitsWrite> writes) {
        var found = new HashMap<String, Long>();
        if (writes.isEmpty()) {
            return found;
        }
        UUID[] ids = writes.stream().map(UnitsWrite::udiId).distinct().toArray(UUID[]::new);
        jdbc.sql("SELECT udi_di_id, country, month, units FROM units_placed WHERE udi_di_id = ANY(?)").param(ids)
                .query(rs -> {
                    found.put(unitsKey(rs.getObject(1, UUID.class), rs.getString(2),
                            YearMonth.from(date(rs, 3))), rs.getLong(4));
                });
        return found;
    }

    public static String unitsKey(UUID udiId, String country, YearMonth month) {
        return udiId + "|" + country + "|" + month;
    }

    public void upsertUnits(OrganisationId owner, List<UnitsWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO units_placed (udi_di_id, org_id, country, month, units) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (udi_di_id, country, month) DO UPDATE SET units = EXCLUDED.units""", writes, 500,
                (ps, w) -> {
                    ps.setObject(1, w.udiId());
                    ps.setObject(2, owner.value());
                    ps.setString(3, w.units().country());
                    ps.setObject(4, w.units().month().atDay(1));
                    ps.setLong(5, w.units().units());
                });
    }

    public List<UnitsPlaced> unitsOf(UUID udiId) {
        return jdbc.sql("""
                SELECT u.udi_di, p.country, p.month, p.units FROM units_placed p JOIN udi_di u ON u.id = p.udi_di_id
                 WHERE p.udi_di_id = ? ORDER BY p.month DESC, p.country""").param(udiId)
                .query((rs, n) -> new UnitsPlaced(rs.getString(1), rs.getString(2), YearMonth.from(date(rs, 3)),
                        rs.getLong(4))).list();
    }

    /** The units placed of every UDI-DI under the Basic UDI-DI {@code basicId}, oldest month first. */
    public List<UnitsPlaced> unitsUnder(UUID basicId) {
        return jdbc.sql("""
                SELECT u.udi_di, p.country, p.month, p.units FROM units_placed p JOIN udi_di u ON u.id = p.udi_di_id
                 WHERE u.basic_udi_di_id = ? ORDER BY p.month, u.udi_di, p.country""").param(basicId)
                .query((rs, n) -> new UnitsPlaced(rs.getString(1), rs.getString(2), YearMonth.from(date(rs, 3)),
                        rs.getLong(4))).list();
    }

    public void streamUnits(OrganisationId owner, Consumer<UnitsPlaced> sink) {
        jdbc.sql("""
                SELECT u.udi_di, p.country, p.month, p.units FROM units_placed p JOIN udi_di u ON u.id = p.udi_di_id
                 WHERE p.org_id = ? ORDER BY u.udi_di, p.country, p.month""").param(owner.value())
                .query(rs -> {
                    sink.accept(new UnitsPlaced(rs.getString(1), rs.getString(2), YearMonth.from(date(rs, 3)),
                            rs.getLong(4)));
                });
    }

    /** The UDI-DIs (base units) of {@code owner} among {@code dis}, by UDI-DI. */
    public Map<String, UUID> ownUdiIds(OrganisationId owner, Collection<String> dis) {
        var found = new HashMap<String, UUID>();
        if (!dis.isEmpty()) {
            jdbc.sql("SELECT udi_di, id FROM udi_di WHERE org_id = ? AND udi_di = ANY(?)")
                    .params(owner.value(), dis.toArray(String[]::new))
                    .query(rs -> {
                        found.put(rs.getString(1), rs.getObject(2, UUID.class));
                    });
        }
        return found;
    }

    /** Every Basic UDI-DI of {@code owner} with its UDI-DIs, in Basic UDI-DI then UDI-DI order. */
    public void streamOwn(OrganisationId owner, java.util.function.BiConsumer<StoredBasic, StoredUdi> sink) {
        var basics = new HashMap<UUID, StoredBasic>();
        basics(owner, null, Integer.MAX_VALUE).forEach(basic -> basics.put(basic.id(), basic));
        var udis = new HashMap<UUID, List<StoredUdi>>();
        udis("u.org_id = ?", owner.value()).forEach(udi ->
                udis.computeIfAbsent(udi.basicId(), id -> new ArrayList<>()).add(udi));
        basics.values().stream().sorted(java.util.Comparator.comparing(b -> b.data().basicUdiDi())).forEach(basic -> {
            var under = udis.getOrDefault(basic.id(), List.of());
            if (under.isEmpty()) {
                sink.accept(basic, null);
            }
            under.forEach(udi -> sink.accept(basic, udi));
        });
    }

    // --------------------------------------------------------------------------------------------------- mapping

    static StoredBasic basic(ResultSet rs, int row) throws SQLException {
        Legislation legislation = Legislation.valueOf(rs.getString("legislation"));
        String riskClass = rs.getString("risk_class");
        Array certificates = rs.getArray("certificates");
        var data = new BasicUdiDiData(rs.getString("basic_udi_di"), rs.getString("device_name"),
                rs.getString("intended_purpose"), legislation, rs.getBoolean("legacy"),
                riskClass == null ? null : RiskClass.valueOf(riskClass), rs.getBoolean("implantable"),
                rs.getBoolean("active"), rs.getBoolean("measuring"), rs.getBoolean("reusable_surgical_instrument"),
                MedicinalSubstance.valueOf(rs.getString("medicinal_substance")),
                rs.getBoolean("human_tissues_or_cells"), rs.getBoolean("animal_tissues_or_cells"),
                rs.getString("notified_body"),
                certificates == null ? List.of() : List.of((String[]) certificates.getArray()),
                rs.getString("manufacturer_srn"), rs.getString("authorised_representative_srn"));
        return new StoredBasic(rs.getObject("id", UUID.class), new OrganisationId(rs.getObject("org_id", UUID.class)),
                data, instant(rs, "updated_at"));
    }

    private record UdiRow(UUID id, UUID basicId, OrganisationId owner, String basicUdiDi, String udiDi,
            IssuingEntity issuer, String tradeName, String model, String reference, String emdnCode,
            String softwareVersion, String firmwareVersion, Instant updatedAt) {

        StoredUdi with(List<PackageLevel> packages, List<MarketPlacement> markets) {
            return new StoredUdi(id, basicId, owner, new UdiDiData(basicUdiDi, udiDi, issuer, tradeName, model,
                    reference, emdnCode, softwareVersion, firmwareVersion, packages, markets), updatedAt);
        }
    }

    private static UdiRow udiRow(ResultSet rs) throws SQLException {
        return new UdiRow(rs.getObject("u_id", UUID.class), rs.getObject("basic_udi_di_id", UUID.class),
                new OrganisationId(rs.getObject("u_org_id", UUID.class)), rs.getString("basic_udi_di"),
                rs.getString("udi_di"), IssuingEntity.valueOf(rs.getString("issuer")), rs.getString("trade_name"),
                rs.getString("model"), rs.getString("reference"), rs.getString("emdn_code"),
                rs.getString("software_version"), rs.getString("firmware_version"), instant(rs, "u_updated_at"));
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
