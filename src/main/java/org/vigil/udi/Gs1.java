package org.vigil.udi;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.vigil.udi.checkchar.Mod10;
import org.vigil.udi.diagnostic.Diagnostics;
import org.vigil.udi.gs1.DigitalLinkWriter;
import org.vigil.udi.gs1.ElementList;
import org.vigil.udi.gs1.Gs1Reader;
import org.vigil.udi.gs1.ScanDataWriter;
import org.vigil.udi.gs1.SyntaxDictionary;

/**
 * GS1-specific conversions between the forms of the same AI data (GS1 General Specifications
 * sections 4.15 HRI, 5.1.2 symbology identifiers and 7.8 element strings; GS1 Digital Link URI Syntax):
 * bracketed HRI, unbracketed element string ({@code ^} = FNC1), scan data for a symbology, and a GS1
 * Digital Link URI. All conversions validate the data with the vendored GS1 Barcode Syntax Dictionary
 * first and return the problems instead of a value when it is not valid. Never throws except for
 * {@code null} arguments.
 */
public final class Gs1 {

    private static final SyntaxDictionary DICTIONARY = SyntaxDictionary.standard();
    private static final Gs1Reader READER = new Gs1Reader(DICTIONARY);
    private static final ScanDataWriter SCAN_DATA = new ScanDataWriter(DICTIONARY);

    private Gs1() {
    }

    /**
     * {@code digits} followed by their GS1 check digit (GS1 General Specifications section 7.9.1), for example the 13
     * digits of a GTIN-14 without its last one; fails, naming the position, at the first character that is not a digit.
     */
    public static Conversion withCheckDigit(String digits) {
        Objects.requireNonNull(digits, "digits");
        if (digits.isEmpty()) {
            return Conversion.failed(List.of(new UdiProblem(0, "there are no digits to compute a check digit for")));
        }
        int check = Mod10.compute(digits, 0, digits.length());
        if (check < 0) {
            int position = 0;
            while (digits.charAt(position) >= '0' && digits.charAt(position) <= '9') {
                position++;
            }
            return Conversion.failed(List.of(new UdiProblem(position, "a GS1 check digit is computed over digits only")));
        }
        return Conversion.of(digits + check);
    }

    /** Reads bracketed HRI, e.g. {@code (01)09506000134352(17)261231(10)AB1}. */
    public static UdiResult parseBracketed(String hri) {
        return read(hri, Gs1Reader.Form.BRACKETED);
    }

    /** Reads an unbracketed element string in GS1 notation, e.g. {@code ^010950600013435217261231}. */
    public static UdiResult parseUnbracketed(String elementString) {
        return read(elementString, Gs1Reader.Form.UNBRACKETED);
    }

    /** Reads a GS1 Digital Link URI on any domain. */
    public static UdiResult parseDigitalLink(String uri) {
        return read(uri, Gs1Reader.Form.DIGITAL_LINK);
    }

    /**
     * Bracketed HRI of GS1 data given in any GS1 form (scan data, bracketed, unbracketed, Digital Link)
     * whose elements are valid.
     */
    public static Conversion toHri(String gs1Data) {
        UdiResult result = parseGs1(gs1Data);
        return result.problems().isEmpty() ? Conversion.of(result.gs1Hri()) : Conversion.failed(result.problems());
    }

    /** Unbracketed element string ({@code ^} notation, FNC1 only where required) of valid GS1 data. */
    public static Conversion toElementString(String gs1Data) {
        UdiResult result = parseGs1(gs1Data);
        return result.problems().isEmpty() ? Conversion.of(result.gs1ElementString())
                : Conversion.failed(result.problems());
    }

    /**
     * Scan data that a scanner would transmit for {@code symbology} encoding {@code unbracketed} (GS1
     * notation; {@code |} separates a composite component; plain non-GS1 text for 2D symbologies).
     */
    public static Conversion toScanData(String unbracketed, Gs1Symbology symbology) {
        Objects.requireNonNull(unbracketed, "unbracketed");
        Objects.requireNonNull(symbology, "symbology");
        return SCAN_DATA.write(unbracketed, symbology, Udi.currentYear(Clock.systemUTC()));
    }

    /**
     * GS1 Digital Link URI for valid GS1 data given in any form, on the domain {@code stem} (e.g.
     * {@code https://example.com}); {@code null} stem means the canonical {@code https://id.gs1.org}.
     */
    public static Conversion toDigitalLink(String gs1Data, String stem) {
        UdiResult result = parseGs1(gs1Data);
        if (!result.problems().isEmpty()) {
            return Conversion.failed(result.problems());
        }
        return DigitalLinkWriter.write(ElementList.of(result.gs1Elements(), DICTIONARY), stem);
    }

    /** Digital Link URI for already separated, valid AI elements. */
    public static Conversion toDigitalLink(List<AiElement> elements, String stem) {
        Objects.requireNonNull(elements, "elements");
        return DigitalLinkWriter.write(ElementList.of(elements, DICTIONARY), stem);
    }

    /**
     * Conversions check each element's syntax but not the AI pairing rules: the dictionary says pairings
     * are judged over all carriers on an item, and one carrier's data may legitimately be partial.
     */
    private static UdiResult parseGs1(String data) {
        Objects.requireNonNull(data, "gs1Data");
        return READER.readAnyForm(data, Udi.currentYear(Clock.systemUTC()), false);
    }

    private static UdiResult read(String text, Gs1Reader.Form form) {
        Objects.requireNonNull(text, "text");
        return READER.read(text, 0, text.length(), form, Udi.currentYear(Clock.systemUTC()),
                new Diagnostics(text.length()));
    }
}
