package org.vigil.udi.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.vigil.udi.Udi;

/**
 * Companion to {@link UdiParseBenchmark} for shared machines: measures GS1 element-string parses per
 * second of <em>thread CPU time</em> (per core, independent of how many other processes compete for the
 * cores), plus bytes allocated per parse. Same corpus shape as the JMH benchmark.
 * Run with {@code bench/run-udi.sh --cpu-time}.
 */
public final class CpuTimeProbe {

    private CpuTimeProbe() {
    }

    public static void main(String[] args) {
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
        String[] corpus = new String[256];
        for (int i = 0; i < corpus.length; i++) {
            corpus[i] = "^0109506000134352172612" + String.format("%02d", i % 28 + 1) + "10L" + i + "ABC^21S" + (1000 + i);
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        int perRound = 2_000_000;
        for (int round = 1; round <= 10; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long bytes = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < perRound; i++) {
                sink += Udi.parse(corpus[i & 255], clock).problems().size();
            }
            double cpuNanos = (threads.getCurrentThreadCpuTime() - cpu) / (double) perRound;
            long allocated = (threads.getCurrentThreadAllocatedBytes() - bytes) / perRound;
            if (round > 4) { // first rounds are warm-up
                System.out.printf("round %d: %.0f ns CPU per parse = %.0f parses per CPU-second, %d B allocated per parse%n",
                        round, cpuNanos, 1e9 / cpuNanos, allocated);
            }
        }
        if (sink != 0) {
            throw new IllegalStateException("corpus must be valid");
        }
    }
}
