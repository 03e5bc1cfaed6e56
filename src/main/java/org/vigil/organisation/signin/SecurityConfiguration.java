package org.vigil.organisation.signin;

import java.util.List;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.organisation.persistence.CredentialStore;

/**
 * Who may reach what. Two filter chains:
 * <ul>
 *   <li>{@code /api/**}: stateless, personal API tokens ({@code Authorization: Bearer}), no cookies and therefore no
 *       CSRF token; errors as {@code application/problem+json}.</li>
 *   <li>everything else: pages with form sign-in, a session cookie ({@code Secure}, {@code HttpOnly},
 *       {@code SameSite=Lax}), CSRF protection on every form and htmx request, and a strict content security
 *       policy.</li>
 * </ul>
 * Which roles may call an endpoint is declared on the endpoint itself ({@code @RolesAllowed} or {@code @PermitAll}
 * for any signed-in user); an endpoint without a declaration is refused (see {@code DeclaredAccessGuard}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties({SignInProperties.class, VigilSecurityProperties.class})
public class SecurityConfiguration {

    /** Paths anyone may open without signing in. */
    public static final List<String> PUBLIC_PATHS = List.of("/login", "/invitations/**", "/webjars/**", "/css/**",
            "/js/**", "/images/**", "/favicon.ico", "/error", "/actuator/health", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**",
            // Calendar apps cannot sign in: the secret in the path is the credential (org.vigil.deadline.web).
            "/calendar/**");

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    // The filter chains exist only in the server: subcommands run without a web server, hence without HttpSecurity.
    @Bean
    @Order(1)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain apiFilterChain(HttpSecurity http, CredentialStore credentials, PrincipalLoader principals,
            TransactionTemplate transactions, ApiTokenPrincipals recentTokens, ProblemResponses problems)
            throws Exception {
        var tokens = new ApiTokenAuthenticationFilter(credentials, principals, transactions, recentTokens, problems);
        return http
                .securityMatcher("/api/**")
                // Bearer tokens are never sent automatically by a browser, so cross-site request forgery does not
                // apply to this chain.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(tokens, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain webFilterChain(HttpSecurity http, SessionRegistry sessions) throws Exception {
        var apiBrowser = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
        // Sign-in uses the one global AuthenticationManager, built from the VigilAuthenticationProvider bean. Adding
        // the provider here as well would make a failed attempt count twice (local manager, then its parent).
        return http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(PUBLIC_PATHS.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(signInFailure())
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").deleteCookies("VIGIL_SESSION"))
                .sessionManagement(session -> session
                        .sessionFixation(fixation -> fixation.migrateSession())
                        .maximumSessions(-1)
                        .sessionRegistry(sessions)
                        .expiredUrl("/login?ended"))
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(apiBrowser),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        // The bundled API browser (Swagger UI) sets inline styles; it shows no Vigil data.
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(apiBrowser,
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY
                                        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"))))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    private static AuthenticationFailureHandler signInFailure() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (exception instanceof DisabledException ? "/login?deactivated" : "/login?error"));
    }
}
