package org.vigil.deadline;

/**
 * How long a rule gives. Counting always starts from a calendar date (the clock-start instant seen in the
 * manufacturer's time zone) and ends at the end of the due date in that zone: "not later than 10 days after" the
 * awareness date of 29 March is the whole of 8 April.
 */
public sealed interface Period {

    /**
     * N calendar days after the clock-start date (MDR Art. 87(3)–(5); 21 CFR 803.50(a)). With
     * {@code endsOnWorkingDay}, the EU rule on periods applies as MDCG 2023-3 Rev. 2 Q14 reads it for vigilance
     * reports (Regulation (EEC, Euratom) No 1182/71 Art. 3(4) and (5)): a period whose last day is a Saturday, Sunday
     * or public holiday ends on the next working day, and a period of two days or more includes at least two working
     * days. The public holidays are those of the authority's country; where Vigil has no calendar for it, only
     * weekends move the date, so the due date is never later than the law allows.
     */
    record CalendarDays(int days, boolean endsOnWorkingDay) implements Period {
        public CalendarDays {
            requirePositive(days);
        }

        /** N calendar days, due on the Nth day whatever day of the week it is. */
        public CalendarDays(int days) {
            this(days, false);
        }
    }

    /**
     * N working days after the clock-start date, skipping weekends and the public holidays of the authority's country
     * (21 CFR 803.3 "work day": Monday to Friday except Federal holidays).
     */
    record WorkingDays(int days) implements Period {
        public WorkingDays {
            requirePositive(days);
        }
    }

    /**
     * Before the action is undertaken (MDR Art. 87(8): a field safety corrective action is reported before it is
     * undertaken, except in cases of urgency). The due time is the action's planned start, when one is known.
     */
    record BeforeUndertaken() implements Period {
    }

    /**
     * By a date the triggering event sets: the next-report date the manufacturer announced (MIR 7.3.1 §1.2.f) or the
     * date agreed with the coordinating competent authority for a periodic summary report (MDR Art. 87(9)).
     */
    record DateSetByEvent() implements Period {
    }

    /**
     * The law sets no period (MDR Art. 88 trend reports): the report is due as soon as the duty arises, so the clock
     * shows it as due from the triggering event rather than hiding it without a date.
     */
    record NoStatutoryPeriod() implements Period {
    }

    /** Plain words for pages: "10 calendar days", "before it is undertaken". */
    default String describe() {
        return switch (this) {
            case CalendarDays(int days, boolean workingEnd) -> (days == 1 ? "1 calendar day" : days + " calendar days")
                    + (workingEnd ? ", ending on a working day" : "");
            case WorkingDays(int days) -> days == 1 ? "1 working day" : days + " working days";
            case BeforeUndertaken() -> "before it is undertaken";
            case DateSetByEvent() -> "by the announced or agreed date";
            case NoStatutoryPeriod() -> "no period in law: as soon as the duty arises";
        };
    }

    private static void requirePositive(int count) {
        if (count < 1 || count > 366) {
            throw new IllegalArgumentException("a period counts 1 to 366 units, not " + count);
        }
    }
}
