package org.vigil.terminology.web;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.terminology.CrosswalkEntry;
import org.vigil.terminology.Emdn;
import org.vigil.terminology.EmdnTerm;
import org.vigil.terminology.ImdrfAnnex;
import org.vigil.terminology.ImdrfRelease;
import org.vigil.terminology.ImdrfTerm;
import org.vigil.terminology.ImdrfTerminology;

/**
 * REST: the IMDRF adverse-event terminology (Annexes A–G), EMDN and the FDA ↔ IMDRF crosswalk for any signed-in
 * caller; loading new releases for platform administrators.
 */
@RestController
@RequestMapping("/api/v1/terminology")
@Tag(name = "Terminologies")
class TerminologyApi {

    /** One annex with its current release. */
    record AnnexView(ImdrfAnnex annex, String title, String currentRelease, int terms) {
    }

    /** A term with its place in the hierarchy. */
    record ImdrfTermDetail(ImdrfTerm term, List<ImdrfTerm> path, List<ImdrfTerm> children,
            List<CrosswalkEntry> fdaCodes) {
    }

    /** An EMDN term with its place in the tree. */
    record EmdnTermDetail(EmdnTerm term, List<EmdnTerm> path, List<EmdnTerm> children) {
    }

    /** What a release upload loaded. */
    record LoadedEmdn(String version, int terms) {
    }

    /** What a crosswalk upload loaded. */
    record LoadedCrosswalk(int pairs) {
    }

    private final ImdrfTerminology imdrf;
    private final Emdn emdn;

    TerminologyApi(ImdrfTerminology imdrf, Emdn emdn) {
        this.imdrf = imdrf;
        this.emdn = emdn;
    }

    @GetMapping("/imdrf/annexes")
    @PermitAll
    @Operation(summary = "The IMDRF annexes A–G with their current release")
    List<AnnexView> annexes() {
        return Arrays.stream(ImdrfAnnex.values()).map(annex -> {
            var current = imdrf.currentRelease(annex);
            return new AnnexView(annex, annex.title(), current.map(ImdrfRelease::version).orElse(null),
                    current.map(ImdrfRelease::termCount).orElse(0));
        }).toList();
    }

    @GetMapping("/imdrf/releases")
    @PermitAll
    @Operation(summary = "Every loaded IMDRF release, in the order loaded; the last of each annex is current")
    List<ImdrfRelease> releases() {
        return imdrf.releases();
    }

    @GetMapping("/imdrf/{annex}/terms")
    @PermitAll
    @Operation(summary = "Search an annex's current release by code prefix or words (best first); without q its "
            + "level-1 terms. selectable=true leaves out retired and not-selectable terms")
    List<ImdrfTerm> imdrfTerms(@PathVariable String annex, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean selectable,
            @RequestParam(defaultValue = "20") int limit) {
        var which = annex(annex);
        if (q == null || q.isBlank()) {
            return imdrf.children(which, null).stream().filter(term -> !selectable || term.selectable()).toList();
        }
        return imdrf.search(which, q, limit, selectable);
    }

    @GetMapping("/imdrf/{annex}/terms/{imdrfCode}")
    @PermitAll
    @Operation(summary = "One IMDRF term, retired ones included, with its path, children and FDA codes; "
            + "release=… for the wording of an older release")
    ImdrfTermDetail imdrfTerm(@PathVariable String annex, @PathVariable String imdrfCode,
            @Parameter(description = "release label, for example 2022") @RequestParam(required = false)
            String release) {
        var which = annex(annex);
        var term = (release == null || release.isBlank() ? imdrf.find(which, imdrfCode)
                : imdrf.find(which, imdrfCode, release.strip()))
                .orElseThrow(() -> new RecordNotFoundException("IMDRF term", imdrfCode));
        return new ImdrfTermDetail(term, imdrf.path(which, term.code()), imdrf.children(which, term.code()),
                imdrf.crosswalkFromImdrf(term.code()));
    }

    @GetMapping("/imdrf/{annex}/terms/{imdrfCode}/children")
    @PermitAll
    @Operation(summary = "The terms directly under an IMDRF term in the annex's current release")
    List<ImdrfTerm> imdrfChildren(@PathVariable String annex, @PathVariable String imdrfCode) {
        var which = annex(annex);
        var term = imdrf.find(which, imdrfCode).orElseThrow(() -> new RecordNotFoundException("IMDRF term",
                imdrfCode));
        return imdrf.children(which, term.code());
    }

    @PostMapping("/imdrf/{annex}/releases")
    @RolesAllowed("PLATFORM_ADMIN")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Load a new release of an annex: the body is IMDRF's JSON download; it becomes the annex's "
            + "current release. Checked whole first: any problem loads nothing and is listed under 'file'")
    ImdrfRelease loadImdrf(@PathVariable String annex,
            @Parameter(description = "release label, for example 2025") @RequestParam(required = false)
            String version, @RequestBody String file) throws IOException {
        var which = annex(annex);
        return imdrf.load(which, version, new StringReader(file), "API upload, release " + version);
    }

    @GetMapping("/emdn/terms")
    @PermitAll
    @Operation(summary = "Search EMDN by code prefix or word; without q its categories")
    List<EmdnTerm> emdnTerms(@RequestParam(required = false) String q, @RequestParam(defaultValue = "20") int limit) {
        return q == null || q.isBlank() ? emdn.children(null) : emdn.search(q, limit);
    }

    @GetMapping("/emdn/terms/{emdnCode}")
    @PermitAll
    @Operation(summary = "One EMDN term with its path and children")
    EmdnTermDetail emdnTerm(@PathVariable String emdnCode) {
        var term = emdn.find(emdnCode).orElseThrow(() -> new RecordNotFoundException("EMDN term", emdnCode));
        return new EmdnTermDetail(term, emdn.path(term.code()), emdn.children(term.code()));
    }

    @GetMapping("/emdn/terms/{emdnCode}/children")
    @PermitAll
    @Operation(summary = "The EMDN terms directly under a term")
    List<EmdnTerm> emdnChildren(@PathVariable String emdnCode) {
        var term = emdn.find(emdnCode).orElseThrow(() -> new RecordNotFoundException("EMDN term", emdnCode));
        return emdn.children(term.code());
    }

    @PostMapping("/emdn/releases")
    @RolesAllowed("PLATFORM_ADMIN")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Replace EMDN with a new release: the body is the European Commission's tab-separated "
            + "download. Checked whole first: any problem loads nothing and is listed under 'file'")
    LoadedEmdn loadEmdn(@RequestBody String file) throws IOException {
        var release = emdn.load(new StringReader(file), "API upload");
        return new LoadedEmdn(release.version(), release.terms().size());
    }

    @GetMapping("/crosswalk")
    @PermitAll
    @Operation(summary = "FDA CDRH ↔ IMDRF: fda=2682 gives its IMDRF codes, imdrf=A0101 its FDA codes")
    List<CrosswalkEntry> crosswalk(@RequestParam(required = false) String fda,
            @RequestParam(required = false) String imdrf) {
        boolean byFda = fda != null && !fda.isBlank();
        boolean byImdrf = imdrf != null && !imdrf.isBlank();
        if (byFda == byImdrf) {
            throw InvalidInputException.of(byFda ? "imdrf" : "fda", "Give exactly one of fda (an FDA CDRH code "
                    + "such as 2682) or imdrf (an IMDRF code such as A0101).");
        }
        return byFda ? this.imdrf.crosswalkFromFda(fda) : this.imdrf.crosswalkFromImdrf(imdrf);
    }

    @PostMapping("/crosswalk")
    @RolesAllowed("PLATFORM_ADMIN")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Replace the crosswalk: the body is NCI EVS's FDA-CDRH_NCIt_Subsets CSV. Checked whole "
            + "first: any problem changes nothing and is listed under 'file'")
    LoadedCrosswalk loadCrosswalk(@RequestBody String file) throws IOException {
        return new LoadedCrosswalk(imdrf.loadCrosswalk(new StringReader(file), "API upload"));
    }

    static ImdrfAnnex annex(String letter) {
        return ImdrfAnnex.of(letter).orElseThrow(() -> new RecordNotFoundException("IMDRF annex", letter));
    }
}
