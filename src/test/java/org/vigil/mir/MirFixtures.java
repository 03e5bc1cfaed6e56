package org.vigil.mir;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.vigil.casework.CaseFixtures;
import org.vigil.casework.CaseId;
import org.vigil.deadline.Authority;
import org.vigil.organisation.OrganisationView;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.Role;
import org.vigil.support.TestData;

/**
 * One submitted incident report per manufacturer for tests whose fixtures are static, such as the endpoint access
 * matrix ({@code EndpointAccessMatrixTests.PATH_FIXTURES}, variables {@code mirReportId} and {@code submissionId}),
 * made on first use the way a vigilance officer makes one: started on the organisation's case
 * ({@link CaseFixtures}), completed, approved with the password and recorded as sent. Other kinds of organisation
 * have no reports: their ids name nothing.
 */
@Component
public class MirFixtures {

    /** A report and its submission. */
    public record Fixture(UUID mirReportId, UUID submissionId) {
    }

    private static volatile MirFixtures current;
    private final ObjectProvider<MirReports> reports;
    private final ObjectProvider<TestData> testData;
    private final Map<OrganisationId, Fixture> byOrganisation = new ConcurrentHashMap<>();

    MirFixtures(ObjectProvider<MirReports> reports, ObjectProvider<TestData> testData) {
        this.reports = reports;
        this.testData = testData;
    }

    /** Makes the static helpers use this context's beans (see {@link CaseFixtures#use}). */
    public static void use(MirFixtures fixtures) {
        current = fixtures;
    }

    public static Fixture reportOf(OrganisationView organisation) {
        return current.byOrganisation.computeIfAbsent(organisation.id(), id -> current.make(organisation));
    }

    private Fixture make(OrganisationView organisation) {
        if (!organisation.kind().permits(Role.VIGILANCE_OFFICER)) {
            return new Fixture(UUID.randomUUID(), UUID.randomUUID());
        }
        var data = testData.getObject();
        var mir = reports.getObject();
        var officer = data.person(organisation, Role.VIGILANCE_OFFICER);
        var caseId = new CaseId(CaseFixtures.caseOf(organisation).caseId());
        return data.as(officer.principal(), () -> {
            var report = mir.start(caseId, MirReportType.INITIAL);
            mir.save(report.id(), MirReportsTests.completeInitialValues(mir), 1, "Matrix fixture");
            mir.approve(report.id(), 2, TestData.PASSWORD);
            var submission = mir.recordSubmission(report.id(), new MirReports.SubmissionDraft(
                    Authority.NATIONAL_COMPETENT_AUTHORITY, "DE", SubmissionChannel.EMAIL_PACKAGE, null, null, null,
                    null));
            return new Fixture(report.id().value(), submission.id());
        });
    }
}
