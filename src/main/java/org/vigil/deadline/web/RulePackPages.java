package org.vigil.deadline.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.vigil.deadline.RulePacks;
import org.vigil.portal.NavigationEntry;

/**
 * The rule packs page: every shipped pack and version, each rule with its legal source (linked to the official
 * text), the dates it is in force, what triggers it, when its clock starts, its period and obligation. Read-only;
 * any signed-in person may review the rules the deadlines come from.
 */
@Controller
class RulePackPages {

    private final RulePacks packs;
    private final Clock clock = Clock.systemUTC();

    RulePackPages(RulePacks packs) {
        this.packs = packs;
    }

    @GetMapping("/rule-packs")
    @PermitAll
    String rulePacks(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        model.addAttribute("packs", packs.packs().stream().map(pack -> RulePackView.of(pack, today)).toList());
        model.addAttribute("calendars", packs.calendars().values());
        return "deadline/rule-packs";
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry rulePacksNavigation() {
            return new NavigationEntry("nav.rule-packs", "/rule-packs", Set.of(), 65);
        }
    }
}
