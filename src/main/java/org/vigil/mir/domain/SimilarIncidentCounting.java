package org.vigil.mir.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

import org.vigil.device.UnitsPlaced;
import org.vigil.mir.SimilarIncidentPeriod;
import org.vigil.mir.SimilarIncidents;

/**
 * Counts similar incidents per period for MIR 7.3.1 §4.3 (MDR Art. 87 and 88; MDCG 2023-3 Q&A on trend and similar
 * incidents): incidents of the same device on the same IMDRF Annex A code basis, in the EEA, Türkiye and Northern
 * Ireland and worldwide, with the units placed on the market in the same period from the device register.
 *
 * <p>Periods are calendar quarters, because the register records units placed per month and a quarter is the
 * shortest period in which rates of rare events say something: the {@value #FULL_QUARTERS} full quarters before the
 * report date and the current quarter up to the report date, oldest first; four periods in all, because EUDAMED's
 * vigilance dossier takes the latest period and the three before it. An incident counts in the period of the
 * day it happened (or, when the report does not say, the day it was reported); incidents with no country count
 * worldwide only. Units are {@code null} (to be given by a person) for a period and area in which the register holds
 * no figure at all, rather than a made-up zero. Pure: no I/O, no clock.
 */
public final class SimilarIncidentCounting {

    /** How many complete calendar quarters before the current one are counted. */
    public static final int FULL_QUARTERS = 3;

    private SimilarIncidentCounting() {
    }

    /**
     * The §4.3 counts for {@code codes} (the case's IMDRF Annex A codes) from {@code cases} and {@code units}, as of
     * {@code today}; none when the case has no Annex A code to count by.
     */
    public static SimilarIncidents count(List<String> codes, List<PrefillSources.SimilarCase> cases,
            List<UnitsPlaced> units, LocalDate today) {
        if (codes == null || codes.isEmpty()) {
            return SimilarIncidents.none();
        }
        var periods = new ArrayList<SimilarIncidentPeriod>();
        for (LocalDate[] period : periods(today)) {
            LocalDate from = period[0];
            LocalDate to = period[1];
            long eea = 0;
            long worldwide = 0;
            for (var counted : cases) {
                if (counted.countedOn() == null || counted.countedOn().isBefore(from)
                        || counted.countedOn().isAfter(to)) {
                    continue;
                }
                worldwide++;
                if (counted.country() != null && MirReportCheck.EEA_TR_XI.contains(counted.country())) {
                    eea++;
                }
            }
            periods.add(new SimilarIncidentPeriod(from, to, eea, units(units, from, to, true), worldwide,
                    units(units, from, to, false)));
        }
        return new SimilarIncidents(codeBasis(codes), periods);
    }

    /** The code basis as the form states it, e.g. {@code IMDRF Annex A: A0401, A050101}. */
    public static String codeBasis(List<String> codes) {
        return codes == null || codes.isEmpty() ? null : "IMDRF Annex A: " + String.join(", ", codes);
    }

    /** The counted periods as of {@code today}, oldest first: each a first and last day. */
    static List<LocalDate[]> periods(LocalDate today) {
        LocalDate currentStart = today.with(IsoFields.DAY_OF_QUARTER, 1);
        var periods = new ArrayList<LocalDate[]>();
        for (int back = FULL_QUARTERS; back >= 1; back--) {
            LocalDate start = currentStart.minusMonths(3L * back);
            periods.add(new LocalDate[] {start, start.plusMonths(3).minusDays(1)});
        }
        periods.add(new LocalDate[] {currentStart, today});
        return periods;
    }

    private static Long units(List<UnitsPlaced> units, LocalDate from, LocalDate to, boolean eeaOnly) {
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        long sum = 0;
        boolean any = false;
        for (var placed : units) {
            if (placed.month().isBefore(first) || placed.month().isAfter(last)
                    || eeaOnly && !MirReportCheck.EEA_TR_XI.contains(placed.country())) {
                continue;
            }
            any = true;
            sum += placed.units();
        }
        return any ? sum : null;
    }
}
