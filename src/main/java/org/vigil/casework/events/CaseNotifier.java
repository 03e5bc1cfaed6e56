package org.vigil.casework.events;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import org.vigil.casework.CaseActivity;
import org.vigil.casework.CaseSide;
import org.vigil.notification.NoticeContent;
import org.vigil.notification.Notifications;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.UserView;
import org.vigil.shared.Actor;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.UserId;

/**
 * Tells the people of a case what changed, in the application and by e-mail (retried delivery), once the change has
 * committed (MDR Art. 87, 89; MDCG 2023-3 Q&A 21: timely communication with the reporter).
 *
 * <ul>
 *   <li>a new case: the vigilance officers, complaint handlers and PRRC of the manufacturer and of its authorised
 *       representative;</li>
 *   <li>a message: the other side's people on the case: the hospital's reporter and device-safety officers, or the
 *       manufacturer's assignee (its vigilance officers while nobody is assigned);</li>
 *   <li>a status change, interim advice, a device return step or the outcome from the manufacturer: the hospital's
 *       reporter and device-safety officers; a hospital's device return step: the manufacturer's people.</li>
 * </ul>
 * Notices name the case and link to it; they never carry patient data.
 */
@Component
public class CaseNotifier {

    private final Notifications notifications;
    private final UserManagement users;

    CaseNotifier(Notifications notifications, UserManagement users) {
        this.notifications = notifications;
        this.users = users;
    }

    /**
     * A new case's notices are written in the transaction that opens it (with the hospital's submission): the
     * manufacturer hearing of a report is part of submitting it (MDR Art. 87(10)–(11)), and under load the three
     * commits of an after-commit delivery cost more than the notices themselves (docs/benchmarks.md).
     */
    @EventListener(condition = "#activity.kind() == T(org.vigil.casework.EntryKind).OPENED")
    void opened(CaseActivity activity) {
        var notice = notice(activity);
        for (var organisation : java.util.Arrays.asList(activity.manufacturer(), activity.representative())) {
            if (organisation != null) {
                notifications.notifyRolesWithChange(organisation,
                        Set.of(Role.VIGILANCE_OFFICER, Role.COMPLAINT_HANDLER, Role.PRRC), notice);
            }
        }
    }

    // Like @ApplicationModuleListener (after commit, asynchronous, tracked by the event publication registry) but
    // without a surrounding transaction: a transaction begun before the actor is bound would see no organisation.
    @Async
    @TransactionalEventListener(condition = "#activity.kind() != T(org.vigil.casework.EntryKind).OPENED")
    void on(CaseActivity activity) {
        var notice = notice(activity);
        if (activity.from() == CaseSide.MANUFACTURER) {
            tellHospital(activity, notice);
        } else {
            tellManufacturer(activity, notice);
        }
    }

    private void tellHospital(CaseActivity activity, NoticeContent notice) {
        if (activity.hospital() == null) {
            return;
        }
        // The reporter and the device-safety officers, each once even when the reporter is an officer too.
        var recipients = new LinkedHashSet<UserId>();
        if (activity.reporter() != null) {
            recipients.add(activity.reporter());
        }
        recipients.addAll(Tenancy.callAs(Actor.system(activity.hospital(), "case notices"),
                () -> users.holdersOf(activity.hospital(), Role.DEVICE_SAFETY_OFFICER)).stream()
                .map(UserView::id).toList());
        notifications.notifyUsers(activity.hospital(), recipients, notice);
    }

    private void tellManufacturer(CaseActivity activity, NoticeContent notice) {
        if (activity.manufacturer() == null) {
            return;
        }
        int reached = activity.assignee() == null ? 0
                : notifications.notifyUsers(activity.manufacturer(), Set.of(activity.assignee()), notice);
        // Nobody assigned, or the assignee left: the vigilance officers answer for the manufacturer.
        if (reached == 0) {
            notifications.notifyRoles(activity.manufacturer(), Set.of(Role.VIGILANCE_OFFICER), notice);
        }
    }

    private static NoticeContent notice(CaseActivity activity) {
        return new NoticeContent("case." + activity.kind().name().toLowerCase().replace('_', '-'),
                subject(activity), activity.summary(), "/cases/" + activity.caseId());
    }

    private static String subject(CaseActivity activity) {
        return switch (activity.kind()) {
            case OPENED -> "New case " + activity.reference();
            case MESSAGE -> "New message on case " + activity.reference();
            case STATUS -> "Case " + activity.reference() + ": status changed";
            case INTERIM_ADVICE -> "Case " + activity.reference() + ": is it still safe to use?";
            case DEVICE_RETURN -> "Case " + activity.reference() + ": device return";
            case OUTCOME -> "Case " + activity.reference() + ": outcome";
            default -> "Case " + activity.reference();
        };
    }
}
