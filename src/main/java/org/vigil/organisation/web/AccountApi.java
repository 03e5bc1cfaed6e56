package org.vigil.organisation.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.organisation.Accounts;
import org.vigil.organisation.ApiTokenView;
import org.vigil.organisation.IssuedApiToken;
import org.vigil.organisation.UserView;

/** REST: the caller's own account and personal API tokens. */
@RestController
@RequestMapping("/api/v1/account")
@PermitAll
@Tag(name = "Account")
class AccountApi {

    private final Accounts accounts;

    AccountApi(Accounts accounts) {
        this.accounts = accounts;
    }

    record PasswordChange(String currentPassword, String newPassword, String confirmation) {
    }

    record NewToken(String name, Integer validDays) {
    }

    @GetMapping
    @Operation(summary = "Who you are: your account, organisation and roles")
    UserView me() {
        return accounts.me();
    }

    @PostMapping("/password")
    @Operation(summary = "Change your password (the current one is required)")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange change) {
        accounts.changePassword(change.currentPassword(), change.newPassword(), change.confirmation());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tokens")
    @Operation(summary = "Your personal API tokens (never their secrets)")
    List<ApiTokenView> tokens() {
        return accounts.tokens();
    }

    @PostMapping("/tokens")
    @Operation(summary = "Create a personal API token; the secret is in this answer only (honours Idempotency-Key)")
    ResponseEntity<IssuedApiToken> createToken(@RequestBody NewToken token) {
        var issued = accounts.createToken(token.name(), token.validDays());
        return ResponseEntity.created(URI.create("/api/v1/account/tokens/" + issued.token().id())).body(issued);
    }

    @PostMapping("/tokens/{tokenId}/revocation")
    @Operation(summary = "Revoke one of your tokens; it stops working at once")
    ApiTokenView revoke(@PathVariable UUID tokenId) {
        return accounts.revokeToken(tokenId);
    }
}
