package org.vigil.mir.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.vigil.mir.MirForm;
import org.vigil.mir.MirValidation;
import org.vigil.shared.xml.XmlRefusedException;

/**
 * Issue 6: "Hostile XML (external entities, billion laughs, deep nesting, huge files) given to import and to
 * {@code mir validate} is rejected within 50 ms with a clear message and reads no local file." Score = milliseconds
 * from handing Vigil the document to the refusal ({@link XmlRefusedException}), single thread, for each kind of
 * hostile file and both paths: the import ({@link MirForm#read}, also {@code mir render}) and validation
 * ({@link MirValidation#validate(java.io.InputStream)}, what {@code mir validate} and the web check run) and, for the
 * 21 MB file, {@code mir validate}'s path from a file on disk ({@link MirValidation#validate(Path)}); a 21 MB stream
 * that does not tell its size ({@code huge21MBUnsized}) can only be refused once the limit is counted while parsing.
 * A benchmark whose document is not refused fails, so a figure always belongs to a refusal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HostileXmlBenchmark {

    /** Size of the huge file: one megabyte over the 20 MB limit. */
    static final int HUGE_BYTES = 21 * 1024 * 1024;

    @Param({"externalEntity", "externalDtd", "parameterEntity", "billionLaughs", "deepNesting", "huge21MB",
        "huge21MBUnsized"})
    public String kind;

    private final MirValidation validation = MirValidation.withDefaults();
    private byte[] document;
    private Path canary;
    private Path hugeFile;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        canary = Files.createTempFile("vigil-bench-canary", ".txt");
        Files.writeString(canary, "CANARY-bench-not-to-be-read");
        String target = canary.toUri().toString();
        String xml = switch (kind) {
            case "externalEntity" -> "<?xml version=\"1.0\"?><!DOCTYPE incident [<!ENTITY xxe SYSTEM \"" + target
                    + "\">]><incident version=\"7.3.1\"><admin_info><ncaName>&xxe;</ncaName></admin_info></incident>";
            case "externalDtd" -> "<!DOCTYPE incident SYSTEM \"" + target + "\"><incident version=\"7.3.1\"/>";
            case "parameterEntity" -> "<!DOCTYPE incident [<!ENTITY % remote SYSTEM \"" + target + "\"> %remote;]>"
                    + "<incident version=\"7.3.1\"/>";
            case "billionLaughs" -> billionLaughs();
            case "deepNesting" -> "<incident version=\"7.3.1\">" + "<a>".repeat(10_000) + "</a>".repeat(10_000)
                    + "</incident>";
            case "huge21MB", "huge21MBUnsized" -> null;
            default -> throw new IllegalArgumentException(kind);
        };
        document = xml == null ? huge() : xml.getBytes(StandardCharsets.UTF_8);
        if (kind.equals("huge21MB")) {
            hugeFile = Files.createTempFile("vigil-bench-huge", ".xml");
            Files.write(hugeFile, document);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(canary);
        if (hugeFile != null) {
            Files.deleteIfExists(hugeFile);
        }
    }

    /** The ten-level entity expansion bomb: a billion "lol"s, about 3 GB, if it were ever expanded. */
    private static String billionLaughs() {
        var dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int level = 1; level <= 9; level++) {
            dtd.append("<!ENTITY lol").append(level).append(" \"")
                    .append(("&lol" + (level - 1) + ";").repeat(10)).append("\">");
        }
        return dtd.append("]><incident version=\"7.3.1\"><admin_info><ncaName>&lol9;</ncaName></admin_info>"
                + "</incident>").toString();
    }

    /** A well-formed MIR form of 21 MB: a device description repeated far beyond any real report. */
    private static byte[] huge() {
        var out = new ByteArrayOutputStream(HUGE_BYTES + 4096);
        out.writeBytes(("<incident version=\"7.3.1\"><admin_info><reportType>Initial</reportType></admin_info>"
                + "<device_info>").getBytes(StandardCharsets.UTF_8));
        byte[] line = ("<deviceDescription>" + "x".repeat(1000) + "</deviceDescription>\n")
                .getBytes(StandardCharsets.UTF_8);
        while (out.size() < HUGE_BYTES) {
            out.writeBytes(line);
        }
        out.writeBytes("</device_info><incident_info/><mfr_invest/></incident>".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * The document as a stream; for {@code huge21MBUnsized} one that does not tell its size (as a network stream
     * of unknown length), so that the reader must count it while parsing.
     */
    private InputStream stream() {
        var in = new ByteArrayInputStream(document);
        return !kind.equals("huge21MBUnsized") ? in : new FilterInputStream(in) {
            @Override
            public int available() {
                return 0;
            }
        };
    }

    /** The import path: {@code MirForm.read}, as the MIR import and {@code mir render} read a form. */
    @Benchmark
    public XmlRefusedException importForm() throws IOException {
        try {
            MirForm.read(stream());
        } catch (XmlRefusedException refused) {
            return refused;
        }
        throw new IllegalStateException(kind + " was not refused by MirForm.read");
    }

    /** The validation path from a stream (the web upload and the API). */
    @Benchmark
    public XmlRefusedException validateStream() throws IOException {
        try {
            validation.validate(stream());
        } catch (XmlRefusedException refused) {
            return refused;
        }
        throw new IllegalStateException(kind + " was not refused by MirValidation.validate");
    }

    /**
     * {@code mir validate FILE}: the 21 MB file read from disk (page cache); the other kinds are the same from a file
     * or a stream, so they run the stream path here.
     */
    @Benchmark
    public XmlRefusedException validateFile() throws IOException {
        if (hugeFile == null) {
            return validateStream();
        }
        try {
            validation.validate(hugeFile);
        } catch (XmlRefusedException refused) {
            return refused;
        }
        throw new IllegalStateException(kind + " was not refused by MirValidation.validate(Path)");
    }
}
