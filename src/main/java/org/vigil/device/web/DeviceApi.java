package org.vigil.device.web;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.device.BasicUdiDiData;
import org.vigil.device.Legislation;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.RiskClass;
import org.vigil.device.BasicUdiDiView;
import org.vigil.device.DeviceLookup;
import org.vigil.device.DeviceMatch;
import org.vigil.device.DeviceRegister;
import org.vigil.device.MarketPlacement;
import org.vigil.device.UdiDiData;
import org.vigil.device.UdiDiView;
import org.vigil.device.UnitsPlaced;
import org.vigil.shared.InvalidInputException;
import org.vigil.udi.Udi;
import org.vigil.udi.UdiJson;

/**
 * REST: the device register (MDR Art. 27 and 29, Annex VI), UDI parsing and scan lookup. Everyone signed in reads the
 * register; a manufacturer's staff write their own organisation's devices; units placed are the owner's alone.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Devices")
class DeviceApi {

    private final DeviceRegister register;

    DeviceApi(DeviceRegister register) {
        this.register = register;
    }

    /** The JSON body of a scan to parse. */
    record ScanBody(String scan) {
    }

    @PostMapping(path = "/udi/parse", consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PermitAll
    @Operation(summary = "Parse one UDI scan (text/plain body, as the scanner sent it); answers the JSON the CLI "
            + "'udi parse' prints")
    ResponseEntity<String> parseText(@RequestBody(required = false) String scan) {
        return parsed(scan);
    }

    @PostMapping(path = "/udi/parse", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PermitAll
    @Operation(summary = "Parse one UDI scan given as {\"scan\": …}; answers the JSON the CLI 'udi parse' prints")
    ResponseEntity<String> parseJson(@RequestBody ScanBody body) {
        return parsed(body == null ? null : body.scan());
    }

    private static ResponseEntity<String> parsed(String scan) {
        if (scan == null || scan.isEmpty()) {
            throw InvalidInputException.of("scan", "Give the scanned UDI.");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(UdiJson.toJson(Udi.parse(scan)));
    }

    @GetMapping("/devices/lookup")
    @PermitAll
    @Operation(summary = "Find the device a scanned UDI identifies, with the lot, serial and expiry it carries; text "
            + "that is no UDI is searched by name, model, reference and EMDN code")
    DeviceLookup lookup(@RequestParam(defaultValue = "") String scan) {
        return register.lookup(scan);
    }

    @GetMapping("/devices")
    @PermitAll
    @Operation(summary = "Type-ahead search of every organisation's devices by name, trade name, model, reference, "
            + "EMDN code or UDI-DI")
    List<DeviceMatch> search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "20") int limit) {
        return register.search(q, limit);
    }

    @GetMapping("/basic-udi-dis")
    @PermitAll
    @Operation(summary = "Basic UDI-DIs: every organisation's, or only yours with mine=true, or the one with the "
            + "given basicUdiDi")
    List<BasicUdiDiView> basicUdiDis(@RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) String basicUdiDi, @RequestParam(defaultValue = "200") int limit) {
        if (basicUdiDi != null) {
            return register.findBasicUdiDi(basicUdiDi).stream().toList();
        }
        return register.list(mine, limit);
    }

    /**
     * A Basic UDI-DI as the API takes it: the flags may be left out (then {@code false}), the lists too.
     */
    record BasicUdiDiBody(String basicUdiDi, String deviceName, String intendedPurpose, Legislation legislation,
            Boolean legacy, RiskClass riskClass, Boolean implantable, Boolean active, Boolean measuring,
            Boolean reusableSurgicalInstrument, MedicinalSubstance medicinalSubstance, Boolean humanTissuesOrCells,
            Boolean animalTissuesOrCells, String notifiedBody, List<String> certificates, String manufacturerSrn,
            String authorisedRepresentativeSrn) {

        BasicUdiDiData data() {
            return new BasicUdiDiData(basicUdiDi, deviceName, intendedPurpose, legislation, yes(legacy), riskClass,
                    yes(implantable), yes(active), yes(measuring), yes(reusableSurgicalInstrument),
                    medicinalSubstance, yes(humanTissuesOrCells), yes(animalTissuesOrCells), notifiedBody,
                    certificates, manufacturerSrn, authorisedRepresentativeSrn);
        }

        private static boolean yes(Boolean flag) {
            return Boolean.TRUE.equals(flag);
        }
    }

    @PostMapping("/basic-udi-dis")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Register a Basic UDI-DI of your organisation")
    ResponseEntity<BasicUdiDiView> registerBasic(@RequestBody BasicUdiDiBody data) {
        var created = register.registerBasicUdiDi(data.data());
        return ResponseEntity.created(URI.create("/api/v1/basic-udi-dis/" + created.id())).body(created);
    }

    @GetMapping("/basic-udi-dis/{basicUdiDiId}")
    @PermitAll
    @Operation(summary = "One Basic UDI-DI")
    BasicUdiDiView basic(@PathVariable UUID basicUdiDiId) {
        return register.basicUdiDi(basicUdiDiId);
    }

    @PutMapping("/basic-udi-dis/{basicUdiDiId}")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Change a Basic UDI-DI of your organisation (the Basic UDI-DI itself stays)")
    BasicUdiDiView updateBasic(@PathVariable UUID basicUdiDiId, @RequestBody BasicUdiDiBody data) {
        return register.updateBasicUdiDi(basicUdiDiId, data.data());
    }

    @GetMapping("/basic-udi-dis/{basicUdiDiId}/udi-dis")
    @PermitAll
    @Operation(summary = "The UDI-DIs under a Basic UDI-DI")
    List<UdiDiView> udiDisOf(@PathVariable UUID basicUdiDiId) {
        return register.udiDisOf(basicUdiDiId);
    }

    @PostMapping("/udi-dis")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Add a UDI-DI, with package levels and markets, under one of your Basic UDI-DIs")
    ResponseEntity<UdiDiView> addUdi(@RequestBody UdiDiData data) {
        var created = register.addUdiDi(data);
        return ResponseEntity.created(URI.create("/api/v1/udi-dis/" + created.id())).body(created);
    }

    @GetMapping("/udi-dis/{udiDiId}")
    @PermitAll
    @Operation(summary = "One UDI-DI with its package levels and markets")
    UdiDiView udi(@PathVariable UUID udiDiId) {
        return register.udiDi(udiDiId);
    }

    @PutMapping("/udi-dis/{udiDiId}")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Change a UDI-DI of your organisation: the body replaces trade name, model, reference, "
            + "EMDN code, versions, package levels and markets; the UDI-DI and its Basic UDI-DI stay")
    UdiDiView updateUdi(@PathVariable UUID udiDiId, @RequestBody UdiDiData data) {
        return register.updateUdiDi(udiDiId, data);
    }

    @PutMapping("/udi-dis/{udiDiId}/markets")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Replace the markets a UDI-DI of your organisation is placed on")
    UdiDiView markets(@PathVariable UUID udiDiId, @RequestBody List<MarketPlacement> markets) {
        return register.setMarkets(udiDiId, markets);
    }

    /** A units-placed figure for one UDI-DI. */
    record UnitsBody(String country, YearMonth month, Long units) {
    }

    @GetMapping("/udi-dis/{udiDiId}/units-placed")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Units of one of your UDI-DIs placed on the market per country and month")
    List<UnitsPlaced> unitsPlaced(@PathVariable UUID udiDiId) {
        return register.unitsPlaced(udiDiId);
    }

    @PostMapping("/udi-dis/{udiDiId}/units-placed")
    @RolesAllowed({ "COMPLAINT_HANDLER", "VIGILANCE_OFFICER", "PRRC" })
    @Operation(summary = "Record (or replace) the units of one of your UDI-DIs placed in a country in a month")
    UnitsPlaced recordUnits(@PathVariable UUID udiDiId, @RequestBody UnitsBody body) {
        var udi = register.udiDi(udiDiId);
        if (body.units() == null) {
            throw InvalidInputException.of("units", "Give the number of units placed.");
        }
        register.unitsPlaced(udiDiId);
        return register.recordUnitsPlaced(new UnitsPlaced(udi.data().udiDi(), body.country(), body.month(),
                body.units()));
    }

}
