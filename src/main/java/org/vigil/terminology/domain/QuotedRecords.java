package org.vigil.terminology.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimited text records in which a field in double quotes may hold the separator, doubled quotes and line
 * breaks: the European Commission's tab-separated EMDN download and NCI EVS's comma-separated FDA crosswalk. Line
 * numbers are kept so problems can name the line a person sees in the file.
 */
final class QuotedRecords {

    private final BufferedReader in;
    private final char separator;
    private final boolean quoteOnlyAtFieldStart;
    private int line;
    private int recordLine;

    /**
     * @param separator             the field separator
     * @param quoteOnlyAtFieldStart whether a double quote opens a quoted field only as a field's first character (a
     *                              quote inside an unquoted field is then text, as EMDN terms need)
     */
    QuotedRecords(BufferedReader in, char separator, boolean quoteOnlyAtFieldStart) {
        this.in = in;
        this.separator = separator;
        this.quoteOnlyAtFieldStart = quoteOnlyAtFieldStart;
    }

    /** The line on which the record last returned by {@link #next()} began. */
    int lineOfLastRecord() {
        return recordLine;
    }

    /** The next record's fields, or {@code null} at the end of the input. */
    List<String> next() throws IOException {
        String text = in.readLine();
        if (text == null) {
            return null;
        }
        line++;
        recordLine = line;
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i >= text.length()) {
                if (quoted) {
                    String more = in.readLine();
                    if (more == null) {
                        break;
                    }
                    line++;
                    field.append('\n');
                    text = more;
                    i = 0;
                    continue;
                }
                break;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && (!quoteOnlyAtFieldStart || field.isEmpty())) {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
