package org.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.support.IntegrationTest;
import org.vigil.support.TestData;

/**
 * A sender that cannot know whether its earlier call committed (the clock service after a crash) calls again with the
 * same key, and each person is told once.
 */
@IntegrationTest
class NoticeDeduplicationTests {

    @Autowired
    Notifications notifications;
    @Autowired
    TestData testData;

    @Test
    void notifying_twice_with_the_same_key_tells_each_person_once_and_a_new_key_tells_them_again() {
        var manufacturer = testData.organisation(OrganisationKind.MANUFACTURER);
        var officer = testData.person(manufacturer, Role.VIGILANCE_OFFICER);
        var prrc = testData.person(manufacturer, Role.PRRC, Role.VIGILANCE_OFFICER);
        var content = new NoticeContent("obligation.before", "Due in 5 days", "An initial report is due.", null);
        String key = "obligation-reminder:" + java.util.UUID.randomUUID();

        assertThat(notifications.notifyUsers(manufacturer.id(), Set.of(officer.principal().userId()), content, key))
                .isEqualTo(1);
        assertThat(notifications.notifyUsers(manufacturer.id(), Set.of(officer.principal().userId()), content, key))
                .isZero();
        // The same key through the roles reaches only whoever was not told yet.
        assertThat(notifications.notifyRoles(manufacturer.id(), Set.of(Role.VIGILANCE_OFFICER, Role.PRRC), content,
                key)).isEqualTo(1);
        assertThat(notifications.notifyRoles(manufacturer.id(), Set.of(Role.PRRC), content, key)).isZero();

        assertThat(testData.as(officer.principal(), () -> notifications.mine(10))).hasSize(1);
        assertThat(testData.as(prrc.principal(), () -> notifications.mine(10))).hasSize(1);

        notifications.notifyUsers(manufacturer.id(), Set.of(officer.principal().userId()), content,
                "obligation-reminder:" + java.util.UUID.randomUUID());
        notifications.notifyUsers(manufacturer.id(), Set.of(officer.principal().userId()), content);
        assertThat(testData.as(officer.principal(), () -> notifications.mine(10))).hasSize(3);
    }
}
