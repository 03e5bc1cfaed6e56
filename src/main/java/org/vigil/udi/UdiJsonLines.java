package org.vigil.udi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.vigil.udi.json.JsonLinesProcessor;

/**
 * Batch interface: one scan per input line (LF or CRLF ends a line; GS, RS and EOT inside a line are
 * data), one {@link UdiJson} object per output line, in order. Used by {@code vigil udi parse [FILE]}
 * and {@code POST /api/v1/udi/parse}.
 */
public final class UdiJsonLines {

    private UdiJsonLines() {
    }

    /** Parses every line of {@code in} and writes the results to {@code out}; returns the line count. */
    public static long process(InputStream in, OutputStream out) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        return new JsonLinesProcessor(Udi::parse).process(in, out);
    }
}
