package org.vigil.deadline.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.vigil.deadline.Authority;
import org.vigil.deadline.ClockStart;
import org.vigil.deadline.DeviceKind;
import org.vigil.deadline.DutyHolder;
import org.vigil.deadline.Jurisdiction;
import org.vigil.deadline.ObligationKind;
import org.vigil.deadline.Period;
import org.vigil.deadline.ReportingRule;
import org.vigil.deadline.RulePack;

/** A rule pack as the page and the API show it: every rule with its legal source, dates in force and period. */
record RulePackView(String id, int version, String file, String title, String source,
        List<Jurisdiction> jurisdictions, List<DeviceKind> deviceKinds, List<RuleView> rules) {

    /** One rule; {@code inForceTo} is exclusive, {@code inForceOnDate} answers for the date the view was made. */
    record RuleView(String id, String citation, URI url, LocalDate inForceFrom, LocalDate inForceTo,
            boolean inForceOnDate, List<String> triggers, ClockStart clockStartsAt, PeriodView period,
            ObligationKind obligation, DutyHolder dutyHolder, Authority authority, String note) {
    }

    /** The period as data: {@code CALENDAR_DAYS} with a count, or {@code BEFORE_UNDERTAKEN} without one. */
    record PeriodView(String kind, Integer count, String text) {

        static PeriodView of(Period period) {
            return switch (period) {
                case Period.CalendarDays(int days, boolean workingEnd) -> new PeriodView(
                        workingEnd ? "CALENDAR_DAYS_ENDING_ON_WORKING_DAY" : "CALENDAR_DAYS", days, period.describe());
                case Period.WorkingDays(int days) -> new PeriodView("WORKING_DAYS", days, period.describe());
                case Period.BeforeUndertaken() -> new PeriodView("BEFORE_UNDERTAKEN", null, period.describe());
                case Period.DateSetByEvent() -> new PeriodView("DATE_SET_BY_EVENT", null, period.describe());
                case Period.NoStatutoryPeriod() -> new PeriodView("NO_STATUTORY_PERIOD", null, period.describe());
            };
        }
    }

    static RulePackView of(RulePack pack, LocalDate on) {
        return new RulePackView(pack.id(), pack.version(), pack.fileName(), pack.title(), pack.source(),
                pack.jurisdictions().stream().sorted().toList(), pack.deviceKinds().stream().sorted().toList(),
                pack.rules().stream().map(rule -> rule(rule, on)).toList());
    }

    private static RuleView rule(ReportingRule rule, LocalDate on) {
        List<String> triggers = rule.classifications().isEmpty()
                ? rule.events().stream().sorted().map(Enum::name).toList()
                : rule.classifications().stream().sorted(Comparator.naturalOrder()).map(Enum::name).toList();
        return new RuleView(rule.id(), rule.legalSource().citation(), rule.legalSource().url(), rule.inForceFrom(),
                rule.inForceTo(), rule.inForceOn(on), triggers, rule.clockStart(), PeriodView.of(rule.period()),
                rule.obligation(), rule.dutyHolder(), rule.authority(), rule.note());
    }
}
