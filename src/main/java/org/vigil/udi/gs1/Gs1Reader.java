package org.vigil.udi.gs1;

import java.time.LocalDate;
import java.util.List;
import org.vigil.udi.IssuingEntity;
import org.vigil.udi.UdiResult;
import org.vigil.udi.calendar.UdiDates;
import org.vigil.udi.diagnostic.Diagnostics;

/**
 * Reads GS1 UDI data in any of its textual forms and maps it to a {@link UdiResult}: AI (01) GTIN is the
 * UDI-DI; (10) lot, (21) serial, (17) expiry, (11) production date and (8012) software version are the
 * UDI-PI (GS1 General Specifications section 2.1.x "Healthcare" and the GS1 UDI guideline for
 * Regulation (EU) 2017/745 Annex VI Part C).
 */
public final class Gs1Reader {

    /** Which text form the GS1 data is written in. */
    public enum Form { SCAN_DATA, UNBRACKETED, BRACKETED, DIGITAL_LINK }

    /**
     * Per-thread scratch list: the elements never outlive one call (the result copies them out), and
     * reusing the arrays saves nine allocations per parse on the hot path.
     */
    private static final ThreadLocal<ElementList> SCRATCH = ThreadLocal.withInitial(ElementList::new);

    private final SyntaxDictionary dictionary;
    private final ElementStringReader elementReader;
    private final DigitalLinkReader linkReader;

    public Gs1Reader(SyntaxDictionary dictionary) {
        this.dictionary = dictionary;
        this.elementReader = new ElementStringReader(dictionary);
        this.linkReader = new DigitalLinkReader(dictionary);
    }

    public SyntaxDictionary dictionary() {
        return dictionary;
    }

    /** Reads {@code [from, to)} of {@code input} in the given form and validates it. */
    public UdiResult read(String input, int from, int to, Form form, int currentYear, Diagnostics diagnostics) {
        return read(input, from, to, form, currentYear, diagnostics, true);
    }

    /** As {@link #read(String, int, int, Form, int, Diagnostics)}, optionally without the pairing rules. */
    public UdiResult read(String input, int from, int to, Form form, int currentYear, Diagnostics diagnostics,
            boolean associations) {
        ElementList elements = SCRATCH.get();
        elements.clear();
        switch (form) {
            case SCAN_DATA -> elementReader.readScanData(input, from, to, diagnostics, elements);
            case UNBRACKETED -> elementReader.readUnbracketed(input, from, to, diagnostics, elements);
            case BRACKETED -> elementReader.readBracketed(input, from, to, diagnostics, elements);
            case DIGITAL_LINK -> linkReader.read(input, from, to, diagnostics, elements);
        }
        return finish(input, elements, currentYear, diagnostics, associations);
    }

    /**
     * Reads GS1 data in whichever form it is written (scan data with or without AIM identifier,
     * bracketed, unbracketed, Digital Link).
     */
    public UdiResult readAnyForm(String input, int currentYear, boolean associations) {
        int length = input.length();
        if (length >= 3 && input.charAt(0) == ']') {
            UdiResult result = readAfterSymbologyIdentifier(input, currentYear, associations);
            if (result != null) {
                return result;
            }
        }
        Form form = formAt(input, 0);
        Diagnostics d = new Diagnostics(length);
        if (form == null) {
            d.add(0, length == 0 ? "there is no data" : "this is not GS1 data");
            return finish(input, new ElementList(), currentYear, d, associations);
        }
        return read(input, 0, length, form, currentYear, d, associations);
    }

    /**
     * Reads the data after an AIM symbology identifier that announces GS1 data (GenSpecs 5.1.2:
     * {@code ]C1} GS1-128, {@code ]e0} GS1 DataBar and composite, {@code ]d2} GS1 DataMatrix, {@code ]Q3}
     * GS1 QR Code, {@code ]J1} GS1 DotCode; {@code ]E0}/{@code ]E4} EAN/UPC). {@code null} for any other
     * identifier, whose content then decides what it is.
     */
    public UdiResult readAfterSymbologyIdentifier(String input, int currentYear, boolean associations) {
        int length = input.length();
        return switch (input.substring(1, 3)) {
            case "C1", "e0", "d2", "Q3", "J1" ->
                    read(input, 3, length, Form.SCAN_DATA, currentYear, new Diagnostics(length), associations);
            case "E0" -> readEanUpc(input, 3, length, 13, currentYear, new Diagnostics(length));
            case "E4" -> readEanUpc(input, 3, length, 8, currentYear, new Diagnostics(length));
            default -> null;
        };
    }

    /**
     * The GS1 form of the text starting at {@code start}, or {@code null} if it does not look like GS1
     * data: {@code (} bracketed, {@code ^} unbracketed, {@code http(s)://} Digital Link, a digit or GS
     * element string as scanners send it without symbology identifier.
     */
    public static Form formAt(String input, int start) {
        if (start >= input.length()) {
            return null;
        }
        char first = input.charAt(start);
        if (first == '(') {
            return Form.BRACKETED;
        }
        if (first == '^') {
            return Form.UNBRACKETED;
        }
        if ((first >= '0' && first <= '9') || first == ElementStringReader.GS) {
            return Form.SCAN_DATA;
        }
        return DigitalLinkReader.looksLikeUri(input, start) ? Form.DIGITAL_LINK : null;
    }

    /** Reads the GTIN carried by an EAN/UPC symbol ({@code ]E0} 13 digits, {@code ]E4} 8 digits). */
    public UdiResult readEanUpc(String input, int from, int to, int digits, int currentYear, Diagnostics diagnostics) {
        ElementList elements = new ElementList();
        if (to - from != digits || !allDigits(input, from, to)) {
            diagnostics.add(from, "an EAN/UPC barcode carries exactly " + digits + " digits");
        } else {
            String gtin = "0".repeat(14 - digits) + input.substring(from, to);
            int[] map = new int[14];
            for (int k = 0; k < 14; k++) {
                map[k] = Math.max(from, from + k - (14 - digits));
            }
            elements.add(dictionary.lookup("01"), "01", gtin, from, from, map);
        }
        return finish(input, elements, currentYear, diagnostics, true);
    }

    /** Validates the elements (with pairing rules if {@code associations}) and builds the result. */
    public UdiResult finish(String input, ElementList elements, int currentYear, Diagnostics diagnostics,
            boolean associations) {
        if (elements.size == 0 && diagnostics.isEmpty()) {
            diagnostics.add(0, "no GS1 data was found");
        }
        ElementValidator.validate(elements, currentYear, diagnostics, associations);
        String di = null;
        String lot = null;
        String serial = null;
        String version = null;
        LocalDate expiry = null;
        LocalDate manufactured = null;
        for (int i = 0; i < elements.size; i++) {
            String value = elements.values[i];
            // integer switch on the AI number; the length tells (01) from (0001)-style AIs
            int length = elements.ais[i].length();
            switch (elements.aiNumbers[i]) {
                case 1 -> di = di == null && length == 2 ? value : di;
                case 10 -> lot = lot == null && length == 2 ? value : lot;
                case 21 -> serial = serial == null && length == 2 ? value : serial;
                case 8012 -> version = version == null ? value : version;
                case 17 -> expiry = expiry == null && length == 2 ? date(value, currentYear) : expiry;
                case 11 -> manufactured = manufactured == null && length == 2 ? date(value, currentYear) : manufactured;
                default -> {
                    // other AIs are kept in the element list only
                }
            }
        }
        List<org.vigil.udi.AiElement> list = elements.toAiElements();
        // Without problems every value passed a GS1 character set check, all of which are ASCII.
        String hri = elements.size == 0 ? null : Gs1Text.hri(elements, diagnostics.isEmpty());
        String elementString = elements.size == 0 ? null : Gs1Text.unbracketed(elements);
        return new UdiResult(input, IssuingEntity.GS1, di, lot, serial, expiry, manufactured, version, null, list,
                hri, elementString, diagnostics.toList());
    }

    /** YYMMDD with day 00 = last day of month; {@code null} unless the value is a real date. */
    static LocalDate date(String value, int currentYear) {
        if (value.length() != 6) {
            return null;
        }
        int yy = UdiDates.digits(value, 0, 2);
        int month = UdiDates.digits(value, 2, 2);
        int day = UdiDates.digits(value, 4, 2);
        if (yy < 0 || month < 0 || day < 0) {
            return null;
        }
        return UdiDates.dateAllowingDayZero(UdiDates.gs1Year(yy, currentYear), month, day);
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
