package org.vigil.notification.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.notification.EmailDelivery;
import org.vigil.notification.Notice;
import org.vigil.notification.Notifications;

/** REST: the caller's notices, and their organisation's e-mail deliveries for administrators. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Notifications")
class NotificationApi {

    private final Notifications notifications;

    NotificationApi(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    @PermitAll
    @Operation(summary = "Your notices, newest first")
    List<Notice> notices(@RequestParam(defaultValue = "100") int limit) {
        return notifications.mine(limit);
    }

    @PostMapping("/notifications/{noticeId}/read")
    @PermitAll
    @Operation(summary = "Mark one of your notices read")
    Notice markRead(@PathVariable UUID noticeId) {
        return notifications.markRead(noticeId);
    }

    @GetMapping("/email-deliveries")
    @RolesAllowed({ "ORGANISATION_ADMIN", "PLATFORM_ADMIN" })
    @Operation(summary = "Your organisation's e-mails and how their delivery went; problems=true for failed ones")
    List<EmailDelivery> deliveries(@RequestParam(defaultValue = "false") boolean problems,
            @RequestParam(defaultValue = "200") int limit) {
        return notifications.deliveries(problems, limit);
    }
}
