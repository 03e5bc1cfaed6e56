package org.vigil.mir.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.vigil.mir.MirEudamed;
import org.vigil.mir.MirForm;
import org.vigil.mir.MirReport;
import org.vigil.mir.MirValidation;
import org.vigil.shared.xml.HardenedStreamReader;
import org.vigil.shared.xml.HardenedXml;

import com.sun.management.ThreadMXBean;

/**
 * Companion to {@link MirDocumentBenchmark} for shared machines: documents per second of <em>thread CPU time</em>
 * (per core, independent of how many other processes compete for the cores) and bytes allocated per document, for
 * writing alone, checking alone and both, so a slow step shows itself. Same reports as the JMH benchmark.
 * Run with {@code bench/run-mir.sh --cpu-time}.
 */
public final class MirCpuTimeProbe {

    private MirCpuTimeProbe() {
    }

    @FunctionalInterface
    private interface Step {
        int run(int i) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        MirReport[] reports = new MirReport[64];
        for (int i = 0; i < reports.length; i++) {
            reports[i] = MirDocumentBenchmark.report("VDM-MIR-2026-" + (100 + i));
        }
        MirValidation validation = MirValidation.withDefaults();
        byte[] form = MirForm.write(reports[0]);
        byte[] eudamed = MirEudamed.write(reports[0]);
        measure("form write", i -> MirForm.write(reports[i & 63]).length);
        measure("form check", i -> validation.validate(new ByteArrayInputStream(form)).problems().size());
        measure("form write + check", i -> validation.validate(new ByteArrayInputStream(
                MirForm.write(reports[i & 63]))).problems().size());
        measure("EUDAMED write", i -> MirEudamed.write(reports[i & 63]).length);
        measure("EUDAMED read (hardened)", i -> read(eudamed));
        measure("EUDAMED validate", i -> validation.validate(new ByteArrayInputStream(eudamed)).problems().size());
        measure("EUDAMED write + validate", i -> validation.validate(new ByteArrayInputStream(
                MirEudamed.write(reports[i & 63]))).problems().size());
    }

    /** Reading alone, through the hardened reader validation uses: the floor under any validation. */
    private static int read(byte[] xml) throws IOException {
        try {
            HardenedStreamReader reader = HardenedXml.streamReader(new ByteArrayInputStream(xml));
            int elements = 0;
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    elements++;
                }
            }
            reader.close();
            return elements;
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void measure(String name, Step step) throws IOException {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        int perRound = 5_000;
        double best = Double.MAX_VALUE;
        long allocated = 0;
        for (int round = 1; round <= 8; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long bytes = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < perRound; i++) {
                sink += step.run(i);
            }
            double cpuNanos = (threads.getCurrentThreadCpuTime() - cpu) / (double) perRound;
            if (round > 3 && cpuNanos < best) { // first rounds are warm-up
                best = cpuNanos;
                allocated = (threads.getCurrentThreadAllocatedBytes() - bytes) / perRound;
            }
        }
        System.out.printf("%-26s %8.0f µs CPU = %7.0f documents per CPU-second, %7d B allocated (sink %d)%n", name,
                best / 1000, 1e9 / best, allocated, sink);
    }
}
