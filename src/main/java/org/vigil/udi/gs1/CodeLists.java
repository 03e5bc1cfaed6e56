package org.vigil.udi.gs1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * ISO code lists needed by the linters, loaded once from the resources next to the dictionary
 * (see {@code SOURCE.md}) into flat lookup tables so that a lookup is one array access.
 */
final class CodeLists {

    private static final boolean[] ISO3166_NUMERIC = numericTable("iso3166-numeric.txt");
    private static final boolean[] ISO4217_NUMERIC = numericTable("iso4217-numeric.txt");
    private static final boolean[] ISO3166_ALPHA2 = alpha2Table("iso3166-alpha2.txt");

    private CodeLists() {
    }

    static boolean iso3166Numeric(int code) {
        return code >= 0 && code < 1000 && ISO3166_NUMERIC[code];
    }

    static boolean iso4217Numeric(int code) {
        return code >= 0 && code < 1000 && ISO4217_NUMERIC[code];
    }

    static boolean iso3166Alpha2(char first, char second) {
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            return false;
        }
        return ISO3166_ALPHA2[(first - 'A') * 26 + (second - 'A')];
    }

    private static boolean[] numericTable(String resource) {
        boolean[] table = new boolean[1000];
        for (String line : lines(resource)) {
            table[Integer.parseInt(line)] = true;
        }
        return table;
    }

    private static boolean[] alpha2Table(String resource) {
        boolean[] table = new boolean[26 * 26];
        for (String line : lines(resource)) {
            table[(line.charAt(0) - 'A') * 26 + (line.charAt(1) - 'A')] = true;
        }
        return table;
    }

    private static java.util.List<String> lines(String resource) {
        try (InputStream in = CodeLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
