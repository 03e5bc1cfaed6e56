package org.vigil.casework;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.vigil.organisation.OrganisationView;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.support.DeviceFixtures;
import org.vigil.support.TestData;

/**
 * One case per organisation for tests whose fixtures are static, such as the endpoint access matrix
 * ({@code EndpointAccessMatrixTests.PATH_FIXTURES}, variables {@code caseId} and {@code caseReportId}), made on first
 * use the way real cases are made: a hospital's reporter submits a report. A hospital's case is about a device not in
 * the register (so it stays with the hospital); a manufacturer's (or authorised representative's) case comes from a
 * new hospital's report about the organisation's registered device, shared with it. Other kinds of organisation
 * have no cases: their ids name nothing.
 */
@Component
public class CaseFixtures {

    /** A case and the report it was opened from. */
    public record Fixture(UUID caseId, UUID reportId) {
    }

    private static volatile CaseFixtures current;
    private final ObjectProvider<CaseWorld> world;
    private final ObjectProvider<TestData> testData;
    private final Map<OrganisationId, Fixture> byOrganisation = new ConcurrentHashMap<>();

    CaseFixtures(ObjectProvider<CaseWorld> world, ObjectProvider<TestData> testData) {
        this.world = world;
        this.testData = testData;
    }

    /**
     * Makes the static helpers use this context's beans. The test class that uses them sets it from its own context:
     * a context of another test (the end-to-end browser test on its own database, say) must never take its place.
     */
    public static void use(CaseFixtures fixtures) {
        current = fixtures;
    }

    /** The case of {@code organisation}'s, made on first use. */
    public static Fixture caseOf(OrganisationView organisation) {
        return current.byOrganisation.computeIfAbsent(organisation.id(), id -> current.make(organisation));
    }

    private Fixture make(OrganisationView organisation) {
        var cases = world.getObject();
        var data = testData.getObject();
        DeviceFixtures.use(cases.devices);
        switch (organisation.kind()) {
            case HEALTHCARE_ORGANISATION -> {
                var reporter = data.person(organisation, Role.REPORTER);
                var report = cases.submitUnregisteredReport(reporter);
                return new Fixture(cases.caseOf(report, reporter).id().value(), report.id().value());
            }
            case MANUFACTURER, AUTHORISED_REPRESENTATIVE -> {
                var hospital = data.organisation(OrganisationKind.HEALTHCARE_ORGANISATION);
                var reporter = data.person(hospital, Role.REPORTER);
                var report = cases.submitReport(reporter, DeviceFixtures.deviceOf(organisation.id()).udiDi(), false);
                return new Fixture(cases.caseOf(report, reporter).id().value(), report.id().value());
            }
            default -> {
                return new Fixture(UUID.randomUUID(), UUID.randomUUID());
            }
        }
    }
}
