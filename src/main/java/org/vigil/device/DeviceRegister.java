package org.vigil.device;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.device.domain.RegisterRules;
import org.vigil.device.domain.ScanText;
import org.vigil.device.persistence.DeviceRecords;
import org.vigil.device.persistence.DeviceRecords.BasicWrite;
import org.vigil.device.persistence.DeviceRecords.StoredBasic;
import org.vigil.device.persistence.DeviceRecords.StoredUdi;
import org.vigil.device.persistence.DeviceRecords.UdiWrite;
import org.vigil.device.persistence.DeviceRecords.UnitsWrite;
import org.vigil.shared.Actor;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.InvalidInputException.FieldError;
import org.vigil.shared.OrganisationDirectory;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.VigilPrincipal;
import org.vigil.terminology.Emdn;
import org.vigil.udi.Udi;
import org.vigil.udi.UdiResult;

/**
 * The device register (MDR Art. 27 and 29, Annex VI; 21 CFR 830 Subpart E). Manufacturers and authorised
 * representatives register their own Basic UDI-DIs, UDI-DIs, markets and units placed; every signed-in organisation
 * reads the register (device master data is public in EUDAMED, MDR Art. 33(5)) except units placed, which only the
 * owning manufacturer reads. A record of another organisation that the caller tries to change answers as one that
 * does not exist. Every change is audited with its old and new values.
 *
 * <p>Writing needs, for a signed-in person, a manufacturer's or authorised representative's complaint handler,
 * vigilance officer, PRRC or organisation administrator. Code acting without a person (imports, demo data) acts for
 * the organisation it binds with {@link Tenancy#callAs}.
 */
@Service
public class DeviceRegister implements DeviceBulkOperations {

    static final Set<Role> WRITERS = Set.of(Role.COMPLAINT_HANDLER, Role.VIGILANCE_OFFICER, Role.PRRC,
            Role.ORGANISATION_ADMIN);

    private final DeviceRecords records;
    private final Emdn emdn;
    private final AuditTrail audit;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    DeviceRegister(DeviceRecords records, Emdn emdn, AuditTrail audit, OrganisationDirectory organisations) {
        this.records = records;
        this.emdn = emdn;
        this.audit = audit;
        this.organisations = organisations;
        this.clock = Clock.systemUTC();
    }

    // --------------------------------------------------------------------------------------------- Basic UDI-DIs

    /** Registers a Basic UDI-DI of the caller's organisation. */
    @Transactional
    public BasicUdiDiView registerBasicUdiDi(BasicUdiDiData data) {
        OrganisationId owner = writer();
        var tidy = RegisterRules.tidy(data);
        var errors = new ArrayList<>(RegisterRules.check(tidy));
        if (tidy.basicUdiDi() != null && !records.basicsByKey(List.of(tidy.basicUdiDi())).isEmpty()) {
            errors.add(new FieldError("basicUdiDi", "This Basic UDI-DI is already registered."));
        }
        refuse(errors);
        UUID id = UUID.randomUUID();
        records.insertBasics(owner, List.of(new BasicWrite(id, tidy)));
        audit.record(AuditedChange.created("device.basic-udi-di-registered", RecordRef.of("basic-udi-di", id), tidy));
        return basicUdiDi(id);
    }

    /** Changes a Basic UDI-DI of the caller's organisation; another organisation's answers as missing. */
    @Transactional
    public BasicUdiDiView updateBasicUdiDi(UUID id, BasicUdiDiData data) {
        OrganisationId owner = writer();
        StoredBasic before = records.basic(id).filter(b -> b.owner().equals(owner))
                .orElseThrow(() -> new RecordNotFoundException("basic-udi-di", id));
        var tidy = RegisterRules.tidy(data);
        var errors = new ArrayList<>(RegisterRules.check(tidy));
        if (tidy.basicUdiDi() != null && !tidy.basicUdiDi().equals(before.data().basicUdiDi())) {
            errors.add(new FieldError("basicUdiDi", "A Basic UDI-DI cannot be changed once registered; register "
                    + "a new one instead (MDR Annex VI Part C 6.5)."));
        }
        refuse(errors);
        if (!tidy.equals(before.data())) {
            records.updateBasics(List.of(new BasicWrite(id, tidy)));
            audit.record(AuditedChange.changed("device.basic-udi-di-changed", RecordRef.of("basic-udi-di", id),
                    before.data(), tidy));
        }
        return basicUdiDi(id);
    }

    @Transactional(readOnly = true)
    public BasicUdiDiView basicUdiDi(UUID id) {
        return records.basic(id).map(this::view).orElseThrow(() -> new RecordNotFoundException("basic-udi-di", id));
    }

    @Transactional(readOnly = true)
    public Optional<BasicUdiDiView> findBasicUdiDi(String basicUdiDi) {
        return basicUdiDi == null ? Optional.empty()
                : records.basicsByKey(List.of(basicUdiDi.strip())).values().stream().findFirst().map(this::view);
    }

    /** Basic UDI-DIs by device name: the caller's own when {@code mineOnly}, else every organisation's. */
    @Transactional(readOnly = true)
    public List<BasicUdiDiView> list(boolean mineOnly, int limit) {
        return records.basics(mineOnly ? Tenancy.requireActor().organisationId() : null, null,
                Math.clamp(limit, 1, 1000)).stream().map(this::view).toList();
    }

    // ------------------------------------------------------------------------------------------------- UDI-DIs

    /** Adds a UDI-DI (with its package levels and markets) under a Basic UDI-DI of the caller's organisation. */
    @Transactional
    public UdiDiView addUdiDi(UdiDiData data) {
        writer();
        var tidy = RegisterRules.tidy(data);
        if (tidy.udiDi() != null && !records.udisByDi(List.of(tidy.udiDi())).isEmpty()) {
            throw InvalidInputException.of("udiDi", "UDI-DI " + tidy.udiDi() + " is already registered.");
        }
        var problems = importRows(List.of(new DeviceImportRow(1, null, data)), "register");
        refuseProblems(problems);
        return records.udisByDi(List.of(RegisterRules.tidy(data).udiDi())).values().stream().findFirst()
                .map(this::view).orElseThrow();
    }

    /** Changes a UDI-DI of the caller's organisation (its UDI-DI text stays, MDR Annex VI Part C 3.9). */
    @Transactional
    public UdiDiView updateUdiDi(UUID id, UdiDiData data) {
        OrganisationId owner = writer();
        StoredUdi before = ownUdi(owner, id);
        var given = RegisterRules.tidy(data);
        // Left out, the UDI-DI and its Basic UDI-DI stay as registered.
        var tidy = new UdiDiData(given.basicUdiDi() == null ? before.data().basicUdiDi() : given.basicUdiDi(),
                given.udiDi() == null ? before.data().udiDi() : given.udiDi(),
                given.issuer() == null ? before.data().issuer() : given.issuer(), given.tradeName(), given.model(),
                given.reference(), given.emdnCode(), given.softwareVersion(), given.firmwareVersion(),
                given.packageLevels(), given.markets());
        if (!tidy.udiDi().equals(before.data().udiDi())) {
            throw InvalidInputException.of("udiDi", "A UDI-DI cannot be changed; a change listed in MDR Annex VI "
                    + "Part C 3.9 needs a new UDI-DI: add one instead.");
        }
        var problems = importRows(List.of(new DeviceImportRow(1, null, tidy)), "register");
        refuseProblems(problems);
        return udiDi(id);
    }

    /** Replaces the markets of a UDI-DI of the caller's organisation. */
    @Transactional
    public UdiDiView setMarkets(UUID udiDiId, List<MarketPlacement> markets) {
        OrganisationId owner = writer();
        StoredUdi before = ownUdi(owner, udiDiId);
        if (markets != null && markets.contains(null)) {
            throw InvalidInputException.of("markets", "Each market needs a country and a date.");
        }
        var d = before.data();
        return updateUdiDi(udiDiId, new UdiDiData(d.basicUdiDi(), d.udiDi(), d.issuer(), d.tradeName(), d.model(),
                d.reference(), d.emdnCode(), d.softwareVersion(), d.firmwareVersion(), d.packageLevels(),
                markets == null ? List.of() : markets));
    }

    @Transactional(readOnly = true)
    public UdiDiView udiDi(UUID id) {
        return records.udi(id).map(this::view).orElseThrow(() -> new RecordNotFoundException("udi-di", id));
    }

    /** The UDI-DI whose base unit or package level carries {@code udiDi}. */
    @Transactional(readOnly = true)
    public Optional<UdiDiView> findUdiDi(String udiDi) {
        if (udiDi == null || udiDi.isBlank()) {
            return Optional.empty();
        }
        return records.udisByDi(List.of(udiDi.strip())).values().stream().findFirst().map(this::view);
    }

    /**
     * Who makes the registered device that {@code udiDi} (base unit or package level) names, or else the device a
     * scan names (read as {@link #lookup} reads it), and what it is called; empty when neither names a registered
     * device. One query: what a report needs of the register when it is submitted.
     */
    @Transactional(readOnly = true)
    public Optional<DeviceIdentity> identify(String udiDi, String scan) {
        String di = udiDi == null || udiDi.isBlank() ? null : udiDi.strip();
        if (di == null && scan != null) {
            String text = ScanText.normalise(scan);
            UdiResult udi = text.isEmpty() ? null : Udi.parse(text);
            di = udi == null || udi.issuer() == null ? null : udi.di();
        }
        return di == null ? Optional.empty() : records.udiWithoutListsByDi(di).map(stored -> new DeviceIdentity(
                stored.data().udiDi(), stored.owner(), stored.data().tradeName(), stored.data().model(),
                stored.data().reference()));
    }

    /**
     * The SRN of the authorised representative (MDR Art. 11) named on the Basic UDI-DI of the device {@code udiDi}
     * (base unit or package level) names; empty when the device is unknown or names none.
     */
    @Transactional(readOnly = true)
    public Optional<String> authorisedRepresentativeSrnOf(String udiDi) {
        return udiDi == null || udiDi.isBlank() ? Optional.empty()
                : records.authorisedRepresentativeSrn(udiDi.strip()).filter(srn -> !srn.isBlank());
    }

    /** The UDI-DIs under a Basic UDI-DI. */
    @Transactional(readOnly = true)
    public List<UdiDiView> udiDisOf(UUID basicUdiDiId) {
        basicUdiDi(basicUdiDiId);
        return records.udisOf(basicUdiDiId).stream().map(this::view).toList();
    }

    // -------------------------------------------------------------------------------------------- units placed

    /** Records (or replaces) the units of one of the caller's UDI-DIs placed in a country in a month. */
    @Transactional
    public UnitsPlaced recordUnitsPlaced(UnitsPlaced units) {
        writer();
        var problems = importUnitsPlaced(List.of(new UnitsPlacedRow(1, units)), "register");
        refuseProblems(problems);
        return RegisterRules.tidy(units);
    }

    /** The units placed of one of the caller's own UDI-DIs, newest month first; others' answer as missing. */
    @Transactional(readOnly = true)
    public List<UnitsPlaced> unitsPlaced(UUID udiDiId) {
        OrganisationId me = Tenancy.requireActor().organisationId();
        ownUdi(me, udiDiId);
        return records.unitsOf(udiDiId);
    }

    /**
     * The units placed of every UDI-DI under one of the caller's own Basic UDI-DIs, oldest month first, in one query:
     * the denominator of similar-incident rates per period (MIR 7.3.1 §4.3; MDR Art. 88). Units placed are the
     * owner's alone, so another organisation's Basic UDI-DI answers as missing.
     */
    @Transactional(readOnly = true)
    public List<UnitsPlaced> unitsPlacedUnder(UUID basicUdiDiId) {
        OrganisationId me = Tenancy.requireActor().organisationId();
        records.basic(basicUdiDiId).filter(basic -> basic.owner().equals(me))
                .orElseThrow(() -> new RecordNotFoundException("basic-udi-di", basicUdiDiId));
        return records.unitsUnder(basicUdiDiId);
    }

    // ---------------------------------------------------------------------------------------- search and lookup

    /** Type-ahead search over every organisation's devices by name, trade name, model, reference, EMDN, UDI-DI. */
    @Transactional(readOnly = true)
    public List<DeviceMatch> search(String text, int limit) {
        if (text == null || text.strip().isEmpty()) {
            return List.of();
        }
        return records.search(text.length() > 200 ? text.substring(0, 200) : text, Math.clamp(limit, 1, 100))
                .stream().map(this::named).toList();
    }

    /**
     * Reads a scan as a hospital barcode scanner types it (keyboard-wedge substitutes for GS accepted) and finds the
     * device by its UDI-DI or a package UDI-DI; text that is no UDI is searched by name, model, reference and EMDN.
     */
    @Transactional(readOnly = true)
    public DeviceLookup lookup(String scan) {
        String text = ScanText.normalise(scan);
        if (text.isEmpty()) {
            return new DeviceLookup(text, null, null, List.of());
        }
        UdiResult udi = Udi.parse(text);
        if (udi.issuer() == null) {
            return new DeviceLookup(text, null, null, search(text, 20));
        }
        DeviceMatch device = udi.di() == null ? null : records.udiWithoutListsByDi(udi.di())
                .flatMap(found -> records.match(found.id())).map(this::named).orElse(null);
        return new DeviceLookup(text, udi, device, List.of());
    }

    // -------------------------------------------------------------------------------------------- bulk operations

    @Override
    @Transactional
    public List<ImportProblem> importRows(List<DeviceImportRow> rows, String source) {
        OrganisationId owner = writer();
        var problems = new ArrayList<ImportProblem>();
        record Row(int number, BasicUdiDiData basic, UdiDiData udi) {
        }
        var tidied = new ArrayList<Row>();
        Map<String, Boolean> emdnCodes = new HashMap<>();
        for (DeviceImportRow row : rows) {
            var basic = row.basicUdiDi() == null ? null : RegisterRules.tidy(row.basicUdiDi());
            var udi = row.udiDi() == null ? null : RegisterRules.tidy(row.udiDi());
            if (basic == null && udi == null) {
                problems.add(new ImportProblem(row.row(), null, "The row holds no device."));
                continue;
            }
            if (basic != null && udi != null && udi.basicUdiDi() == null) {
                udi = withBasic(udi, basic.basicUdiDi());
            }
            var errors = new ArrayList<FieldError>();
            if (basic != null) {
                errors.addAll(RegisterRules.check(basic));
            }
            if (udi != null) {
                errors.addAll(RegisterRules.check(udi, code -> emdnCodes.computeIfAbsent(code,
                        c -> emdn.find(c).isPresent())));
                if (basic != null && udi.basicUdiDi() != null && !udi.basicUdiDi().equals(basic.basicUdiDi())) {
                    errors.add(new FieldError("basicUdiDi", "The UDI-DI names another Basic UDI-DI than the row."));
                }
            }
            if (errors.isEmpty()) {
                tidied.add(new Row(row.row(), basic, udi == null ? null : RegisterRules.inStoredOrder(udi)));
            } else {
                errors.forEach(error -> problems.add(new ImportProblem(row.row(), error.field(), error.message())));
            }
        }
        // What the register already holds for the keys of this chunk: one query per kind.
        var basicKeys = new LinkedHashSet<String>();
        var diKeys = new LinkedHashSet<String>();
        for (Row row : tidied) {
            if (row.basic() != null) {
                basicKeys.add(row.basic().basicUdiDi());
            }
            if (row.udi() != null) {
                basicKeys.add(row.udi().basicUdiDi());
                diKeys.add(row.udi().udiDi());
                row.udi().packageLevels().forEach(level -> diKeys.add(level.udiDi()));
            }
        }
        Map<String, StoredBasic> storedBasics = records.basicsByKey(basicKeys);
        Map<String, StoredUdi> storedUdis = records.udisByDi(diKeys);

        var newBasics = new LinkedHashMap<String, BasicWrite>();
        var changedBasics = new LinkedHashMap<String, BasicWrite>();
        var newUdis = new LinkedHashMap<String, UdiWrite>();
        var changedUdis = new LinkedHashMap<String, UdiWrite>();
        Map<String, String> diClaimedBy = new HashMap<>();
        var changes = new ArrayList<AuditedChange>();
        for (Row row : tidied) {
            var rowProblems = new ArrayList<ImportProblem>();
            UUID basicId = null;
            BasicWrite basicWrite = null;
            boolean basicIsNew = false;
            String basicKey = row.basic() != null ? row.basic().basicUdiDi() : row.udi().basicUdiDi();
            StoredBasic stored = storedBasics.get(basicKey);
            if (stored != null && !stored.owner().equals(owner)) {
                rowProblems.add(new ImportProblem(row.number(), "basicUdiDi",
                        "Basic UDI-DI " + basicKey + " is registered by another organisation."));
            } else if (row.basic() != null) {
                var earlier = newBasics.containsKey(basicKey) ? newBasics.get(basicKey) : changedBasics.get(basicKey);
                basicId = earlier != null ? earlier.id() : stored != null ? stored.id() : UUID.randomUUID();
                basicWrite = new BasicWrite(basicId, row.basic());
                basicIsNew = stored == null;
            } else {
                var earlier = newBasics.get(basicKey);
                if (stored != null) {
                    basicId = stored.id();
                } else if (earlier != null) {
                    basicId = earlier.id();
                } else {
                    rowProblems.add(new ImportProblem(row.number(), "basicUdiDi", "Basic UDI-DI " + basicKey
                            + " is not registered: register it first or give its data on the row."));
                }
            }
            UdiWrite udiWrite = null;
            boolean udiIsNew = false;
            if (row.udi() != null && rowProblems.isEmpty()) {
                String di = row.udi().udiDi();
                StoredUdi existing = storedUdis.get(di);
                if (existing != null && !existing.data().udiDi().equals(di)) {
                    rowProblems.add(new ImportProblem(row.number(), "udiDi", "UDI-DI " + di
                            + " is already a package level of UDI-DI " + existing.data().udiDi() + "."));
                } else if (existing != null && !existing.owner().equals(owner)) {
                    rowProblems.add(new ImportProblem(row.number(), "udiDi",
                            "UDI-DI " + di + " is registered by another organisation."));
                } else if (diClaimedBy.containsKey(di)) {
                    rowProblems.add(new ImportProblem(row.number(), "udiDi", "UDI-DI " + di
                            + " appears more than once in the import."));
                }
                var levels = row.udi().packageLevels();
                for (int i = 0; i < levels.size(); i++) {
                    String packageDi = levels.get(i).udiDi();
                    StoredUdi holder = storedUdis.get(packageDi);
                    if ((holder != null && (existing == null || !holder.id().equals(existing.id())))
                            || diClaimedBy.containsKey(packageDi)) {
                        rowProblems.add(new ImportProblem(row.number(), "packageLevels[" + i + "].udiDi",
                                "UDI-DI " + packageDi + " already identifies another device."));
                    }
                }
                if (rowProblems.isEmpty()) {
                    udiIsNew = existing == null;
                    udiWrite = new UdiWrite(udiIsNew ? UUID.randomUUID() : existing.id(), basicId, row.udi());
                    if (!udiIsNew && existing.data().equals(row.udi()) && existing.basicId().equals(basicId)) {
                        udiWrite = null;
                    }
                    diClaimedBy.put(di, di);
                    levels.forEach(level -> diClaimedBy.put(level.udiDi(), di));
                }
            }
            if (!rowProblems.isEmpty()) {
                problems.addAll(rowProblems);
                continue;
            }
            if (basicWrite != null) {
                if (basicIsNew) {
                    if (!newBasics.containsKey(basicKey)) {
                        changes.add(AuditedChange.created("device.basic-udi-di-registered",
                                RecordRef.of("basic-udi-di", basicWrite.id()), basicWrite.data()).because(source));
                    }
                    newBasics.put(basicKey, basicWrite);
                } else if (!stored.data().equals(basicWrite.data())) {
                    if (!changedBasics.containsKey(basicKey)) {
                        changes.add(AuditedChange.changed("device.basic-udi-di-changed",
                                RecordRef.of("basic-udi-di", basicWrite.id()), stored.data(), basicWrite.data())
                                .because(source));
                    }
                    changedBasics.put(basicKey, basicWrite);
                }
            }
            if (udiWrite != null) {
                var ref = RecordRef.of("udi-di", udiWrite.id());
                if (udiIsNew) {
                    newUdis.put(udiWrite.data().udiDi(), udiWrite);
                    changes.add(AuditedChange.created("device.udi-di-added", ref, udiWrite.data()).because(source));
                } else {
                    changedUdis.put(udiWrite.data().udiDi(), udiWrite);
                    changes.add(AuditedChange.changed("device.udi-di-changed", ref,
                            storedUdis.get(udiWrite.data().udiDi()).data(), udiWrite.data()).because(source));
                }
            }
        }
        records.insertBasics(owner, List.copyOf(newBasics.values()));
        records.updateBasics(List.copyOf(changedBasics.values()));
        records.insertUdis(owner, List.copyOf(newUdis.values()));
        records.updateUdis(owner, List.copyOf(changedUdis.values()));
        changes.forEach(audit::record);
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
        return problems;
    }

    @Override
    @Transactional
    public List<ImportProblem> importUnitsPlaced(List<UnitsPlacedRow> rows, String source) {
        OrganisationId owner = writer();
        YearMonth now = YearMonth.now(clock);
        var problems = new ArrayList<ImportProblem>();
        var valid = new ArrayList<UnitsPlacedRow>();
        for (UnitsPlacedRow row : rows) {
            if (row.units() == null) {
                problems.add(new ImportProblem(row.row(), null, "The row holds no figure."));
                continue;
            }
            var tidy = RegisterRules.tidy(row.units());
            var errors = RegisterRules.check(tidy, now);
            if (errors.isEmpty()) {
                valid.add(new UnitsPlacedRow(row.row(), tidy));
            } else {
                errors.forEach(error -> problems.add(new ImportProblem(row.row(), error.field(), error.message())));
            }
        }
        var ids = records.ownUdiIds(owner, valid.stream().map(row -> row.units().udiDi()).distinct().toList());
        var writes = new LinkedHashMap<String, UnitsWrite>();
        for (UnitsPlacedRow row : valid) {
            UUID id = ids.get(row.units().udiDi());
            if (id == null) {
                problems.add(new ImportProblem(row.row(), "udiDi", "UDI-DI " + row.units().udiDi()
                        + " is not one of your organisation's registered UDI-DIs."));
                continue;
            }
            writes.put(DeviceRecords.unitsKey(id, row.units().country(), row.units().month()),
                    new UnitsWrite(id, row.units()));
        }
        var before = records.existingUnits(List.copyOf(writes.values()));
        records.upsertUnits(owner, List.copyOf(writes.values()));
        writes.forEach((key, write) -> {
            Long old = before.get(key);
            if (old == null || old != write.units().units()) {
                var ref = RecordRef.of("udi-di", write.udiId());
                audit.record(AuditedChange.changed("device.units-placed-recorded", ref,
                        old == null ? null : Map.of("country", write.units().country(),
                                "month", write.units().month().toString(), "units", old),
                        Map.of("country", write.units().country(), "month", write.units().month().toString(),
                                "units", write.units().units())).because(source));
            }
        });
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
        return problems;
    }

    @Override
    @Transactional(readOnly = true)
    public void exportRows(Consumer<DeviceImportRow> sink) {
        OrganisationId me = Tenancy.requireActor().organisationId();
        int[] n = { 0 };
        records.streamOwn(me, (basic, udi) -> sink.accept(new DeviceImportRow(++n[0], basic.data(),
                udi == null ? null : udi.data())));
    }

    @Override
    @Transactional(readOnly = true)
    public void exportUnitsPlaced(Consumer<UnitsPlaced> sink) {
        records.streamUnits(Tenancy.requireActor().organisationId(), sink);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * The organisation the caller writes for. A signed-in person must belong to a manufacturer or authorised
     * representative and hold a writing role; code acting without a person acts for the organisation it bound.
     */
    private static OrganisationId writer() {
        Actor actor = Tenancy.requireActor();
        Optional<VigilPrincipal> principal = Tenancy.principal();
        if (principal.isPresent()) {
            var who = principal.get();
            boolean economicOperator = who.organisationKind() == OrganisationKind.MANUFACTURER
                    || who.organisationKind() == OrganisationKind.AUTHORISED_REPRESENTATIVE;
            if (!economicOperator || !who.hasAnyRole(WRITERS)) {
                throw new AccessDeniedException("Only a manufacturer's staff register its devices");
            }
        }
        if (actor.organisationId() == null || actor.scope() != Actor.Scope.TENANT) {
            throw new AccessDeniedException("Devices are registered by an organisation");
        }
        return actor.organisationId();
    }

    private StoredUdi ownUdi(OrganisationId owner, UUID id) {
        return records.udi(id).filter(udi -> udi.owner().equals(owner))
                .orElseThrow(() -> new RecordNotFoundException("udi-di", id));
    }

    private static UdiDiData withBasic(UdiDiData d, String basicUdiDi) {
        return new UdiDiData(basicUdiDi, d.udiDi(), d.issuer(), d.tradeName(), d.model(), d.reference(), d.emdnCode(),
                d.softwareVersion(), d.firmwareVersion(), d.packageLevels(), d.markets());
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void refuseProblems(List<ImportProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(problem -> new FieldError(
                    problem.field() == null ? "udiDi" : problem.field(), problem.message())).toList());
        }
    }

    private BasicUdiDiView view(StoredBasic stored) {
        return new BasicUdiDiView(stored.id(), stored.owner(), nameOf(stored.owner()), stored.data(),
                stored.updatedAt());
    }

    private UdiDiView view(StoredUdi stored) {
        return new UdiDiView(stored.id(), stored.basicId(), stored.owner(), stored.data(), stored.updatedAt());
    }

    private DeviceMatch named(DeviceMatch match) {
        String name = nameOf(new OrganisationId(UUID.fromString(match.manufacturer())));
        return new DeviceMatch(match.basicUdiDiId(), match.basicUdiDi(), match.deviceName(), match.riskClass(),
                match.udiDiId(), match.udiDi(), match.tradeName(), match.model(), match.reference(), match.emdnCode(),
                name);
    }

    private String nameOf(OrganisationId organisation) {
        return organisations.nameOf(organisation).orElse(organisation.toString());
    }
}
