package org.vigil.udi;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import org.vigil.udi.carrier.CarrierReader;
import org.vigil.udi.gs1.SyntaxDictionary;

/**
 * Entry point for reading a Unique Device Identifier from scanned or typed text.
 *
 * <p>The issuing entity is detected automatically (see {@link IssuingEntity}); the data is checked
 * against that entity's rules and split into UDI-DI and UDI-PI (Regulation (EU) 2017/745 Annex VI
 * Part C; 21 CFR 830). Accepted inputs: GS1 scan data with AIM symbology identifier ({@code ]C1},
 * {@code ]e0}, {@code ]d2}, {@code ]Q3}, {@code ]J1}, {@code ]E0}, {@code ]E4}) or without one, GS1
 * bracketed HRI, GS1 unbracketed notation ({@code ^}), GS1 Digital Link URIs, HIBC LIC data
 * (ANSI/HIBC 2.6), ISBT 128 data structures (ICCBBA ST-001/ST-011) and IFA PPN codes in ISO/IEC 15434
 * format 06.
 *
 * <p>Contract: the methods never throw for any input other than {@code null}; every problem found is
 * reported in {@link UdiResult#problems()} with a position inside the input. Work per call is bounded
 * (inputs above 8192 characters are rejected unread). Thread-safe.
 */
public final class Udi {

    private static final CarrierReader READER = new CarrierReader(SyntaxDictionary.standard());

    private Udi() {
    }

    /** Parses {@code scan}, resolving two-digit years against today's date (UTC). */
    public static UdiResult parse(String scan) {
        return parse(scan, Clock.systemUTC());
    }

    /**
     * Parses {@code scan}; {@code clock} anchors the century of two-digit GS1 years (GS1 General
     * Specifications section 7.12), so results are reproducible in tests.
     */
    public static UdiResult parse(String scan, Clock clock) {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(clock, "clock");
        return READER.read(scan, currentYear(clock));
    }

    /**
     * Parses an HIBC primary symbol and the secondary symbol scanned separately from it (ANSI/HIBC 2.6
     * "split" labelling), checking that the secondary's link character matches the primary's check
     * character. The result's {@code input} is both texts joined by one space; positions refer to it.
     */
    public static UdiResult parseHibcc(String primary, String secondary) {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(secondary, "secondary");
        return READER.readHibccPair(primary, secondary);
    }

    /** Last (epoch day, year) computed, so that most parses skip the calendar arithmetic. */
    private record DayYear(long epochDay, int year) {
    }

    private static volatile DayYear lastDayYear = new DayYear(Long.MIN_VALUE, 0);

    static int currentYear(Clock clock) {
        long epochDay = Math.floorDiv(clock.millis(), 86_400_000L);
        DayYear cached = lastDayYear;
        if (cached.epochDay() == epochDay) {
            return cached.year();
        }
        int year = LocalDate.ofEpochDay(epochDay).getYear();
        lastDayYear = new DayYear(epochDay, year);
        return year;
    }
}
