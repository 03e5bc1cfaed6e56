package org.vigil.udi.carrier;

import java.util.List;
import org.vigil.udi.UdiResult;
import org.vigil.udi.diagnostic.Diagnostics;
import org.vigil.udi.gs1.Gs1Reader;
import org.vigil.udi.gs1.SyntaxDictionary;
import org.vigil.udi.hibcc.HibccParser;
import org.vigil.udi.ifa.Iso15434Parser;
import org.vigil.udi.isbt128.Isbt128Parser;
import org.vigil.udi.text.Chars;

/**
 * Recognises what a scanned text is and hands it to the right issuer's reader.
 *
 * <p>First an AIM symbology identifier (ISO/IEC 15424, {@code ]} + code letter + modifier) is removed.
 * The GS1 identifiers ({@code ]C1} GS1-128, {@code ]e0} GS1 DataBar / composite, {@code ]d2} GS1
 * DataMatrix, {@code ]Q3} GS1 QR, {@code ]J1} GS1 DotCode) announce GS1 element strings with GS as FNC1;
 * {@code ]E0}/{@code ]E4} announce an EAN-13/UPC or EAN-8 GTIN. For any other identifier the content
 * decides, by its first characters, which are distinct for each issuing entity:
 * {@code (} bracketed GS1, {@code ^} GS1 notation, {@code http(s)://} GS1 Digital Link, a digit or GS
 * GS1 element string without identifier, {@code +} HIBCC, {@code =}/{@code &} ISBT 128,
 * {@code [)>} ISO/IEC 15434 (IFA, or GS1 in format 05).
 *
 * <p>Input longer than {@link #MAX_INPUT} characters is rejected without looking further, so the work per
 * input is bounded whatever is fed in (the largest 2D symbols hold a few thousand characters).
 */
public final class CarrierReader {

    /** Upper bound on the characters examined; longer input is reported, not parsed. */
    public static final int MAX_INPUT = 8192;

    private final Gs1Reader gs1;
    private final HibccParser hibcc = new HibccParser();
    private final Isbt128Parser isbt = new Isbt128Parser();
    private final Iso15434Parser iso15434;

    public CarrierReader(SyntaxDictionary dictionary) {
        this.gs1 = new Gs1Reader(dictionary);
        this.iso15434 = new Iso15434Parser(gs1);
    }

    public UdiResult read(String input, int currentYear) {
        int length = input.length();
        if (length > MAX_INPUT) {
            return unrecognised(input, MAX_INPUT, "the scanned text is too long (" + length
                    + " characters); a UDI barcode holds at most " + MAX_INPUT);
        }
        if (length == 0) {
            return unrecognised(input, 0, "the scanned text is empty");
        }
        int start = 0;
        if (input.charAt(0) == ']') {
            if (length < 3) {
                return unrecognised(input, 0, "the symbology identifier \"" + input + "\" is incomplete");
            }
            UdiResult gs1Symbol = gs1.readAfterSymbologyIdentifier(input, currentYear, true);
            if (gs1Symbol != null) {
                return gs1Symbol;
            }
            // Non-GS1 symbology: the content decides (HIBCC in Code 39/128, ISBT 128, IFA DataMatrix...).
            start = 3;
            if (start >= length) {
                return unrecognised(input, start, "the barcode holds no data after the symbology identifier");
            }
        }
        Gs1Reader.Form form = Gs1Reader.formAt(input, start);
        if (form != null) {
            return gs1.read(input, start, length, form, currentYear, new Diagnostics(length));
        }
        char first = input.charAt(start);
        if (first == '+') {
            return hibcc.read(input, start, length);
        }
        if (first == '=' || first == '&') {
            return isbt.read(input, start, length);
        }
        if (Iso15434Parser.isEnvelope(input, start)) {
            return iso15434.read(input, start, length, currentYear);
        }
        return unrecognised(input, start, "this is not a UDI of GS1, HIBCC, ICCBBA (ISBT 128) or IFA: it starts with "
                + "\"" + Chars.printable(first) + "\"");
    }

    public UdiResult readHibccPair(String primary, String secondary) {
        if (primary.length() + secondary.length() > MAX_INPUT) {
            String joined = primary + " " + secondary;
            return unrecognised(joined, MAX_INPUT, "the scanned text is too long");
        }
        return hibcc.readSplit(primary, secondary);
    }

    private static UdiResult unrecognised(String input, int position, String message) {
        Diagnostics d = new Diagnostics(input.length());
        d.add(position, message);
        return new UdiResult(input, null, null, null, null, null, null, null, null, List.of(), null, null, d.toList());
    }
}
