package org.vigil.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.vigil.organisation.OrganisationView;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.Tenancy;

/**
 * One obligation per organisation for tests whose fixtures are static, such as the endpoint access matrix
 * ({@code EndpointAccessMatrixTests.PATH_FIXTURES}, variable {@code obligationId}), made on first use the way triage
 * makes them: the clock service tracks a case (a death in Germany, known now) for the organisation as duty holder.
 */
@Component
public class ObligationFixtures {

    private static volatile ObligationFixtures current;
    private final ObjectProvider<Deadlines> deadlines;
    private final Map<OrganisationId, UUID> byOrganisation = new ConcurrentHashMap<>();

    ObligationFixtures(ObjectProvider<Deadlines> deadlines) {
        this.deadlines = deadlines;
    }

    /** Makes the static helper use this context's beans; the test class using it sets it from its own context. */
    public static void use(ObligationFixtures fixtures) {
        current = fixtures;
    }

    /** The id of an obligation of {@code organisation}'s, made on first use. */
    public static UUID obligationOf(OrganisationView organisation) {
        return current.byOrganisation.computeIfAbsent(organisation.id(), id -> current.make(id));
    }

    private UUID make(OrganisationId organisation) {
        Instant awareness = Instant.now().minus(Duration.ofHours(1));
        var facts = new CaseFacts(RulePacks.bundled().recipients("DE", Set.of(Jurisdiction.EU), "DE",
                DutyHolder.MANUFACTURER), DeviceKind.MEDICAL_DEVICE, Classification.DEATH, awareness, awareness,
                ZoneId.of("Europe/Berlin"), DutyHolder.MANUFACTURER, List.of());
        var tracked = new TrackedCase(UUID.randomUUID(), "CASE-MATRIX", "Matrix device", organisation, null, facts,
                "Matrix fixture");
        return Tenancy.callAs(Actor.system(organisation, "test fixtures"),
                () -> deadlines.getObject().track(tracked)).getFirst().id().value();
    }
}
