package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.lang.reflect.AnnotatedElement;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;
import org.vigil.audit.AuditTrail;
import org.vigil.device.DeviceRegister;
import org.vigil.notification.NoticeContent;
import org.vigil.notification.Notifications;
import org.vigil.organisation.Accounts;
import org.vigil.organisation.InvitedUser;
import org.vigil.organisation.NewUser;
import org.vigil.organisation.OrganisationManagement;
import org.vigil.organisation.OrganisationView;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.UserStatus;
import org.vigil.organisation.signin.SecurityConfiguration;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Role;
import org.vigil.shared.UserId;
import org.vigil.support.DeviceFixtures;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;
import org.vigil.support.TestData.Person;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what, proven for every endpoint Vigil maps, through the real security filter chains: access to the
 * system is limited to authorised individuals (21 CFR 11.10(d)) and every operation checks the caller's authority
 * (21 CFR 11.10(g)).
 *
 * <p>The endpoints are not listed here: they are read from Spring MVC's handler mapping, so a new controller method
 * is in the matrix the moment it exists. The matrix fails when an endpoint declares no access rule
 * ({@code @RolesAllowed}, {@code @PermitAll} or {@code @DenyAll}), names a path variable the matrix cannot fill
 * ({@link #PATH_FIXTURES}) or writes without a sample request ({@link #SAMPLES}), each time saying what to add.
 *
 * <ul>
 *   <li><b>Access matrix.</b> Every endpoint and HTTP method is called by nobody and by one person per role (each in
 *       an organisation whose kind permits that role): anonymous callers get 401 {@code application/problem+json}
 *       from the API and are sent to {@code /login} by pages, except on public paths; roles the declaration leaves
 *       out get 403; roles it lets in get neither 401 nor 403, and never a server error.</li>
 *   <li><b>Foreign tenant.</b> For every endpoint whose path names a record, a person of another organisation
 *       asking for organisation A's record gets exactly the answer given for a record that does not exist (404),
 *       even when writing with a valid body, and A's records are unchanged afterwards. The legitimate exceptions
 *       are listed, with their reason, in {@link #LEGITIMATE_REACH}.</li>
 * </ul>
 */
@IntegrationTest
@AutoConfigureMockMvc
class EndpointAccessMatrixTests {

    @Autowired
    Notifications notifications;
    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;
    @Autowired
    TestData testData;
    @Autowired
    Accounts accounts;
    @Autowired
    UserManagement users;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    DeviceRegister deviceRegister;
    @Autowired
    org.vigil.device.importing.DeviceImportFixtures deviceImportFixtures;
    @Autowired
    org.vigil.casework.CaseFixtures caseFixtures;
    @Autowired
    org.vigil.deadline.ObligationFixtures obligationFixtures;
    @Autowired
    org.vigil.mir.MirFixtures mirFixtures;
    @Autowired
    org.vigil.incident.persistence.ReportRecords reportRecords;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;
    @Autowired
    org.vigil.deadline.board.BoardWorld boardWorld;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // ------------------------------------------------------------------------------------------------------------
    // The tests
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void every_vigil_endpoint_declares_who_may_call_it_and_the_matrix_can_fill_its_path_and_body() {
        var endpoints = vigilEndpoints();
        assertThat(endpoints).as("Vigil's endpoints, read from the handler mapping").isNotEmpty();
        assertThat(endpoints.stream().flatMap(endpoint -> problemsWith(endpoint).stream()).toList())
                .as("endpoints the matrix cannot check").isEmpty();
    }

    @TestFactory
    Stream<DynamicNode> every_endpoint_answers_nobody_and_each_role_as_its_declaration_says() {
        var world = buildWorld();
        return vigilEndpoints().stream().<DynamicNode>map(endpoint -> {
            var problems = problemsWith(endpoint);
            if (!problems.isEmpty()) {
                return dynamicTest(endpoint + " can be checked", () -> fail(String.join("\n", problems)));
            }
            var declaration = Declaration.of(endpoint.handler()).orElseThrow();
            return dynamicContainer(endpoint + " " + declaration, world.callers().stream()
                    .map(caller -> dynamicTest(expectationName(endpoint, declaration, caller),
                            () -> assertAccess(endpoint, declaration, caller, world))));
        });
    }

    @TestFactory
    Stream<DynamicNode> another_organisations_record_is_answered_as_if_it_did_not_exist() {
        var world = buildWorld();
        return Stream.of(
                dynamicContainer("organisation A's records exist and are visible to A", recordsOfAAreReal(world.a())),
                dynamicContainer("A's records named in the path", recordsNamedInThePath(world)),
                dynamicContainer("audit history of A's records that are not people", historyOfOtherRecords(world)),
                dynamicContainer("A named in a query or a body", organisationNamedInQueryOrBody(world)),
                dynamicContainer("organisation A's records are unchanged afterwards",
                        recordsOfAAreUnchanged(world.a())));
    }

    /** Without this, a 404 for A's records could merely mean the fixtures point nowhere. */
    private Stream<DynamicNode> recordsOfAAreReal(OrganisationA a) {
        return Stream.of(
                dynamicTest("A's administrator reads A's member", () -> assertThat(send(get(
                        "/api/v1/users/" + a.member().principal().userId()), a.admin()).status()).isEqualTo(200)),
                dynamicTest("A's administrator reads the history of A's member", () -> assertThat(send(get(
                        "/api/v1/audit/records/user/" + a.member().principal().userId()), a.admin()).status())
                        .isEqualTo(200)),
                dynamicTest("A's member sees their API token", () -> assertThat(testData.as(a.member().principal(),
                        accounts::tokens)).extracting(token -> token.id()).contains(a.seenByTenants().apiTokenId())),
                dynamicTest("A's one-time link opens", () -> assertThat(send(get(
                        "/invitations/" + a.seenByTenants().oneTimeLink()), new Anonymous()).status())
                        .isEqualTo(200)));
    }

    private Stream<DynamicNode> recordsNamedInThePath(World world) {
        return vigilEndpoints().stream().filter(Endpoint::namesARecord).map(endpoint -> {
            var problems = problemsWith(endpoint);
            if (!problems.isEmpty()) {
                return dynamicTest(endpoint + " can be checked", () -> fail(String.join("\n", problems)));
            }
            var declaration = Declaration.of(endpoint.handler()).orElseThrow();
            return dynamicContainer(endpoint.toString(), world.testers().stream()
                    .filter(tester -> declaration.allows(tester.role()))
                    .map(tester -> foreignCell(endpoint, tester, world)));
        });
    }

    private Stream<DynamicNode> historyOfOtherRecords(World world) {
        return Stream.of("/api/v1/audit/records", "/history").flatMap(base -> world.testers().stream()
                .flatMap(tester -> Stream.of(
                        auditHistoryCell(base, "api-token", Holdings::apiTokenId, tester, world),
                        auditHistoryCell(base, "organisation", holdings -> holdings.organisation().id().value(),
                                tester, world))));
    }

    private Stream<DynamicNode> organisationNamedInQueryOrBody(World world) {
        return Stream.of(Role.ORGANISATION_ADMIN, Role.PLATFORM_ADMIN).map(world::tester).flatMap(tester -> Stream.of(
                namedOrganisationCell("GET /api/v1/users?organisation=", tester, world,
                        organisation -> get("/api/v1/users?organisation=" + organisation)),
                namedOrganisationCell("POST /api/v1/users naming the organisation", tester, world,
                        organisation -> new Request(HttpMethod.POST, "/api/v1/users",
                                Body.json(newMember(organisation, Role.REPORTER)))),
                namedOrganisationCell("POST /admin/users naming the organisation", tester, world,
                        organisation -> new Request(HttpMethod.POST, "/admin/users",
                                Body.form(newMember(organisation, Role.REPORTER))))));
    }

    private Stream<DynamicNode> recordsOfAAreUnchanged(OrganisationA a) {
        return Stream.of(
                dynamicTest("A's member is still active and holds exactly the roles they held", () -> {
                    var member = testData.asPlatform(() -> users.get(a.member().principal().userId()));
                    assertThat(member.status()).isEqualTo(UserStatus.ACTIVE);
                    assertThat(member.roles()).containsExactly(Role.REPORTER);
                }),
                dynamicTest("A's member's API token is not revoked and still signs them in", () -> {
                    assertThat(testData.as(a.member().principal(), accounts::tokens))
                            .filteredOn(token -> token.id().equals(a.seenByTenants().apiTokenId()))
                            .singleElement().satisfies(token -> assertThat(token.revokedAt()).isNull());
                    assertThat(send(get("/api/v1/account"), a.member()).status()).isEqualTo(200);
                }),
                dynamicTest("A's name, country and SRN are as registered", () -> assertThat(testData.asPlatform(
                        () -> organisations.get(a.organisation().id()))).isEqualTo(a.organisation())),
                dynamicTest("A's invitee is still invited and their one-time link still usable", () -> {
                    assertThat(testData.asPlatform(() -> users.get(a.invitee())).status())
                            .isEqualTo(UserStatus.INVITED);
                    assertThat(accounts.linkDetails(a.seenByTenants().oneTimeLink()))
                            .hasValueSatisfying(details -> assertThat(details.usable()).isTrue());
                }),
                dynamicTest("the history of A's member has no entry beyond those made while setting up", () ->
                        assertThat(historyLength(a.member().principal().userId()))
                                .isEqualTo(a.memberHistoryLength())));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Access matrix: nobody and each role, against the declaration
    // ------------------------------------------------------------------------------------------------------------

    private void assertAccess(Endpoint endpoint, Declaration declaration, Caller caller, World world) {
        var target = world.own(caller);
        var request = new Request(endpoint.method(), fill(endpoint, target), sample(endpoint).of(target, caller));
        var answer = send(request, caller);
        String cell = request.method() + " " + request.path() + " as " + caller.name() + " answered " + answer;
        if (caller instanceof Tester tester && declaration.allows(tester.role())) {
            assertThat(answer.status()).as("%s: a role the declaration lets in must not be refused", cell)
                    .isNotIn(401, 403);
            assertThat(answer.redirectsToSignIn()).as("%s: a signed-in person must not be sent to sign in", cell)
                    .isFalse();
            assertThat(answer.isServerError()).as("%s: no server error", cell).isFalse();
        } else if (caller instanceof Tester) {
            assertThat(answer.status()).as("%s: a role the declaration leaves out must be refused", cell)
                    .isEqualTo(403);
            if (endpoint.isApi()) {
                assertThat(answer.isProblem()).as("%s: API refusals are application/problem+json", cell).isTrue();
            }
        } else if (anyoneMayOpen(endpoint, declaration, request.path())) {
            assertThat(answer.status()).as("%s: a public path needs no sign-in", cell).isNotIn(401, 403);
            assertThat(answer.redirectsToSignIn()).as("%s: a public path needs no sign-in", cell).isFalse();
            assertThat(answer.isServerError()).as("%s: no server error", cell).isFalse();
        } else if (endpoint.isApi()) {
            assertThat(answer.status()).as("%s: the API asks anonymous callers for a token", cell).isEqualTo(401);
            assertThat(answer.isProblem()).as("%s: API refusals are application/problem+json", cell).isTrue();
        } else {
            assertThat(answer.redirectsToSignIn()).as("%s: pages send anonymous visitors to sign in", cell)
                    .isTrue();
        }
    }

    /** Public paths ({@link SecurityConfiguration#PUBLIC_PATHS}) of {@code @PermitAll} pages are open to anyone. */
    private static boolean anyoneMayOpen(Endpoint endpoint, Declaration declaration, String path) {
        var requested = PathContainer.parsePath(path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
        return !endpoint.isApi() && declaration.permitsAll() && SecurityConfiguration.PUBLIC_PATHS.stream()
                .anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern).matches(requested));
    }

    private static String expectationName(Endpoint endpoint, Declaration declaration, Caller caller) {
        if (caller instanceof Tester tester) {
            return declaration.allows(tester.role()) ? tester.name() + " is let through"
                    : tester.name() + " is refused with 403";
        }
        if (anyoneMayOpen(endpoint, declaration, endpoint.pattern())) {
            return "anonymous may open this public path";
        }
        return endpoint.isApi() ? "anonymous gets 401" : "anonymous is sent to sign in";
    }

    // ------------------------------------------------------------------------------------------------------------
    // Foreign tenant: organisation A's records asked for by people of other organisations
    // ------------------------------------------------------------------------------------------------------------

    /**
     * Where one organisation legitimately reaches another's record. Everything not listed here must answer as if the
     * record did not exist.
     */
    record LegitimateReach(String why, BiPredicate<Endpoint, Role> appliesTo) {
    }

    static final LegitimateReach SHARED_DIRECTORY = new LegitimateReach(
            "the organisation directory is shared by design: every signed-in person reads every organisation "
                    + "(policy organisation_directory USING (true))",
            (endpoint, role) -> HttpMethod.GET.equals(endpoint.method())
                    && endpoint.pattern().startsWith("/api/v1/organisations/"));

    static final LegitimateReach ONE_TIME_LINK = new LegitimateReach(
            "a one-time link is a bearer capability: its secret is the authorisation, whoever holds it and whatever "
                    + "their organisation",
            (endpoint, role) -> endpoint.pathVariables().contains("token"));

    static final LegitimateReach PLATFORM_ADMINISTRATION = new LegitimateReach(
            "platform scope administers every organisation and its people (policies user_account_tenant and "
                    + "organisation_edited_by_platform: OR vigil_platform_scope())",
            (endpoint, role) -> role == Role.PLATFORM_ADMIN && (endpoint.pathVariables().contains("userId")
                    || endpoint.pathVariables().contains("organisationId")));

    /**
     * What the audit policy guarantees (db/migration/audit/V1__audit_trail.sql, audit_entry_readable): an organisation
     * reads the entries with its own org_id and those of records exchanged with it; platform scope reads the history
     * of the records it administers, people and organisations, and nothing else (the chain check reads every entry in
     * a scope of its own that no request can take). The generic cells fill {@code {recordType}} with {@code user};
     * {@link #auditHistoryCell} covers the other record types.
     */
    static final LegitimateReach PLATFORM_AUDIT = new LegitimateReach(
            "platform scope reads the history of people and organisations it administers (policy "
                    + "audit_entry_readable: OR vigil_platform_scope() AND record_type IN ('organisation', 'user', "
                    + "'terminology'))",
            (endpoint, role) -> role == Role.PLATFORM_ADMIN && endpoint.pathVariables().contains("recordId"));

    /** The record types whose history platform scope reads across organisations. */
    static final java.util.Set<String> PLATFORM_ADMINISTERED = java.util.Set.of("organisation", "user", "terminology");

    static final LegitimateReach TERMINOLOGY = new LegitimateReach(
            "IMDRF annexes and terms and EMDN terms are reference data of the whole platform, not of an organisation "
                    + "(tables without org_id, db/migration/terminology): every organisation reads the same terms",
            (endpoint, role) -> endpoint.pathVariables().stream()
                    .anyMatch(variable -> Set.of("annex", "imdrfCode", "emdnCode").contains(variable)));

    static final LegitimateReach DEVICE_REGISTER = new LegitimateReach(
            "device master data is public (MDR Art. 33(5)): every signed-in organisation reads every Basic UDI-DI "
                    + "and UDI-DI (policies basic_udi_di_public, udi_di_public); units placed and the owner's edit "
                    + "forms stay the owner's",
            (endpoint, role) -> HttpMethod.GET.equals(endpoint.method())
                    && (endpoint.pathVariables().contains("basicUdiDiId")
                            || endpoint.pathVariables().contains("udiDiId"))
                    && !endpoint.pattern().contains("units-placed") && !endpoint.pattern().endsWith("/edit")
                    && !endpoint.pattern().endsWith("/new"));

    static final LegitimateReach CALENDAR_FEED = new LegitimateReach(
            "a calendar feed address is a bearer capability (calendar apps cannot sign in): its secret is the "
                    + "authorisation, whoever holds it, and it shows its owner's deadlines only",
            (endpoint, role) -> endpoint.pathVariables().contains("feedToken"));

    static final LegitimateReach HOLIDAY_CALENDARS = new LegitimateReach(
            "holiday calendars are reference data of the whole platform (table holiday_change without org_id, "
                    + "db/migration/deadline/V3): every organisation counts working days on the same calendars",
            (endpoint, role) -> endpoint.pathVariables().contains("country"));

    static final List<LegitimateReach> LEGITIMATE_REACH = List.of(SHARED_DIRECTORY, ONE_TIME_LINK,
            PLATFORM_ADMINISTRATION, PLATFORM_AUDIT, TERMINOLOGY, DEVICE_REGISTER, CALENDAR_FEED, HOLIDAY_CALENDARS);

    private static Optional<LegitimateReach> legitimateReach(Endpoint endpoint, Role role) {
        return LEGITIMATE_REACH.stream().filter(reach -> reach.appliesTo().test(endpoint, role)).findFirst();
    }

    private DynamicNode foreignCell(Endpoint endpoint, Tester tester, World world) {
        var reach = legitimateReach(endpoint, tester.role());
        String name = reach.isPresent() ? tester.name() + " reaches organisation A's record legitimately"
                : tester.name() + " of another organisation gets the same 404 as for a record that does not exist";
        return dynamicTest(name, () -> {
            var own = tester.own();
            var foreign = world.foreign(tester);
            var foreignBody = sample(endpoint).of(foreign, tester);
            assertForeignAnswer(tester, reach,
                    new Request(endpoint.method(), fill(endpoint, own), sample(endpoint).of(own, tester)),
                    new Request(endpoint.method(), fill(endpoint, foreign), foreignBody),
                    new Request(endpoint.method(), fillNonexistent(endpoint), foreignBody));
        });
    }

    /** The history of one of A's records of another kind than a person: tokens, the organisation itself. */
    private DynamicNode auditHistoryCell(String base, String recordType, Function<Holdings, UUID> recordId,
            Tester tester, World world) {
        var endpoint = vigilEndpoints().stream()
                .filter(candidate -> candidate.pattern().equals(base + "/{recordType}/{recordId}")).findFirst()
                .orElseThrow(() -> new AssertionError("No endpoint " + base + "/{recordType}/{recordId} any more"));
        var reach = legitimateReach(endpoint, tester.role())
                .filter(found -> found != PLATFORM_AUDIT || PLATFORM_ADMINISTERED.contains(recordType));
        String name = "GET " + base + "/" + recordType + "/… as " + tester.name()
                + (reach.isPresent() ? " reaches A's history legitimately" : " answers as for no such record");
        return dynamicTest(name, () -> assertForeignAnswer(tester, reach,
                get(base + "/" + recordType + "/" + recordId.apply(tester.own())),
                get(base + "/" + recordType + "/" + recordId.apply(world.foreign(tester))),
                get(base + "/" + recordType + "/" + UUID.randomUUID())));
    }

    /** Organisation A named in a query parameter or request body rather than in the path. */
    private DynamicNode namedOrganisationCell(String what, Tester tester, World world,
            Function<UUID, Request> naming) {
        boolean platform = tester.role() == Role.PLATFORM_ADMIN;
        var reach = platform ? Optional.of(PLATFORM_ADMINISTRATION) : Optional.<LegitimateReach>empty();
        return dynamicTest(what + " as " + tester.name() + (platform ? " reaches organisation A legitimately"
                : " answers as for an organisation that does not exist"), () -> assertForeignAnswer(tester, reach,
                naming.apply(tester.own().organisation().id().value()),
                naming.apply(world.a().organisation().id().value()),
                naming.apply(UUID.randomUUID())));
    }

    private void assertForeignAnswer(Tester tester, Optional<LegitimateReach> reach, Request own, Request foreign,
            Request nonexistent) {
        var ownAnswer = send(own, tester);
        var foreignAnswer = send(foreign, tester);
        var nonexistentAnswer = send(nonexistent, tester);
        String cells = "\n  own record:         " + own + " -> " + ownAnswer
                + "\n  A's record:         " + foreign + " -> " + foreignAnswer
                + "\n  no such record:     " + nonexistent + " -> " + nonexistentAnswer;
        assertThat(nonexistentAnswer.status()).as("a record that does not exist answers 404%s", cells)
                .isEqualTo(404);
        if (reach.isPresent()) {
            assertThat(foreignAnswer.status()).as("%s, so A's record is reached%s", reach.get().why(), cells)
                    .isNotIn(401, 403, 404).isLessThan(500);
            if (HttpMethod.GET.equals(foreign.method())) {
                assertThat(foreignAnswer.status()).as("%s%s", reach.get().why(), cells).isEqualTo(200);
            }
            return;
        }
        assertThat(ownAnswer.status()).as("the caller's own record is found, so a 404 for A's means A's is "
                + "hidden and not that the request is broken%s", cells).isNotIn(401, 403, 404).isLessThan(500);
        assertThat(foreignAnswer.observable()).as("A's record must be indistinguishable from no record at all%s",
                cells).isEqualTo(nonexistentAnswer.observable());
    }

    private int historyLength(UserId user) {
        return testData.asPlatform(() -> auditTrail.history(RecordRef.of("user", user.value()))).size();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Endpoints and their declarations, read from Spring MVC
    // ------------------------------------------------------------------------------------------------------------

    /** One mapped path and HTTP method of one of Vigil's own controllers. */
    record Endpoint(HttpMethod method, String pattern, HandlerMethod handler) {

        private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        boolean writes() {
            return !HttpMethod.GET.equals(method);
        }

        List<String> pathVariables() {
            return VARIABLE.matcher(pattern).results().map(match -> match.group(1)).toList();
        }

        boolean namesARecord() {
            return !pathVariables().isEmpty();
        }

        String key() {
            return method.name() + " " + pattern;
        }

        String handlerName() {
            return handler.getBeanType().getName() + "#" + handler.getMethod().getName();
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** Who an endpoint lets in: {@code @DenyAll}, {@code @PermitAll} or {@code @RolesAllowed}, method before class. */
    record Declaration(String annotation, Set<Role> allowed) {

        static Optional<Declaration> of(HandlerMethod handler) {
            for (AnnotatedElement element : List.<AnnotatedElement>of(handler.getMethod(), handler.getBeanType())) {
                if (AnnotatedElementUtils.hasAnnotation(element, DenyAll.class)) {
                    return Optional.of(new Declaration("@DenyAll", EnumSet.noneOf(Role.class)));
                }
                if (AnnotatedElementUtils.hasAnnotation(element, PermitAll.class)) {
                    return Optional.of(new Declaration("@PermitAll", EnumSet.allOf(Role.class)));
                }
                var rolesAllowed = AnnotatedElementUtils.findMergedAnnotation(element, RolesAllowed.class);
                if (rolesAllowed != null) {
                    var roles = EnumSet.noneOf(Role.class);
                    for (String name : rolesAllowed.value()) {
                        roles.add(Arrays.stream(Role.values()).filter(role -> role.name().equals(name)).findFirst()
                                .orElseThrow(() -> new AssertionError(handler.getShortLogMessage()
                                        + " allows role \"" + name + "\", which is no Vigil role: nobody could ever "
                                        + "call it. Use a name of org.vigil.shared.Role.")));
                    }
                    return Optional.of(new Declaration("@RolesAllowed", roles));
                }
            }
            return Optional.empty();
        }

        boolean allows(Role role) {
            return allowed.contains(role);
        }

        boolean permitsAll() {
            return annotation.equals("@PermitAll");
        }

        @Override
        public String toString() {
            return annotation + (annotation.equals("@RolesAllowed") ? " " + allowed : "");
        }
    }

    private List<Endpoint> vigilEndpoints() {
        var endpoints = new ArrayList<Endpoint>();
        handlerMapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getName().startsWith("org.vigil.")) {
                return;
            }
            Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
            // A mapping without a method (the error page) answers every method: check the two a browser sends.
            List<HttpMethod> methods = declared.isEmpty() ? List.of(HttpMethod.GET, HttpMethod.POST)
                    : declared.stream().map(RequestMethod::asHttpMethod).toList();
            for (String pattern : info.getPatternValues()) {
                methods.forEach(method -> endpoints.add(new Endpoint(method, pattern, handler)));
            }
        });
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(endpoint -> endpoint.method().name()));
        return endpoints;
    }

    /** Why the matrix cannot check {@code endpoint}, each with what to add; empty when it can. */
    private static List<String> problemsWith(Endpoint endpoint) {
        var problems = new ArrayList<String>();
        try {
            if (Declaration.of(endpoint.handler()).isEmpty()) {
                problems.add(endpoint + " (" + endpoint.handlerName() + ") declares no access rule: add "
                        + "@RolesAllowed, @PermitAll or @DenyAll to the method or its class.");
            }
        } catch (AssertionError e) {
            problems.add(endpoint + ": " + e.getMessage());
        }
        for (String variable : endpoint.pathVariables()) {
            if (!PATH_FIXTURES.containsKey(variable)) {
                problems.add(endpoint + " names path variable {" + variable + "}, which the matrix cannot fill: add "
                        + "a PathFixture for \"" + variable + "\" to EndpointAccessMatrixTests.PATH_FIXTURES (the "
                        + "caller's own record, organisation A's record, an id that does not exist), and if another "
                        + "organisation may legitimately reach it, a LegitimateReach saying why.");
            }
        }
        if (endpoint.writes() && !SAMPLES.containsKey(endpoint.key())) {
            problems.add(endpoint + " has no sample request: add \"" + endpoint.key() + "\" to "
                    + "EndpointAccessMatrixTests.SAMPLES with a valid body (Body.none() if it takes none).");
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Fixtures: what fills path variables, and sample bodies of writes
    // ------------------------------------------------------------------------------------------------------------

    /** The records of one organisation that path variables are filled with. */
    record Holdings(OrganisationView organisation, UserId member, UUID apiTokenId, String oneTimeLink,
            UUID noticeId) {
    }

    /**
     * Fills one path variable: with a record of the given holdings (the caller's own, or organisation A's), or with an
     * id no record has.
     */
    record PathFixture(Function<Holdings, String> recordOf, Supplier<String> nonexistent) {
    }

    private static final Supplier<String> RANDOM_ID = () -> UUID.randomUUID().toString();

    static final Map<String, PathFixture> PATH_FIXTURES = Map.ofEntries(
            Map.entry("userId", new PathFixture(holdings -> holdings.member().toString(), RANDOM_ID)),
            Map.entry("organisationId", new PathFixture(holdings -> holdings.organisation().id().toString(), RANDOM_ID)),
            // The caller's own token when it is theirs; for A, a token of A's member.
            Map.entry("tokenId", new PathFixture(holdings -> holdings.apiTokenId().toString(), RANDOM_ID)),
            // The audit history of a member's user record; other record types: auditHistoryCell.
            Map.entry("recordType", new PathFixture(holdings -> "user", () -> "user")),
            Map.entry("recordId", new PathFixture(holdings -> holdings.member().toString(), RANDOM_ID)),
            Map.entry("token", new PathFixture(Holdings::oneTimeLink, () -> "matrix-unknown-link-" + UUID.randomUUID())),
            // The caller's own notice; for A, a notice of A's member.
            Map.entry("noticeId", new PathFixture(holdings -> holdings.noticeId().toString(), RANDOM_ID)),
            // Terminologies are platform-wide reference data (see TERMINOLOGY): everyone's record is the same term.
            Map.entry("annex", new PathFixture(holdings -> "A", () -> "Z")),
            Map.entry("imdrfCode", new PathFixture(holdings -> "A0101", () -> "A999999")),
            Map.entry("emdnCode", new PathFixture(holdings -> "A0101", () -> "Z999999")),
            // A device registered for the organisation (A is a hospital: Vigil registers it for A directly).
            Map.entry("basicUdiDiId", new PathFixture(holdings -> DeviceFixtures.deviceOf(holdings.organisation().id())
                    .basicUdiDiId().toString(), RANDOM_ID)),
            Map.entry("udiDiId", new PathFixture(holdings -> DeviceFixtures.deviceOf(holdings.organisation().id())
                    .udiDiId().toString(), RANDOM_ID)),
            // A device import of the organisation (org.vigil.device.importing), made on first use.
            Map.entry("importId", new PathFixture(holdings -> org.vigil.device.importing.DeviceImportFixtures.importOf(
                    holdings.organisation()), RANDOM_ID)),
            // A submitted incident report of the organisation, with one attachment (org.vigil.support.IncidentFixtures).
            Map.entry("reportId", new PathFixture(holdings -> org.vigil.support.IncidentFixtures.reportOf(
                    holdings.organisation().id(), holdings.member()).reportId().toString(), RANDOM_ID)),
            Map.entry("attachmentId", new PathFixture(holdings -> org.vigil.support.IncidentFixtures.reportOf(
                    holdings.organisation().id(), holdings.member()).attachmentId().toString(), RANDOM_ID)),
            // A case of the organisation's (org.vigil.casework.CaseFixtures): a hospital's own case, or for a
            // manufacturer a hospital's case shared with it; made on first use by submitting a report.
            Map.entry("caseId", new PathFixture(holdings -> org.vigil.casework.CaseFixtures.caseOf(
                    holdings.organisation()).caseId().toString(), RANDOM_ID)),
            Map.entry("caseReportId", new PathFixture(holdings -> org.vigil.casework.CaseFixtures.caseOf(
                    holdings.organisation()).reportId().toString(), RANDOM_ID)),
            // An obligation the organisation holds as duty holder (org.vigil.deadline.ObligationFixtures).
            Map.entry("obligationId", new PathFixture(holdings -> org.vigil.deadline.ObligationFixtures.obligationOf(
                    holdings.organisation()).toString(), RANDOM_ID)),
            // A submitted incident report of a manufacturer's (org.vigil.mir.MirFixtures), its versions and submission.
            Map.entry("mirReportId", new PathFixture(holdings -> org.vigil.mir.MirFixtures.reportOf(
                    holdings.organisation()).mirReportId().toString(), RANDOM_ID)),
            Map.entry("submissionId", new PathFixture(holdings -> org.vigil.mir.MirFixtures.reportOf(
                    holdings.organisation()).submissionId().toString(), RANDOM_ID)),
            Map.entry("version", new PathFixture(holdings -> "2", () -> "999")),
            // A device return step: the manufacturer's first one (refused as 400 for the hospital side).
            Map.entry("step", new PathFixture(holdings -> "request", () -> "request")),
            // Holiday calendars are the platform's (see HOLIDAY_CALENDARS); "Q1" is no country code.
            Map.entry("country", new PathFixture(holdings -> "US", () -> "Q1")),
            // A live calendar feed address (see CALENDAR_FEED), made on first use.
            Map.entry("feedToken", new PathFixture(holdings -> org.vigil.deadline.board.BoardWorld.feedOf(
                    holdings.organisation()), () -> "vcal_matrixunknown" + UUID.randomUUID().toString()
                    .replace("-", ""))));

    private static String fill(Endpoint endpoint, Holdings holdings) {
        return fill(endpoint, fixture -> fixture.recordOf().apply(holdings));
    }

    private static String fillNonexistent(Endpoint endpoint) {
        return fill(endpoint, fixture -> fixture.nonexistent().get());
    }

    private static String fill(Endpoint endpoint, Function<PathFixture, String> value) {
        return Endpoint.VARIABLE.matcher(endpoint.pattern()).replaceAll(match -> value.apply(
                PATH_FIXTURES.get(match.group(1))));
    }

    /** A request body: JSON for the API, form fields for pages, or none. */
    record Body(String json, Map<String, Object> form) {

        static Body none() {
            return new Body(null, Map.of());
        }

        static Body json(Map<String, ?> fields) {
            return new Body(JSON.writeValueAsString(fields), Map.of());
        }

        static Body form(Map<String, ?> fields) {
            return new Body(null, new LinkedHashMap<String, Object>(fields));
        }

        void applyTo(MockHttpServletRequestBuilder request) {
            if (json != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(json);
            } else if (!form.isEmpty()) {
                request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
                form.forEach((name, value) -> {
                    if (value instanceof Collection<?> values) {
                        values.forEach(each -> request.param(name, String.valueOf(each)));
                    } else if (value != null) {
                        request.param(name, String.valueOf(value));
                    }
                });
            }
        }

        @Override
        public String toString() {
            return json != null ? " " + json : form.isEmpty() ? "" : " " + form;
        }
    }

    /** The body of a write aimed at {@code target}'s records and sent by {@code caller}. */
    interface Sample {
        Body of(Holdings target, Caller caller);
    }

    private static final String NEW_PASSWORD = "matrix rotates this password";

    static final Map<String, Sample> SAMPLES = Map.ofEntries(
            Map.entry("POST /api/v1/audit/verifications", (target, caller) -> Body.json(Map.of())),
            Map.entry("POST /admin/audit/verification", (target, caller) -> Body.none()),
            Map.entry("POST /api/v1/account/password", (target, caller) -> Body.json(passwordChange())),
            Map.entry("POST /account/password", (target, caller) -> Body.form(passwordChange())),
            Map.entry("POST /api/v1/account/tokens", (target, caller) -> Body.json(newToken())),
            Map.entry("POST /account/tokens", (target, caller) -> Body.form(newToken())),
            Map.entry("POST /api/v1/account/tokens/{tokenId}/revocation", (target, caller) -> Body.none()),
            Map.entry("POST /account/tokens/{tokenId}/revocation", (target, caller) -> Body.none()),
            // Choosing a password would use the link up; a refused choice shows the page without using it.
            Map.entry("POST /invitations/{token}", (target, caller) -> Body.form(refusedPasswordChoice())),
            Map.entry("POST /api/v1/organisations", (target, caller) -> Body.json(newOrganisation())),
            Map.entry("POST /admin/organisations", (target, caller) -> Body.form(newOrganisation())),
            // An edit that keeps the organisation as it is: the platform reaches A without rewriting it.
            Map.entry("PUT /api/v1/organisations/{organisationId}",
                    (target, caller) -> Body.json(detailsOf(target.organisation()))),
            Map.entry("POST /admin/organisations/{organisationId}",
                    (target, caller) -> Body.form(detailsOf(target.organisation()))),
            Map.entry("POST /api/v1/users", (target, caller) -> Body.json(newMember(null, ordinaryRoleOf(caller)))),
            Map.entry("POST /admin/users", (target, caller) -> Body.form(newMember(null, ordinaryRoleOf(caller)))),
            Map.entry("POST /api/v1/users/{userId}/roles",
                    (target, caller) -> Body.json(Map.of("role", Role.DEVICE_SAFETY_OFFICER))),
            Map.entry("POST /admin/users/{userId}/roles",
                    (target, caller) -> Body.form(Map.of("role", Role.DEVICE_SAFETY_OFFICER))),
            Map.entry("POST /api/v1/users/{userId}/role-withdrawals",
                    (target, caller) -> Body.json(Map.of("role", Role.REPORTER, "reason", "Matrix: role withdrawn"))),
            Map.entry("POST /admin/users/{userId}/role-withdrawals",
                    (target, caller) -> Body.form(Map.of("role", Role.REPORTER, "reason", "Matrix: role withdrawn"))),
            Map.entry("POST /api/v1/users/{userId}/deactivation",
                    (target, caller) -> Body.json(Map.of("reason", "Matrix: left the organisation"))),
            Map.entry("POST /admin/users/{userId}/deactivation",
                    (target, caller) -> Body.form(Map.of("reason", "Matrix: left the organisation"))),
            Map.entry("POST /api/v1/users/{userId}/reactivation",
                    (target, caller) -> Body.json(Map.of("reason", "Matrix: came back"))),
            Map.entry("POST /admin/users/{userId}/reactivation",
                    (target, caller) -> Body.form(Map.of("reason", "Matrix: came back"))),
            Map.entry("POST /api/v1/users/{userId}/links", (target, caller) -> Body.none()),
            Map.entry("POST /admin/users/{userId}/link", (target, caller) -> Body.none()),
            Map.entry("POST /error", (target, caller) -> Body.none()),
            // Obligations: a submission (the first ends it, later ones are refused as ended), a waiver signed with a
            // wrong password and an assignment without a person, both refused as 400.
            Map.entry("POST /api/v1/obligations/{obligationId}/submitted",
                    (target, caller) -> Body.json(Map.of("authorityReference", "MATRIX-1"))),
            Map.entry("POST /api/v1/obligations/{obligationId}/waiver",
                    (target, caller) -> Body.json(Map.of("reason", "Matrix", "password", "not the password"))),
            Map.entry("POST /api/v1/obligations/{obligationId}/assignee", (target, caller) -> Body.json(Map.of())),
            Map.entry("POST /api/v1/notifications/{noticeId}/read", (target, caller) -> Body.none()),
            Map.entry("POST /notifications/{noticeId}/read", (target, caller) -> Body.none()),
            Map.entry("POST /notifications/read", (target, caller) -> Body.none()),
            // Terminology uploads the checks refuse, so the shared database keeps the bundled releases.
            Map.entry("POST /api/v1/terminology/imdrf/{annex}/releases",
                    (target, caller) -> Body.json(Map.of("matrix", "not an IMDRF release"))),
            Map.entry("POST /api/v1/terminology/emdn/releases",
                    (target, caller) -> Body.json(Map.of("matrix", "not an EMDN release"))),
            Map.entry("POST /api/v1/terminology/crosswalk",
                    (target, caller) -> Body.json(Map.of("matrix", "not a crosswalk"))),
            Map.entry("POST /admin/terminology/imdrf",
                    (target, caller) -> Body.form(Map.of("annex", "A", "version", "matrix"))),
            Map.entry("POST /admin/terminology/emdn", (target, caller) -> Body.none()),
            Map.entry("POST /admin/terminology/crosswalk", (target, caller) -> Body.none()),
            Map.entry("POST /api/v1/udi/parse", (target, caller) -> Body.json(Map.of("scan",
                    "(01)09506000134352(17)271231(10)LOT42"))),
            Map.entry("POST /api/v1/basic-udi-dis", (target, caller) -> Body.json(DeviceFixtures.basicFields(
                    DeviceFixtures.gmn(), "Matrix device"))),
            Map.entry("POST /devices", (target, caller) -> Body.form(DeviceFixtures.basicFields(
                    DeviceFixtures.gmn(), "Matrix device"))),
            Map.entry("PUT /api/v1/basic-udi-dis/{basicUdiDiId}", (target, caller) -> Body.json(
                    DeviceFixtures.basicFields(deviceOf(target).basicUdiDi(), "Fixture device"))),
            Map.entry("POST /devices/{basicUdiDiId}", (target, caller) -> Body.form(
                    DeviceFixtures.basicFields(deviceOf(target).basicUdiDi(), "Fixture device"))),
            Map.entry("POST /api/v1/udi-dis", (target, caller) -> Body.json(DeviceFixtures.udiFields(
                    deviceOf(target).basicUdiDi(), DeviceFixtures.gtin(), "Matrix UDI-DI"))),
            Map.entry("POST /devices/{basicUdiDiId}/udi-dis", (target, caller) -> Body.form(
                    DeviceFixtures.udiFields(null, DeviceFixtures.gtin(), "Matrix UDI-DI"))),
            Map.entry("PUT /api/v1/udi-dis/{udiDiId}", (target, caller) -> Body.json(DeviceFixtures.udiFields(
                    deviceOf(target).basicUdiDi(), deviceOf(target).udiDi(), "Fixture trade name"))),
            Map.entry("POST /devices/udi-dis/{udiDiId}", (target, caller) -> Body.form(DeviceFixtures.udiFields(
                    null, deviceOf(target).udiDi(), "Fixture trade name"))),
            Map.entry("PUT /api/v1/udi-dis/{udiDiId}/markets", (target, caller) -> new Body(JSON.writeValueAsString(
                    List.of(Map.of("country", "DE", "from", "2024-01-01"))), Map.of())),
            Map.entry("POST /devices/udi-dis/{udiDiId}/markets",
                    (target, caller) -> Body.form(Map.of("markets", "DE, 2024-01-01"))),
            Map.entry("POST /api/v1/udi-dis/{udiDiId}/units-placed", (target, caller) -> Body.json(Map.of(
                    "country", "DE", "month", "2025-01", "units", 5))),
            Map.entry("POST /devices/udi-dis/{udiDiId}/units-placed", (target, caller) -> Body.form(Map.of(
                    "country", "DE", "month", "2025-01", "units", 5))),
            // Device imports: without a file both answer "choose a file" (400 problem / the form again), storing nothing.
            Map.entry("POST /api/v1/devices/imports", (target, caller) -> Body.none()),
            Map.entry("POST /devices/import", (target, caller) -> Body.none()),
            // Incident reports: the fixture report is submitted, so saving, submitting and attaching are refused
            // (400) without changing it; creating starts a draft of the caller's hospital.
            Map.entry("POST /api/v1/incident-reports", (target, caller) -> Body.json(Map.of("kind", "INCIDENT"))),
            Map.entry("PUT /api/v1/incident-reports/{reportId}", (target, caller) -> Body.json(Map.of("version", 1,
                    "content", Map.of("kind", "INCIDENT", "description", "matrix")))),
            Map.entry("POST /api/v1/incident-reports/{reportId}/submit",
                    (target, caller) -> Body.json(Map.of("version", 1))),
            Map.entry("POST /api/v1/incident-reports/{reportId}/attachments", (target, caller) -> Body.none()),
            Map.entry("POST /api/v1/incident-reports/{reportId}/authority-copy", (target, caller) -> Body.none()),
            Map.entry("POST /api/v1/fhir/AdverseEvent", (target, caller) -> Body.json(Map.of("resourceType",
                    "AdverseEvent", "actuality", "actual"))),
            Map.entry("POST /reports/new", (target, caller) -> Body.form(Map.of("kind", "INCIDENT"))),
            Map.entry("POST /reports/{reportId}/draft", (target, caller) -> Body.form(Map.of("version", 1,
                    "description", "matrix"))),
            Map.entry("POST /reports/{reportId}/submit", (target, caller) -> Body.form(Map.of("version", 1))),
            Map.entry("POST /reports/{reportId}/attachments", (target, caller) -> Body.none()),
            Map.entry("POST /reports/{reportId}/authority-copy", (target, caller) -> Body.none()),
            // Cases (org.vigil.casework): valid writes; those a side may not take answer 400 naming the field.
            Map.entry("POST /api/v1/cases/{caseId}/messages",
                    (target, caller) -> Body.json(Map.of("text", "Matrix message"))),
            Map.entry("POST /cases/{caseId}/messages", (target, caller) -> Body.form(Map.of("text", "Matrix message"))),
            Map.entry("POST /api/v1/cases/{caseId}/internal-notes",
                    (target, caller) -> Body.json(Map.of("text", "Matrix note"))),
            Map.entry("POST /cases/{caseId}/internal-notes",
                    (target, caller) -> Body.form(Map.of("text", "Matrix note"))),
            Map.entry("POST /api/v1/cases/{caseId}/status",
                    (target, caller) -> Body.json(Map.of("status", "UNDER_INVESTIGATION"))),
            Map.entry("POST /cases/{caseId}/status",
                    (target, caller) -> Body.form(Map.of("status", "UNDER_INVESTIGATION"))),
            Map.entry("POST /api/v1/cases/{caseId}/interim-advice", (target, caller) -> Body.json(Map.of(
                    "advice", "CONTINUE_USE", "text", "Matrix: no known risk"))),
            Map.entry("POST /cases/{caseId}/interim-advice", (target, caller) -> Body.form(Map.of(
                    "advice", "CONTINUE_USE", "text", "Matrix: no known risk"))),
            Map.entry("POST /api/v1/cases/{caseId}/device-return/{step}",
                    (target, caller) -> Body.json(Map.of("instructions", "Matrix: send it back"))),
            Map.entry("POST /cases/{caseId}/device-return/{step}",
                    (target, caller) -> Body.form(Map.of("detail", "Matrix: send it back"))),
            Map.entry("POST /api/v1/cases/{caseId}/outcome", (target, caller) -> Body.json(Map.of(
                    "outcome", "Matrix outcome", "rootCause", "Matrix root cause"))),
            Map.entry("POST /cases/{caseId}/outcome", (target, caller) -> Body.form(Map.of(
                    "outcome", "Matrix outcome", "rootCause", "Matrix root cause"))),
            // Reportability (org.vigil.reportability): a complete decision signed with the caller's password.
            Map.entry("POST /api/v1/cases/{caseId}/reportability", (target, caller) -> Body.json(Map.ofEntries(
                    Map.entry("incident", true), Map.entry("seriousOutcomes", List.of("HOSPITALISATION")),
                    Map.entry("publicHealthThreat", false), Map.entry("deteriorationAnticipated", false),
                    Map.entry("causality", "REASONABLY_POSSIBLE"), Map.entry("expectedSideEffect", false),
                    Map.entry("useContext", "NORMAL_USE"), Map.entry("rationale", "Matrix decision"),
                    Map.entry("incidentAwareAt", "2026-03-02T09:00:00"), Map.entry("incidentAwareZone", "Europe/Berlin"),
                    Map.entry("incidentCountry", "DE"), Map.entry("deviceKind", "MEDICAL_DEVICE"),
                    Map.entry("markets", List.of("EU")), Map.entry("manufacturerZone", "Europe/Berlin"),
                    Map.entry("changeReason", "Matrix change"), Map.entry("password", TestData.PASSWORD)))),
            Map.entry("POST /cases/{caseId}/reportability", (target, caller) -> Body.form(Map.ofEntries(
                    Map.entry("incident", "true"), Map.entry("seriousOutcomes", "HOSPITALISATION"),
                    Map.entry("publicHealthThreat", "false"), Map.entry("deteriorationAnticipated", "false"),
                    Map.entry("causality", "ESTABLISHED"), Map.entry("expectedSideEffect", "false"),
                    Map.entry("useContext", "NORMAL_USE"), Map.entry("rationale", "Matrix decision"),
                    Map.entry("incidentAwareAt", "2026-03-02T09:00"), Map.entry("incidentAwareZone", "Europe/Berlin"),
                    Map.entry("incidentCountry", "DE"), Map.entry("deviceKind", "MEDICAL_DEVICE"),
                    Map.entry("markets", "EU"), Map.entry("manufacturerZone", "Europe/Berlin"),
                    Map.entry("changeReason", "Matrix change"), Map.entry("password", TestData.PASSWORD)))),
            // Incident reports (org.vigil.mir): the fixture's report is submitted, so changes to it are refused (400)
            // after the access check; starting a report and recording an acknowledgement succeed.
            Map.entry("POST /api/v1/cases/{caseId}/mir-reports", (target, caller) -> Body.json(Map.of("type", "INITIAL"))),
            Map.entry("POST /cases/{caseId}/mir", (target, caller) -> Body.form(Map.of("type", "INITIAL"))),
            Map.entry("POST /api/v1/cases/{caseId}/mir-reports/import", (target, caller) -> Body.none()),
            Map.entry("POST /cases/{caseId}/mir/import", (target, caller) -> Body.form(Map.of())),
            Map.entry("POST /api/v1/mir-reports/{mirReportId}/versions", (target, caller) -> Body.json(Map.of(
                    "basedOn", 2, "values", Map.of("admin_info/ncaReportNo", "Matrix")))),
            Map.entry("POST /mir/{mirReportId}", (target, caller) -> Body.form(Map.of("basedOn", "2",
                    "admin_info/ncaReportNo", "Matrix"))),
            Map.entry("POST /api/v1/mir-reports/{mirReportId}/versions/import", (target, caller) -> Body.none()),
            Map.entry("POST /mir/{mirReportId}/import", (target, caller) -> Body.form(Map.of())),
            Map.entry("POST /api/v1/mir-reports/{mirReportId}/approval", (target, caller) -> Body.json(Map.of(
                    "version", 2, "password", TestData.PASSWORD))),
            Map.entry("POST /mir/{mirReportId}/approval", (target, caller) -> Body.form(Map.of("version", "2",
                    "password", TestData.PASSWORD))),
            Map.entry("POST /api/v1/mir-reports/{mirReportId}/submissions", (target, caller) -> Body.json(Map.of())),
            Map.entry("POST /mir/{mirReportId}/submissions", (target, caller) -> Body.form(Map.of())),
            Map.entry("POST /api/v1/mir-reports/{mirReportId}/submissions/{submissionId}/acknowledgement",
                    (target, caller) -> Body.json(Map.of("acknowledgement", "Matrix acknowledgement"))),
            Map.entry("POST /mir/{mirReportId}/submissions/{submissionId}/acknowledgement",
                    (target, caller) -> Body.form(Map.of("acknowledgement", "Matrix acknowledgement"))),
            Map.entry("POST /api/v1/mir-reports/{mirReportId}/submissions/{submissionId}/fda-acknowledgement",
                    (target, caller) -> Body.none()),
            Map.entry("POST /mir/{mirReportId}/submissions/{submissionId}/fda-acknowledgement",
                    (target, caller) -> Body.form(Map.of())),
            Map.entry("PUT /api/v1/mir-policy", (target, caller) -> Body.json(Map.of("fourEyes", false))),
            Map.entry("POST /mir/settings", (target, caller) -> Body.form(Map.of("fourEyes", "off"))),
            Map.entry("POST /api/v1/cases/{caseId}/clock-events", (target, caller) -> Body.json(Map.of(
                    "kind", "TREND_IDENTIFIED", "at", "2026-03-02T09:00:00", "zone", "Europe/Berlin"))),
            Map.entry("POST /cases/{caseId}/reportability/events", (target, caller) -> Body.form(Map.of(
                    "kind", "TREND_IDENTIFIED", "at", "2026-03-02T09:00", "zone", "Europe/Berlin"))),
            Map.entry("POST /cases/{caseId}/user-facility/events", (target, caller) -> Body.form(Map.of(
                    "kind", "USER_FACILITY_SERIOUS_INJURY", "at", "2026-03-02T09:00", "zone", "America/Chicago"))),
            // Holiday calendars: refused changes (a year not covered, a day that is no holiday), so that the shared
            // calendars other tests count on stay as shipped; the administrator is still let through to the check.
            Map.entry("POST /holidays/{country}/additions", (target, caller) -> Body.form(Map.of("day", "2031-01-02",
                    "name", "Matrix day", "reason", "Matrix"))),
            Map.entry("POST /holidays/{country}/removals", (target, caller) -> Body.form(Map.of("day", "2026-03-03",
                    "reason", "Matrix"))),
            Map.entry("POST /holidays/{country}/years", (target, caller) -> Body.form(Map.of("year", "2031",
                    "reason", "Matrix"))),
            Map.entry("POST /api/v1/holiday-calendars/{country}/holidays", (target, caller) -> Body.json(Map.of(
                    "day", "2031-01-02", "name", "Matrix day", "reason", "Matrix"))),
            Map.entry("POST /api/v1/holiday-calendars/{country}/removals", (target, caller) -> Body.json(Map.of(
                    "day", "2026-03-03", "reason", "Matrix"))),
            Map.entry("POST /api/v1/holiday-calendars/{country}/years", (target, caller) -> Body.json(Map.of(
                    "year", 2031, "reason", "Matrix"))),
            Map.entry("POST /api/v1/cases/{caseId}/assignee", (target, caller) -> Body.json(Map.of())),
            Map.entry("POST /cases/{caseId}/assignee", (target, caller) -> Body.form(Map.of("assignee", ""))),
            Map.entry("POST /api/v1/complaints", (target, caller) -> Body.json(Map.of("source", "PHONE",
                    "device", "Matrix infusion pump", "description", "Matrix: the display flickers"))),
            Map.entry("POST /complaints", (target, caller) -> Body.form(Map.of("source", "PHONE",
                    "device", "Matrix infusion pump", "description", "Matrix: the display flickers"))),
            // The deadline board: submitted once (then refused as ended, on the page); a waiver without the
            // password and a reassignment to nobody are refused by their fields, changing nothing.
            Map.entry("POST /deadlines/{obligationId}/submission",
                    (target, caller) -> Body.form(Map.of("authorityReference", "MATRIX-1"))),
            Map.entry("POST /deadlines/{obligationId}/waiver",
                    (target, caller) -> Body.form(Map.of("reason", "Matrix: refused without the password"))),
            Map.entry("POST /deadlines/{obligationId}/responsible",
                    (target, caller) -> Body.form(Map.of("assignee", ""))),
            Map.entry("POST /deadlines/calendar-feed", (target, caller) -> Body.none()),
            Map.entry("POST /deadlines/calendar-feed/revocation", (target, caller) -> Body.none()),
            Map.entry("POST /api/v1/calendar-feed", (target, caller) -> Body.none()),
            Map.entry("POST /api/v1/calendar-feed/revocation", (target, caller) -> Body.none()));

    private static DeviceFixtures.Device deviceOf(Holdings holdings) {
        return DeviceFixtures.deviceOf(holdings.organisation().id());
    }

    private static Sample sample(Endpoint endpoint) {
        return endpoint.writes() ? SAMPLES.get(endpoint.key()) : (target, caller) -> Body.none();
    }

    private static Map<String, Object> passwordChange() {
        return Map.of("currentPassword", TestData.PASSWORD, "newPassword", NEW_PASSWORD, "confirmation",
                NEW_PASSWORD);
    }

    private static Map<String, Object> newToken() {
        return Map.of("name", "matrix", "validDays", 1);
    }

    private static Map<String, Object> refusedPasswordChoice() {
        return Map.of("password", NEW_PASSWORD, "confirmation", "a different password altogether");
    }

    private static Map<String, Object> newOrganisation() {
        return Map.of("kind", OrganisationKind.HEALTHCARE_ORGANISATION, "name", "Matrix hospital " + UUID.randomUUID(),
                "country", "DE");
    }

    private static Map<String, Object> detailsOf(OrganisationView organisation) {
        var details = new LinkedHashMap<String, Object>();
        details.put("kind", organisation.kind());
        details.put("name", organisation.name());
        details.put("country", organisation.country());
        details.put("srn", organisation.srn());
        return details;
    }

    /** An invitation of a new member, into {@code organisation} or (when {@code null}) the caller's own. */
    private static Map<String, Object> newMember(UUID organisation, Role role) {
        var member = new LinkedHashMap<String, Object>();
        if (organisation != null) {
            member.put("organisation", organisation);
        }
        member.put("email", "matrix." + UUID.randomUUID() + "@test.example");
        member.put("displayName", "Invited by the matrix");
        member.put("roles", List.of(role));
        return member;
    }

    private static Role ordinaryRoleOf(Caller caller) {
        return caller instanceof Tester tester ? ordinaryRoleOf(tester.own().organisation().kind()) : Role.REPORTER;
    }

    /** A role of {@code kind} that administers nothing, for the colleagues and invitees of the fixtures. */
    private static Role ordinaryRoleOf(OrganisationKind kind) {
        return kind.permittedRoles().stream()
                .filter(role -> role != Role.ORGANISATION_ADMIN && role != Role.PLATFORM_ADMIN).sorted()
                .findFirst().orElse(Role.ORGANISATION_ADMIN);
    }

    // ------------------------------------------------------------------------------------------------------------
    // The world: one tester per role, each in an organisation of its own, and organisation A
    // ------------------------------------------------------------------------------------------------------------

    sealed interface Caller permits Anonymous, Tester {
        String name();
    }

    record Anonymous() implements Caller {
        @Override
        public String name() {
            return "anonymous";
        }
    }

    /** A person holding exactly one role, in an organisation of a kind permitting it, and its records. */
    record Tester(Role role, Person person, Holdings own) implements Caller {
        @Override
        public String name() {
            return role.name();
        }
    }

    /**
     * The organisation whose records everyone else tries to reach. Platform administrators, who legitimately change
     * A's people, act on a member of their own ({@code seenByPlatform}), so what other organisations must not
     * change stays checkable.
     */
    record OrganisationA(OrganisationView organisation, Person admin, Person member, UserId invitee,
            Holdings seenByTenants, Holdings seenByPlatform, int memberHistoryLength) {
    }

    record World(Map<Role, Tester> byRole, OrganisationA a) {

        List<Tester> testers() {
            return List.copyOf(byRole.values());
        }

        Tester tester(Role role) {
            return byRole.get(role);
        }

        List<Caller> callers() {
            var callers = new ArrayList<Caller>();
            callers.add(new Anonymous());
            callers.addAll(byRole.values());
            return callers;
        }

        /** The records a caller asks for in the access matrix: their own (anonymous callers: A's). */
        Holdings own(Caller caller) {
            return caller instanceof Tester tester ? tester.own() : a.seenByTenants();
        }

        /** Organisation A's records as {@code tester} aims at them. */
        Holdings foreign(Tester tester) {
            return tester.role() == Role.PLATFORM_ADMIN ? a.seenByPlatform() : a.seenByTenants();
        }
    }

    private World buildWorld() {
        DeviceFixtures.use(deviceRegister);
        org.vigil.device.importing.DeviceImportFixtures.use(deviceImportFixtures);
        org.vigil.casework.CaseFixtures.use(caseFixtures);
        org.vigil.deadline.ObligationFixtures.use(obligationFixtures);
        org.vigil.mir.MirFixtures.use(mirFixtures);
        org.vigil.support.IncidentFixtures.use(reportRecords, transactionManager);
        org.vigil.deadline.board.BoardWorld.use(boardWorld);
        var testers = new EnumMap<Role, Tester>(Role.class);
        for (Role role : Role.values()) {
            testers.put(role, tester(role));
        }
        return new World(testers, organisationA());
    }

    private Tester tester(Role role) {
        var organisation = testData.organisation(kindPermitting(role));
        var person = testData.person(organisation, role);
        var colleague = testData.person(organisation, ordinaryRoleOf(organisation.kind()));
        UUID ownToken = testData.as(person.principal(), () -> accounts.createToken("matrix: own record", 30))
                .token().id();
        return new Tester(role, person, new Holdings(organisation, colleague.principal().userId(), ownToken,
                invite(organisation).link().token(), noticeFor(organisation, person)));
    }

    private OrganisationA organisationA() {
        var organisation = testData.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
        var admin = testData.person(organisation, Role.ORGANISATION_ADMIN);
        var member = testData.person(organisation, Role.REPORTER);
        var administeredByPlatform = testData.person(organisation, Role.REPORTER);
        UUID memberToken = testData.as(member.principal(), accounts::tokens).getFirst().id();
        var invited = invite(organisation);
        String link = invited.link().token();
        UUID memberNotice = noticeFor(organisation, member);
        return new OrganisationA(organisation, admin, member, invited.user().id(),
                new Holdings(organisation, member.principal().userId(), memberToken, link, memberNotice),
                new Holdings(organisation, administeredByPlatform.principal().userId(), memberToken, link,
                        memberNotice),
                historyLength(member.principal().userId()));
    }

    private UUID noticeFor(OrganisationView organisation, TestData.Person person) {
        notifications.notifyUsers(organisation.id(), Set.of(person.principal().userId()),
                new NoticeContent("matrix.test", "A notice for the matrix", "Only its recipient may read it.", null));
        return testData.as(person.principal(), () -> notifications.mine(1)).getFirst().id();
    }

    private InvitedUser invite(OrganisationView organisation) {
        return testData.asPlatform(() -> users.invite(organisation.id(), new NewUser(
                "invitee." + UUID.randomUUID() + "@test.example", "Invitee of the matrix",
                Set.of(ordinaryRoleOf(organisation.kind())))));
    }

    /** A kind of organisation whose people may hold {@code role}; a hospital when it may. */
    private static OrganisationKind kindPermitting(Role role) {
        return OrganisationKind.HEALTHCARE_ORGANISATION.permits(role) ? OrganisationKind.HEALTHCARE_ORGANISATION
                : Arrays.stream(OrganisationKind.values()).filter(kind -> kind.permits(role)).findFirst()
                        .orElseThrow(() -> new AssertionError("No organisation kind permits " + role));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Sending requests through the real filter chains
    // ------------------------------------------------------------------------------------------------------------

    record Request(HttpMethod method, String path, Body body) {

        boolean isApi() {
            return path.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + path + body;
        }
    }

    private static Request get(String path) {
        return new Request(HttpMethod.GET, path, Body.none());
    }

    private Answer send(Request request, Caller caller) {
        return send(request, caller instanceof Tester tester ? tester.person() : null);
    }

    /**
     * API requests carry the person's real personal API token; page requests their signed-in principal and, when
     * they write, a CSRF token (anonymous ones too, so that only sign-in decides). No person: anonymous.
     */
    private Answer send(Request request, Person person) {
        var builder = MockMvcRequestBuilders.request(request.method(), URI.create(request.path()));
        if (request.isApi()) {
            builder.accept(MediaType.APPLICATION_JSON);
            if (person != null) {
                builder.header(HttpHeaders.AUTHORIZATION, "Bearer " + person.token());
            }
        } else {
            builder.accept(MediaType.TEXT_HTML);
            if (person != null) {
                var principal = person.principal();
                builder.with(authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                        principal.authorities())));
            }
            if (!HttpMethod.GET.equals(request.method())) {
                builder.with(csrf());
            }
        }
        request.body().applyTo(builder);
        try {
            return Answer.of(mvc.perform(builder).andReturn().getResponse());
        } catch (Exception e) {
            // An exception escaping the dispatcher reaches the servlet container: a 500 in production.
            return new Answer(500, null, null, Map.of(), null, e.toString());
        }
    }

    /** What came back, as far as a caller can observe it. */
    record Answer(int status, String location, MediaType contentType, Map<String, Object> problem,
            String errorMessage, String unhandled) {

        static Answer of(MockHttpServletResponse response) throws Exception {
            var type = response.getContentType() == null ? null : MediaType.parseMediaType(response.getContentType());
            Map<String, Object> problem = Map.of();
            if (type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = JSON.readValue(response.getContentAsString(StandardCharsets.UTF_8),
                        Map.class);
                problem = body;
            }
            return new Answer(response.getStatus(), response.getHeader(HttpHeaders.LOCATION), type, problem,
                    response.getErrorMessage(), null);
        }

        boolean isProblem() {
            return contentType != null && contentType.equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON);
        }

        boolean isServerError() {
            return status >= 500;
        }

        boolean redirectsToSignIn() {
            return status / 100 == 3 && location != null && "/login".equals(URI.create(location).getPath());
        }

        /** Everything a caller could tell two answers apart by, except the request's own address. */
        Map<String, Object> observable() {
            var observable = new LinkedHashMap<String, Object>();
            observable.put("status", status);
            observable.put("location", location);
            observable.put("type", contentType == null ? null : contentType.getType() + "/" + contentType.getSubtype());
            problem.forEach((field, value) -> {
                if (!field.equals("instance")) {
                    observable.put("problem." + field, value);
                }
            });
            observable.put("errorMessage", errorMessage);
            return observable;
        }

        @Override
        public String toString() {
            return status + (location != null ? " -> " + location : "")
                    + (contentType != null ? " " + contentType : "")
                    + (problem.containsKey("detail") ? " \"" + problem.get("detail") + "\"" : "")
                    + (unhandled != null ? " (unhandled: " + unhandled + ")" : "");
        }
    }
}
