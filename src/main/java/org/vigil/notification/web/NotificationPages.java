package org.vigil.notification.web;

import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.notification.Notifications;
import org.vigil.portal.NavigationEntry;
import org.vigil.shared.Role;

/** A person's notices, the unread badge in the header, and their organisation's e-mail deliveries for admins. */
@Controller
class NotificationPages {

    private final Notifications notifications;

    NotificationPages(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    @PermitAll
    String notices(Model model) {
        model.addAttribute("notices", notifications.mine(100));
        model.addAttribute("emailEnabled", notifications.emailEnabled());
        return "notification/notices";
    }

    /** The unread count for the header, polled by htmx. */
    @GetMapping("/notifications/badge")
    @PermitAll
    String badge(Model model) {
        model.addAttribute("unread", notifications.unreadCount());
        return "notification/notices :: badge";
    }

    @PostMapping("/notifications/{noticeId}/read")
    @PermitAll
    String markRead(@PathVariable UUID noticeId) {
        var notice = notifications.markRead(noticeId);
        return "redirect:" + (notice.link() == null ? "/notifications" : notice.link());
    }

    @PostMapping("/notifications/read")
    @PermitAll
    String markAllRead() {
        notifications.markAllRead();
        return "redirect:/notifications";
    }

    @GetMapping("/admin/deliveries")
    @RolesAllowed({ "ORGANISATION_ADMIN", "PLATFORM_ADMIN" })
    String deliveries(@RequestParam(defaultValue = "false") boolean problems, Model model) {
        model.addAttribute("deliveries", notifications.deliveries(problems, 200));
        model.addAttribute("problemsOnly", problems);
        model.addAttribute("emailEnabled", notifications.emailEnabled());
        return "notification/deliveries";
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry deliveriesNavigation() {
            return new NavigationEntry("nav.deliveries", "/admin/deliveries", Set.of(Role.ORGANISATION_ADMIN), 95);
        }
    }
}
