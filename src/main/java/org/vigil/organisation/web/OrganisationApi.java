package org.vigil.organisation.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.organisation.OrganisationDetails;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.organisation.OrganisationView;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;

/** REST: the organisation directory. */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations")
class OrganisationApi {

    private final OrganisationManagement organisations;

    OrganisationApi(OrganisationManagement organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    @PermitAll
    @Operation(summary = "The directory of organisations, optionally of one kind")
    List<OrganisationView> directory(@RequestParam(required = false) OrganisationKind kind) {
        return kind == null ? organisations.directory() : organisations.directory(kind);
    }

    @GetMapping("/{organisationId}")
    @PermitAll
    @Operation(summary = "One organisation")
    OrganisationView get(@PathVariable UUID organisationId) {
        return organisations.get(new OrganisationId(organisationId));
    }

    @PostMapping
    @RolesAllowed("PLATFORM_ADMIN")
    @Operation(summary = "Register an organisation (honours Idempotency-Key)")
    ResponseEntity<OrganisationView> register(@RequestBody OrganisationDetails details) {
        var created = organisations.register(details);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id())).body(created);
    }

    @PutMapping("/{organisationId}")
    @RolesAllowed("PLATFORM_ADMIN")
    @Operation(summary = "Edit an organisation's name, country and SRN")
    OrganisationView update(@PathVariable UUID organisationId, @RequestBody OrganisationDetails details) {
        return organisations.update(new OrganisationId(organisationId), details);
    }
}
