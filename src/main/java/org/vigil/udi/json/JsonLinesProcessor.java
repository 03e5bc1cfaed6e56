package org.vigil.udi.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.vigil.udi.UdiResult;

/**
 * Reads one scan per line and writes one JSON object per line.
 *
 * <p>Only LF ends a line (a CR right before it is dropped); every other byte, including GS (0x1D),
 * RS (0x1E) and EOT (0x04) which scanners put inside UDI data, belongs to the line. Each line is decoded
 * as UTF-8 when it is valid UTF-8 and otherwise byte-for-byte as ISO-8859-1, so no byte is lost or
 * replaced. One output line is written for every input line, including empty ones, so output lines can
 * be matched to input lines; the empty remainder after a final LF is not a line. A line is buffered up
 * to {@link #MAX_LINE_BYTES}; the rest of an over-long line is skipped (the parser then reports the
 * line as too long), so memory use is bounded whatever the input.
 */
public final class JsonLinesProcessor {

    /** Bytes of one line kept for parsing; more than the parser's own input limit, so it still reports. */
    public static final int MAX_LINE_BYTES = 65_536;

    private final Function<String, UdiResult> parser;

    public JsonLinesProcessor(Function<String, UdiResult> parser) {
        this.parser = parser;
    }

    /** Processes until end of input; flushes but does not close the streams. Returns lines processed. */
    public long process(InputStream in, OutputStream out) throws IOException {
        byte[] line = new byte[256];
        int length = 0;
        boolean pending = false;
        long count = 0;
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    emit(line, length, out);
                    count++;
                    length = 0;
                    pending = false;
                    continue;
                }
                pending = true;
                if (length < MAX_LINE_BYTES) {
                    if (length == line.length) {
                        line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
                    }
                    line[length++] = b;
                }
            }
        }
        if (pending) {
            emit(line, length, out);
            count++;
        }
        out.flush();
        return count;
    }

    private void emit(byte[] line, int length, OutputStream out) throws IOException {
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        String text = decode(line, length);
        String json = JsonText.toJson(parser.apply(text));
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    static String decode(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            // Not UTF-8: keep every byte as one character rather than replacing any.
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
    }
}
