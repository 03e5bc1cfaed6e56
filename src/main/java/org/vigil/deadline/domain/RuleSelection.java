package org.vigil.deadline.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

import org.vigil.deadline.Authority;
import org.vigil.deadline.CaseEvent;
import org.vigil.deadline.CaseFacts;
import org.vigil.deadline.ClockStart;
import org.vigil.deadline.Due;
import org.vigil.deadline.Obligation;
import org.vigil.deadline.Recipient;
import org.vigil.deadline.ReportingRule;
import org.vigil.deadline.RulePack;

/**
 * Which obligations a case creates, as a pure function of its facts and the rule packs: for every recipient, every
 * rule of a pack covering the recipient's jurisdiction and the device kind, owed by the duty holder asked about,
 * triggered by the case's classification or one of its events, and in force on the date it is judged by.
 *
 * <p>Only the newest version of each pack applies: a new version replaces the whole pack (its rules carry their own
 * dates in force, so a rule that changed on a date keeps its old wording as a dated rule). Older versions stay
 * listed for review.
 *
 * <p>A classification rule is judged by the incident awareness date (MIR §1.2.c): a GB incident the manufacturer
 * learned of on 15 June 2025 stays under the rules before SI 2024/1368 even if its reportability became clear later.
 * An event rule is judged by the event's date. Obligations come out ordered by deadline, so equal inputs give equal
 * lists.
 */
public final class RuleSelection {

    private static final Comparator<Obligation> BY_DEADLINE = Comparator
            .comparing((Obligation o) -> o.due().deadline(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(o -> o.recipient().jurisdiction())
            .thenComparing(o -> o.recipient().authority())
            .thenComparing(o -> o.rule().id())
            .thenComparing(Obligation::clockStart);

    private final List<RulePack> packs;
    private final DeadlineCalculator calculator;

    public RuleSelection(List<RulePack> packs, DeadlineCalculator calculator) {
        var newest = new LinkedHashMap<String, RulePack>();
        for (RulePack pack : packs) {
            newest.merge(pack.id(), pack, (a, b) -> a.version() >= b.version() ? a : b);
        }
        this.packs = List.copyOf(newest.values());
        this.calculator = calculator;
    }

    public List<Obligation> obligations(CaseFacts facts) {
        var obligations = new ArrayList<Obligation>();
        LocalDate incidentAwarenessDate = LocalDate.ofInstant(facts.incidentAwareness(), facts.manufacturerZone());
        for (Recipient recipient : facts.recipients()) {
            for (RulePack pack : packs) {
                if (!pack.jurisdictions().contains(recipient.jurisdiction())
                        || !pack.deviceKinds().contains(facts.deviceKind())) {
                    continue;
                }
                for (ReportingRule rule : pack.rules()) {
                    if (rule.dutyHolder() != facts.dutyHolder()) {
                        continue;
                    }
                    Recipient to = addressee(rule, recipient);
                    if (facts.classification() != null && rule.classifications().contains(facts.classification())
                            && rule.inForceOn(incidentAwarenessDate)) {
                        Instant start = rule.clockStart() == ClockStart.INCIDENT_AWARENESS
                                ? facts.incidentAwareness() : facts.reportabilityAwareness();
                        obligations.add(obligation(rule, to, start, null, facts));
                    }
                    for (CaseEvent event : facts.events()) {
                        if (rule.events().contains(event.kind())
                                && rule.inForceOn(LocalDate.ofInstant(event.at(), facts.manufacturerZone()))) {
                            obligations.add(obligation(rule, to, event.at(), event.setDate(), facts));
                        }
                    }
                }
            }
        }
        obligations.sort(BY_DEADLINE);
        return List.copyOf(obligations);
    }

    private Obligation obligation(ReportingRule rule, Recipient to, Instant start, LocalDate setDate,
            CaseFacts facts) {
        String calendarCountry = to.authority().seatCountry() != null ? to.authority().seatCountry() : to.country();
        Due due = calculator.due(rule.period(), start, facts.manufacturerZone(), calendarCountry, setDate);
        return new Obligation(rule, to, start, due);
    }

    /**
     * A rule addressed to "the national competent authority" goes to whichever authority the recipient names (MHRA for
     * Northern Ireland under the EU rules); a rule naming another body goes to that body (803.30(a)(2): serious
     * injuries to the manufacturer).
     */
    private static Recipient addressee(ReportingRule rule, Recipient recipient) {
        if (rule.authority() == Authority.NATIONAL_COMPETENT_AUTHORITY || rule.authority() == recipient.authority()) {
            return recipient;
        }
        return new Recipient(recipient.jurisdiction(), rule.authority(), recipient.country(), recipient.via(),
                rule.legalSource().citation());
    }
}
