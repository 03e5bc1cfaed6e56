package org.vigil.deadline.board;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.deadline.CaseEvent;
import org.vigil.deadline.CaseFacts;
import org.vigil.deadline.Classification;
import org.vigil.deadline.Deadlines;
import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.DutyHolder;
import org.vigil.deadline.EventKind;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.ObligationView;
import org.vigil.deadline.RulePacks;
import org.vigil.deadline.TrackedCase;
import org.vigil.deadline.persistence.CalendarFeedRecords;
import org.vigil.organisation.OrganisationView;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.UserId;
import org.vigil.support.TestData;

/**
 * Manufacturers with people in every board role and cases whose obligations the clock service keeps
 * ({@link Deadlines#track}), for the deadline board, dashboard panel and calendar feed tests; and, for tests whose
 * fixtures are static (the endpoint access matrix), one obligation per organisation made on first use.
 */
@Component
public class BoardWorld {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static volatile BoardWorld current;
    // Provided, not required: this component is in every test context, also those without TestData (browser tests).
    private final ObjectProvider<TestData> testData;
    final Deadlines deadlines;
    final RulePacks packs;
    final CalendarFeedRecords feedRecords;
    private final TransactionTemplate transactions;
    private final Map<OrganisationId, UUID> obligations = new ConcurrentHashMap<>();
    private final Map<OrganisationId, String> feeds = new ConcurrentHashMap<>();

    BoardWorld(ObjectProvider<TestData> testData, Deadlines deadlines, RulePacks packs,
            CalendarFeedRecords feedRecords, PlatformTransactionManager transactionManager) {
        this.testData = testData;
        this.deadlines = deadlines;
        this.packs = packs;
        this.feedRecords = feedRecords;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A manufacturer in Germany with two vigilance officers, a PRRC and a complaint handler. */
    record Manufacturer(OrganisationView organisation, TestData.Person officer, TestData.Person otherOfficer,
            TestData.Person prrc, TestData.Person handler) {
    }

    Manufacturer manufacturer() {
        var data = testData.getObject();
        var organisation = data.organisation(OrganisationKind.MANUFACTURER);
        return new Manufacturer(organisation, data.person(organisation, Role.VIGILANCE_OFFICER),
                data.person(organisation, Role.VIGILANCE_OFFICER), data.person(organisation, Role.PRRC),
                data.person(organisation, Role.COMPLAINT_HANDLER));
    }

    /** A case's obligations as the clock service stores them, tracked by Vigil for {@code organisation}. */
    List<ObligationView> track(OrganisationId organisation, String reference, String device, UserId responsible,
            CaseFacts facts) {
        return Tenancy.callAs(Actor.system(organisation, "board test"), () -> deadlines.track(new TrackedCase(
                UUID.randomUUID(), reference, device, organisation, responsible, facts, "Board test: " + reference)));
    }

    /** A serious incident in {@code country}, classified, its reportability known at {@code aware}. */
    CaseFacts classified(String country, Set<Jurisdiction> markets, Classification classification, Instant aware) {
        return new CaseFacts(packs.recipients(country, markets, "DE", DutyHolder.MANUFACTURER),
                DeviceKind.MEDICAL_DEVICE, classification, aware, aware, BERLIN, DutyHolder.MANUFACTURER, List.of());
    }

    /** A field safety corrective action decided at {@code decided}, its start not yet planned (MDR Art. 87(8)). */
    CaseFacts fscaWithoutPlannedStart(Instant decided) {
        return new CaseFacts(packs.recipients("DE", Set.of(Jurisdiction.EU), "DE", DutyHolder.MANUFACTURER),
                DeviceKind.MEDICAL_DEVICE, null, decided, decided, BERLIN, DutyHolder.MANUFACTURER,
                List.of(CaseEvent.at(EventKind.FSCA, decided)));
    }

    static String reference(String what) {
        return "CASE-T" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Static fixtures for the endpoint access matrix
    // ------------------------------------------------------------------------------------------------------------

    /** Makes the static helpers use this context's beans (see {@code CaseFixtures.use} for why). */
    public static void use(BoardWorld world) {
        current = world;
    }

    /**
     * A pending obligation of {@code organisation}, made on first use: a death in Germany known today, with the
     * organisation as duty holder, nobody responsible yet.
     */
    public static UUID obligationOf(OrganisationView organisation) {
        return current.obligations.computeIfAbsent(organisation.id(), id -> current.track(id, reference("M"),
                "Matrix infusion pump", null, current.classified("DE", Set.of(Jurisdiction.EU),
                        Classification.DEATH, Instant.now())).getFirst().id().value());
    }

    /**
     * The secret of a live calendar feed, made on first use per {@code organisation}. A feed address is a bearer
     * capability, and only people who see the deadline board hold one: the feed is a vigilance officer's of a
     * manufacturer of its own, whatever kind {@code organisation} is.
     */
    public static String feedOf(OrganisationView organisation) {
        return current.feeds.computeIfAbsent(organisation.id(), id -> current.makeFeed());
    }

    private String makeFeed() {
        var data = testData.getObject();
        var officer = data.person(data.organisation(OrganisationKind.MANUFACTURER), Role.VIGILANCE_OFFICER);
        String secret = "vcal_matrix" + UUID.randomUUID().toString().replace("-", "");
        data.as(officer.principal(), () -> transactions.execute(status -> {
            feedRecords.insert(UUID.randomUUID(), officer.principal().organisationId(), officer.principal().userId(),
                    sha256(secret), secret.substring(0, 11));
            return null;
        }));
        return secret;
    }

    static byte[] sha256(String secret) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
