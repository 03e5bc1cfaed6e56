package org.vigil.device.importing.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads comma- or semicolon-separated values as RFC 4180 describes them: fields in double quotes may hold the
 * separator, line breaks and doubled quotes. The file is UTF-8, with or without a byte-order mark; bytes that are not
 * UTF-8 make the whole file unreadable rather than silently turning into replacement characters. The separator is the
 * one of {@code ,} and {@code ;} that occurs outside quotes in the header line (spreadsheets in many European locales
 * save with {@code ;}).
 */
public final class CsvTable {

    /** One record: the line it starts on (one-based, the header is line 1) and its fields. */
    public record Line(int number, List<String> fields) {
    }

    /** Thrown when the file cannot be read as CSV at all. */
    public static final class UnreadableCsvException extends Exception {
        UnreadableCsvException(String message) {
            super(message);
        }
    }

    private CsvTable() {
    }

    /** Reads every record, header first, handing each to {@code sink}; answers the separator found. */
    public static char read(InputStream in, Consumer<Line> sink) throws UnreadableCsvException {
        String text = decode(in);
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        char separator = separatorOf(text, start);
        parse(text, start, separator, sink);
        return separator;
    }

    private static String decode(InputStream in) throws UnreadableCsvException {
        try {
            byte[] bytes = in.readAllBytes();
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableCsvException("The file is not UTF-8 text: save it as \"CSV UTF-8\".");
        } catch (IOException e) {
            throw new UnreadableCsvException("The file could not be read: " + e.getMessage());
        }
    }

    private static char separatorOf(String text, int start) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static void parse(String text, int start, char separator, Consumer<Line> sink)
            throws UnreadableCsvException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int i = start;
        int n = text.length();
        boolean atFieldStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (atFieldStart && c == '"') {
                int quoteLine = line;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new UnreadableCsvException("Line " + quoteLine
                                + ": a quoted field is never closed (a \" is missing).");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n') {
                        line++;
                    }
                    field.append(q);
                    i++;
                }
                if (i < n && text.charAt(i) != separator && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    throw new UnreadableCsvException("Line " + line
                            + ": text follows a closing quote; double a quote inside a quoted field (\"\").");
                }
                atFieldStart = false;
                continue;
            }
            if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
                i++;
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                emit(recordLine, fields, sink);
                fields = new ArrayList<>();
                atFieldStart = true;
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                atFieldStart = false;
                i++;
            }
        }
        if (!fields.isEmpty() || !field.isEmpty() || !atFieldStart) {
            fields.add(field.toString());
            emit(recordLine, fields, sink);
        }
    }

    private static void emit(int line, List<String> fields, Consumer<Line> sink) {
        // A line with nothing on it (often the last one) is no record.
        if (fields.size() == 1 && fields.getFirst().isEmpty()) {
            return;
        }
        sink.accept(new Line(line, List.copyOf(fields)));
    }

    /** Quotes {@code value} for a CSV field when it holds the separator, a quote or a line break. */
    public static String quote(String value, char separator) {
        if (value == null) {
            return "";
        }
        boolean needs = value.indexOf(separator) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || (!value.isEmpty() && (value.charAt(0) == ' '
                || value.charAt(value.length() - 1) == ' '));
        return needs ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

}
