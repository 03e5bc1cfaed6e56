package org.vigil.deadline.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.deadline.RulePacks;

/** REST: the regulatory rule packs, for any signed-in caller. */
@RestController
@RequestMapping("/api/v1/rule-packs")
@Tag(name = "Rule packs")
class RulePackApi {

    private final RulePacks packs;
    private final Clock clock = Clock.systemUTC();

    RulePackApi(RulePacks packs) {
        this.packs = packs;
    }

    @GetMapping
    @PermitAll
    @Operation(summary = "Every rule pack and version with its rules: legal source, dates in force (to is exclusive), "
            + "triggers, clock start, period, obligation and authority")
    List<RulePackView> rulePacks() {
        LocalDate today = LocalDate.now(clock);
        return packs.packs().stream().map(pack -> RulePackView.of(pack, today)).toList();
    }
}
