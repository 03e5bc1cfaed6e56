package org.vigil.notification;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.notification.persistence.NoticeRecords;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.UserStatus;
import org.vigil.organisation.UserView;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.TenantSwitch;
import org.vigil.shared.UserId;

/**
 * Sends notices to the people of an organisation, in the application and, when the operator has configured an SMTP
 * server ({@code spring.mail.host}), by e-mail. Call it after the change that causes the notice has committed, for
 * example from an {@code @ApplicationModuleListener}: it writes in its own transaction, acting for the recipients'
 * organisation; or, through {@link #notifyRolesWithChange}, in the transaction of the change itself. People read, and
 * mark read, their own notices.
 */
@Service
public class Notifications {

    private final NoticeRecords records;
    private final UserManagement users;
    private final TransactionTemplate ownTransaction;
    private final TenantSwitch tenants;
    private final boolean emailEnabled;
    private final String baseUrl;

    Notifications(NoticeRecords records, UserManagement users, PlatformTransactionManager transactionManager,
            TenantSwitch tenants, ObjectProvider<JavaMailSender> mail,
            @Value("${vigil.base-url:http://localhost:8080}") String baseUrl) {
        this.records = records;
        this.tenants = tenants;
        this.users = users;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.emailEnabled = mail.getIfAvailable() != null;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Notifies every active member of {@code organisation} holding any of {@code roles}; answers how many. */
    public int notifyRoles(OrganisationId organisation, Set<Role> roles, NoticeContent content) {
        return notifyRoles(organisation, roles, content, null);
    }

    /**
     * Notifies every active member of {@code organisation} holding any of {@code roles}, each at most once for
     * {@code dedupKey} however often this is called (see {@link #notifyUsers(OrganisationId, Set, NoticeContent,
     * String)}); answers how many were notified now.
     */
    public int notifyRoles(OrganisationId organisation, Set<Role> roles, NoticeContent content, String dedupKey) {
        return inOrganisation(organisation, () -> {
            return (int) users.holdersOfAny(organisation, roles).stream()
                    .filter(user -> write(organisation, user, content, dedupKey)).count();
        });
    }

    /**
     * Notifies every active member of {@code organisation} holding any of {@code roles}, writing the notices (and the
     * e-mails to send) in the caller's transaction: they commit with the change that causes them, or not at all, and
     * cost the change no transaction of its own (a transactional outbox; the delivery loop sends the e-mails). Answers
     * how many were notified.
     */
    public int notifyRolesWithChange(OrganisationId organisation, Set<Role> roles, NoticeContent content) {
        return tenants.callAs(Actor.system(organisation, "notifications"), () -> {
            var recipients = users.holdersOfAny(organisation, roles);
            if (recipients.isEmpty()) {
                return 0;
            }
            var people = recipients.stream().map(UserView::id).toList();
            var ids = records.insertNotices(organisation, people, content);
            if (emailEnabled) {
                records.insertDeliveries(organisation, ids, people,
                        recipients.stream().map(UserView::email).toList(), content.subject(),
                        recipients.stream().map(user -> emailBody(user, content)).toList());
            }
            return recipients.size();
        });
    }

    /** Notifies the given people of {@code organisation}, when they are active; answers how many. */
    public int notifyUsers(OrganisationId organisation, Set<UserId> recipients, NoticeContent content) {
        return notifyUsers(organisation, recipients, content, null);
    }

    /**
     * Notifies the given people of {@code organisation}, when they are active, each at most once for {@code dedupKey}:
     * a sender that cannot know whether an earlier call committed (it crashed before recording that it had notified)
     * calls again with the same key and nobody is told twice. The key is the sender's stable id of the message, for
     * example a reminder's id; {@code null} notifies every time. Answers how many were notified now.
     */
    public int notifyUsers(OrganisationId organisation, Set<UserId> recipients, NoticeContent content,
            String dedupKey) {
        return inOrganisation(organisation, () -> {
            var active = users.members(organisation).stream()
                    .filter(member -> member.status() == UserStatus.ACTIVE && recipients.contains(member.id()))
                    .toList();
            return (int) active.stream().filter(user -> write(organisation, user, content, dedupKey)).count();
        });
    }

    @Transactional(readOnly = true)
    public List<Notice> mine(int limit) {
        return records.notices(me(), Math.clamp(limit, 1, 500));
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return records.unread(me());
    }

    /** Marks one of the caller's notices read; a notice of someone else answers as a missing one. */
    @Transactional
    public Notice markRead(UUID noticeId) {
        var notice = records.notice(me(), noticeId).orElseThrow(() -> new RecordNotFoundException("notice", noticeId));
        records.markRead(me(), noticeId);
        return records.notice(me(), noticeId).orElse(notice);
    }

    @Transactional
    public int markAllRead() {
        return records.markAllRead(me());
    }

    /** The e-mails of the caller's organisation, newest first; only those with trouble when {@code problemsOnly}. */
    @Transactional(readOnly = true)
    public List<EmailDelivery> deliveries(boolean problemsOnly, int limit) {
        return records.deliveries(Tenancy.requireActor().organisationId(), problemsOnly, Math.clamp(limit, 1, 500));
    }

    public boolean emailEnabled() {
        return emailEnabled;
    }

    private boolean write(OrganisationId organisation, UserView recipient, NoticeContent content, String dedupKey) {
        var id = UUID.randomUUID();
        if (dedupKey == null) {
            records.insertNotice(id, organisation, recipient.id(), content);
        } else if (!records.insertNoticeOnce(id, organisation, recipient.id(), content,
                dedupKey + "/" + recipient.id())) {
            return false;
        }
        if (emailEnabled) {
            records.insertDelivery(id, organisation, recipient.id(), recipient.email(), content.subject(),
                    emailBody(recipient, content));
        }
        return true;
    }

    private String emailBody(UserView recipient, NoticeContent content) {
        var text = new StringBuilder("Hello ").append(recipient.displayName()).append(",\n\n")
                .append(content.body()).append("\n\n");
        if (content.link() != null) {
            text.append("Open it in Vigil: ").append(baseUrl).append(content.link()).append("\n\n");
        }
        return text.append("This message was sent by Vigil to ").append(recipient.email())
                .append(" because of your role in ").append(recipient.organisationName()).append(".\n").toString();
    }

    private <T> T inOrganisation(OrganisationId organisation, java.util.function.Supplier<T> work) {
        return Tenancy.callAs(Actor.system(organisation, "notifications"),
                () -> ownTransaction.execute(status -> work.get()));
    }

    private static UserId me() {
        UserId id = Tenancy.requireActor().userId();
        if (id == null) {
            throw new IllegalStateException("Only a signed-in person has notices");
        }
        return id;
    }
}
