package org.vigil.udi.gs1;

import java.util.List;
import org.vigil.udi.Conversion;
import org.vigil.udi.Gs1Symbology;
import org.vigil.udi.UdiProblem;
import org.vigil.udi.checkchar.Mod10;
import org.vigil.udi.diagnostic.Diagnostics;

/**
 * Produces the scan data a scanner would transmit for a symbol encoding the given data: the AIM
 * symbology identifier (ISO/IEC 15424; GS1 General Specifications 5.1.2 and 5.4.x for each carrier)
 * followed by the data, FNC1 shown as GS (0x1D).
 *
 * <p>Input is unbracketed GS1 notation ({@code ^01…}); a {@code |} separates the linear part from a
 * composite (CC) part. For 2D symbologies, input that does not start with {@code ^} is plain non-GS1
 * data, where a leading backslash escapes a leading {@code ^} or backslash. For EAN/UPC and DataBar
 * Omnidirectional/Limited the linear part may be given as bare digits; one digit short means "compute
 * the check digit".
 */
public final class ScanDataWriter {

    private final SyntaxDictionary dictionary;
    private final ElementStringReader reader;

    public ScanDataWriter(SyntaxDictionary dictionary) {
        this.dictionary = dictionary;
        this.reader = new ElementStringReader(dictionary);
    }

    public Conversion write(String data, Gs1Symbology symbology, int currentYear) {
        Diagnostics d = new Diagnostics(data.length());
        String result = switch (symbology) {
            case NONE -> fail(d, 0, "no barcode symbology was chosen");
            case QR -> twoDimensional(data, "]Q3", "]Q1", currentYear, d);
            case DATA_MATRIX -> twoDimensional(data, "]d2", "]d1", currentYear, d);
            case DOTCODE -> twoDimensional(data, "]J1", "]J0", currentYear, d);
            case DATABAR_EXPANDED, GS1_128 -> expandedOr128(data, symbology, currentYear, d);
            case DATABAR_OMNI, DATABAR_TRUNCATED, DATABAR_LIMITED -> dataBarGtin(data, symbology, currentYear, d);
            case UPC_A, UPC_E, EAN_13, EAN_8 -> eanUpc(data, symbology, currentYear, d);
        };
        if (result == null || !d.isEmpty()) {
            List<UdiProblem> problems = d.isEmpty() ? List.of(new UdiProblem(0, "scan data could not be produced"))
                    : d.toList();
            return Conversion.failed(problems);
        }
        return Conversion.of(result);
    }

    private static String fail(Diagnostics d, int position, String message) {
        d.add(position, message);
        return null;
    }

    private String twoDimensional(String data, String gs1Id, String plainId, int year, Diagnostics d) {
        if (data.isEmpty()) {
            return fail(d, 0, "there is no data to encode");
        }
        if (data.charAt(0) != '^') {
            // Plain data: a leading backslash escapes a leading "^" or "\".
            return plainId + (data.charAt(0) == '\\' ? data.substring(1) : data);
        }
        ElementList elements = parse(data, 0, data.length(), year, d);
        if (elements == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(gs1Id);
        Gs1Text.appendBody(sb, elements, ElementStringReader.GS);
        if (elements.trailingFnc1) {
            sb.append(ElementStringReader.GS); // kept as given, like GS1's reference implementation
        }
        return sb.toString();
    }

    private String expandedOr128(String data, Gs1Symbology symbology, int year, Diagnostics d) {
        int bar = data.indexOf('|');
        int linearEnd = bar < 0 ? data.length() : bar;
        if (linearEnd == 0 || data.charAt(0) != '^') {
            return fail(d, 0, symbology + " carries only GS1 AI data, which must start with ^");
        }
        ElementList linear = parse(data, 0, linearEnd, year, d);
        ElementList composite = bar < 0 ? null : composite(data, bar + 1, year, d);
        if (linear == null || (bar >= 0 && composite == null) || !combined(linear, composite, year, d)) {
            return null;
        }
        StringBuilder sb = new StringBuilder(symbology == Gs1Symbology.GS1_128 ? "]C1" : "]e0");
        Gs1Text.appendBody(sb, linear, ElementStringReader.GS);
        if (composite != null) {
            if (symbology == Gs1Symbology.GS1_128) {
                sb.append("|]e0");
            } else if (Gs1Text.needsSeparatorAfter(linear, linear.size - 1)) {
                sb.append(ElementStringReader.GS);
            }
            Gs1Text.appendBody(sb, composite, ElementStringReader.GS);
        }
        return sb.toString();
    }

    private String dataBarGtin(String data, Gs1Symbology symbology, int year, Diagnostics d) {
        int bar = data.indexOf('|');
        String gtin = linearGtin(data, bar < 0 ? data.length() : bar, 14, year, d);
        if (gtin == null) {
            return null;
        }
        if (symbology == Gs1Symbology.DATABAR_LIMITED && gtin.charAt(0) > '1') {
            return fail(d, 0, "GS1 DataBar Limited can only carry GTINs whose first digit is 0 or 1");
        }
        ElementList composite = bar < 0 ? null : composite(data, bar + 1, year, d);
        if (bar >= 0 && (composite == null || !combined(gtinElement(gtin), composite, year, d))) {
            return null;
        }
        StringBuilder sb = new StringBuilder("]e001").append(gtin);
        if (composite != null) {
            Gs1Text.appendBody(sb, composite, ElementStringReader.GS);
        }
        return sb.toString();
    }

    private String eanUpc(String data, Gs1Symbology symbology, int year, Diagnostics d) {
        int bar = data.indexOf('|');
        int linearEnd = bar < 0 ? data.length() : bar;
        int digits = switch (symbology) {
            case UPC_A, UPC_E -> 12;
            case EAN_13 -> 13;
            default -> 8;
        };
        String gtin = linearGtin(data, linearEnd, digits, year, d);
        if (gtin == null) {
            return null;
        }
        String transmitted;
        switch (symbology) {
            case UPC_A -> {
                if (!gtin.startsWith("00")) {
                    return fail(d, 0, "a UPC-A symbol can only carry a GTIN-12");
                }
                transmitted = "]E0" + gtin.substring(1);
            }
            case UPC_E -> {
                if (!gtin.startsWith("00") || !zeroSuppressible(gtin.substring(2))) {
                    return fail(d, 0, "this GTIN cannot be shortened to a UPC-E symbol");
                }
                transmitted = "]E0" + gtin.substring(1);
            }
            case EAN_13 -> {
                if (gtin.charAt(0) != '0') {
                    return fail(d, 0, "an EAN-13 symbol can only carry a GTIN-13");
                }
                transmitted = "]E0" + gtin.substring(1);
            }
            default -> {
                if (!gtin.startsWith("000000")) {
                    return fail(d, 0, "an EAN-8 symbol can only carry a GTIN-8");
                }
                transmitted = "]E4" + gtin.substring(6);
            }
        }
        if (bar < 0) {
            return transmitted;
        }
        ElementList composite = composite(data, bar + 1, year, d);
        if (composite == null || !combined(gtinElement(gtin), composite, year, d)) {
            return null;
        }
        StringBuilder sb = new StringBuilder(transmitted).append("|]e0");
        Gs1Text.appendBody(sb, composite, ElementStringReader.GS);
        return sb.toString();
    }

    /**
     * The GTIN-14 of the linear part: either {@code ^01} + 14 digits, or the symbol's own digits
     * ({@code digits} long, or one fewer to have the check digit computed), zero-padded to 14.
     */
    private String linearGtin(String data, int end, int digits, int year, Diagnostics d) {
        if (end > 0 && data.charAt(0) == '^') {
            ElementList elements = parse(data, 0, end, year, d);
            if (elements == null) {
                return null;
            }
            if (elements.size != 1 || !elements.ais[0].equals("01")) {
                return fail(d, 0, "this symbol's linear part can only carry a GTIN, AI (01)");
            }
            return elements.values[0];
        }
        for (int i = 0; i < end; i++) {
            if (data.charAt(i) < '0' || data.charAt(i) > '9') {
                return fail(d, i, "only digits can be encoded in this symbol");
            }
        }
        String number = data.substring(0, end);
        if (number.length() == digits - 1) {
            number = number + Mod10.compute(number, 0, number.length());
        } else if (number.length() != digits) {
            return fail(d, 0, "this symbol needs " + digits + " digits, not " + number.length());
        } else if (!Mod10.valid(number, 0, number.length())) {
            return fail(d, end - 1, "the check digit is wrong: it should be "
                    + Mod10.compute(number, 0, number.length() - 1));
        }
        return "0".repeat(14 - number.length()) + number;
    }

    private ElementList gtinElement(String gtin) {
        ElementList list = new ElementList();
        list.add(dictionary.lookup("01"), "01", gtin, 0, 0, null);
        return list;
    }

    private ElementList composite(String data, int from, int year, Diagnostics d) {
        if (from >= data.length() || data.charAt(from) != '^') {
            d.add(from, "the composite part must be GS1 AI data starting with ^");
            return null;
        }
        return parse(data, from, data.length(), year, d);
    }

    /** Repeats across linear and composite parts are checked over the combined data. */
    private boolean combined(ElementList linear, ElementList composite, int year, Diagnostics d) {
        if (composite == null) {
            return true;
        }
        ElementList all = new ElementList();
        for (ElementList part : new ElementList[] {linear, composite}) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.definitions[i], part.ais[i], part.values[i], part.aiPositions[i], part.valuePositions[i],
                        part.valueMaps[i]);
            }
        }
        Diagnostics combinedProblems = new Diagnostics(d.inputLength());
        ElementValidator.validate(all, year, combinedProblems, false);
        for (var problem : combinedProblems.toList()) {
            d.add(problem.position(), problem.message());
        }
        return combinedProblems.isEmpty();
    }

    /** Parses and validates the elements of {@code [from, to)}; {@code null} if anything is wrong. */
    private ElementList parse(String data, int from, int to, int year, Diagnostics d) {
        ElementList elements = new ElementList();
        Diagnostics local = new Diagnostics(data.length());
        reader.readUnbracketed(data, from, to, local, elements);
        if (local.isEmpty() && elements.size == 0) {
            // A lone FNC1 ("^" before "|" or at the end) would otherwise give a symbol that carries nothing.
            local.add(Math.min(from + 1, data.length()), "a GS1 Application Identifier (digits) was expected here");
        }
        if (local.isEmpty()) {
            ElementValidator.validate(elements, year, local, false);
        }
        for (var problem : local.toList()) {
            d.add(problem.position(), problem.message());
        }
        return local.isEmpty() ? elements : null;
    }

    /** UPC-A number (12 digits) that can be written as UPC-E (GenSpecs 5.2.2.4.2, zero suppression). */
    static boolean zeroSuppressible(String upcA) {
        if (upcA.charAt(0) != '0' && upcA.charAt(0) != '1') {
            return false;
        }
        String manufacturer = upcA.substring(1, 6);
        String product = upcA.substring(6, 11);
        if (manufacturer.endsWith("000") || manufacturer.endsWith("100") || manufacturer.endsWith("200")) {
            return product.startsWith("00");
        }
        if (manufacturer.endsWith("00")) {
            return product.startsWith("000");
        }
        if (manufacturer.endsWith("0")) {
            return product.startsWith("0000");
        }
        return product.startsWith("0000") && product.charAt(4) >= '5';
    }
}
