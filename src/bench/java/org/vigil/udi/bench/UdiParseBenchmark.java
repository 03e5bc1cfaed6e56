package org.vigil.udi.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.vigil.udi.Udi;
import org.vigil.udi.UdiResult;

/**
 * UDI parses per second on one thread (run with {@code -t 1}, i.e. per core).
 *
 * <ul>
 * <li>{@code gs1ElementString}: 256 distinct GS1 element strings in GS1 notation
 * ({@code ^01…17…10…^21…}), the form in which most UDIs reach Vigil.</li>
 * <li>{@code mixedCorpus}: the same GS1 data as scan data with AIM identifiers, bracketed HRI and GS1
 * Digital Link URIs, plus HIBCC, IFA PPN and ISBT 128 codes, in equal shares.</li>
 * </ul>
 * Each invocation parses the next input of its corpus, so the JIT cannot specialise on one string.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class UdiParseBenchmark {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final char GS = '\u001D';

    private String[] gs1;
    private String[] mixed;
    private int gs1Index;
    private int mixedIndex;

    @Setup
    public void setUp() {
        Random random = new Random(20260601L);
        List<String> elementStrings = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            String gtin = gtin(random);
            String expiry = String.format("%02d%02d%02d", 26 + random.nextInt(10), 1 + random.nextInt(12),
                    random.nextInt(29));
            String lot = "L" + Integer.toString(random.nextInt(1 << 20), 36).toUpperCase();
            String serial = Long.toString(random.nextLong() & 0xFFFFFFFFFL, 36).toUpperCase();
            elementStrings.add("^01" + gtin + "17" + expiry + "10" + lot + "^21" + serial);
            all.add(elementStrings.getLast());
            all.add("]d201" + gtin + "17" + expiry + "10" + lot + GS + "21" + serial);
            all.add("(01)" + gtin + "(17)" + expiry + "(10)" + lot + "(21)" + serial);
            all.add("https://id.example.org/01/" + gtin + "/10/" + lot + "/21/" + serial + "?17=" + expiry);
        }
        gs1 = elementStrings.toArray(String[]::new);
        for (int i = 0; i < 256; i++) {
            all.add("+A99912341/$$3" + String.format("%02d%02d%02d", 26 + random.nextInt(10), 1 + random.nextInt(12),
                    1 + random.nextInt(28)) + "LOT" + i + "X"); // check char fixed below
            all.add("\u005B)>\u001E06\u001D9N110375286414\u001D1TLOT" + i + "\u001DD2612" + String.format("%02d",
                    random.nextInt(29)) + "\u001DS" + (1000 + i) + "\u001E\u0004");
            all.add("=/A9999XYZ100T0944=,000025=A99971812345600=>026" + String.format("%03d", 1 + random.nextInt(365))
                    + "&,1000000000000XYZ" + String.format("%03d", i % 1000));
        }
        mixed = all.stream().map(UdiParseBenchmark::withHibccCheck).toArray(String[]::new);
        for (String s : mixed) {
            UdiResult r = Udi.parse(s, CLOCK);
            if (!r.valid()) {
                throw new IllegalStateException("benchmark corpus must be valid: " + s + " " + r.problems());
            }
        }
    }

    @Benchmark
    public UdiResult gs1ElementString() {
        String input = gs1[gs1Index];
        gs1Index = (gs1Index + 1) & 255;
        return Udi.parse(input, CLOCK);
    }

    @Benchmark
    public void mixedCorpus(Blackhole blackhole) {
        String input = mixed[mixedIndex];
        mixedIndex = mixedIndex + 1 == mixed.length ? 0 : mixedIndex + 1;
        blackhole.consume(Udi.parse(input, CLOCK));
    }

    private static String gtin(Random random) {
        StringBuilder sb = new StringBuilder("0");
        for (int i = 0; i < 12; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (sb.charAt(12 - i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return sb.append((10 - sum % 10) % 10).toString();
    }

    /** Replaces the trailing placeholder of an HIBC string by its modulo 43 check character. */
    private static String withHibccCheck(String s) {
        if (!s.startsWith("+")) {
            return s;
        }
        String set = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";
        String body = s.substring(0, s.length() - 1);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += set.indexOf(body.charAt(i));
        }
        return body + set.charAt(sum % 43);
    }
}
