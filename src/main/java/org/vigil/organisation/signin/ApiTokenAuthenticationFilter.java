package org.vigil.organisation.signin;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vigil.organisation.persistence.CredentialStore;
import org.vigil.shared.SecretToken;
import org.vigil.shared.VigilPrincipal;

/**
 * Signs in REST API callers that send a personal API token as {@code Authorization: Bearer <token>}. The token is
 * looked up by its hash, or taken from the {@link ApiTokenPrincipals} of the last few seconds, which forget a token
 * as soon as it is revoked or its holder's access changes. A request with a bad token is refused outright rather than
 * treated as anonymous.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final CredentialStore credentials;
    private final PrincipalLoader principals;
    private final TransactionTemplate transactions;
    private final ApiTokenPrincipals recent;
    private final ProblemResponses problems;

    ApiTokenAuthenticationFilter(CredentialStore credentials, PrincipalLoader principals,
            TransactionTemplate transactions, ApiTokenPrincipals recent, ProblemResponses problems) {
        this.credentials = credentials;
        this.principals = principals;
        this.transactions = transactions;
        this.recent = recent;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).strip();
        var principal = token.isEmpty() || token.length() > 200 ? Optional.<VigilPrincipal>empty()
                : recent.principal(SecretToken.hash(token), this::lookUp);
        if (principal.isEmpty()) {
            problems.unauthenticated(request, response, "The API token is unknown, expired or revoked, or its holder "
                    + "is no longer active.");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
                principal.get().authorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<VigilPrincipal> lookUp(byte[] tokenHash) {
        return transactions.execute(status -> credentials.tokenHolder(tokenHash))
                .flatMap(holder -> principals.activePrincipal(holder.userId(), holder.organisationId()));
    }
}
