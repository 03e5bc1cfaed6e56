package org.vigil.device.domain;

import java.util.regex.Pattern;

/**
 * What a hospital barcode scanner typed into a text field, made ready for the UDI parser. Scanners in keyboard-wedge
 * mode cannot always type the GS (0x1D) separator of GS1 and HIBCC data: depending on their set-up they send it as
 * {@code <GS>}, {@code {GS}}, {@code [GS]}, the control picture U+241D, caret notation {@code ^]}, or the
 * {@code Ctrl+]} key some browsers turn into {@code ]} alone, which cannot be told apart and is left as typed. The
 * ISO/IEC 15434 envelope of IFA codes is left to the parser, which reads its own notations. In the bracketed
 * human-readable form a separator before an opening bracket is dropped: the bracket already ends the element.
 */
public final class ScanText {

    private static final Pattern GS_SUBSTITUTES = Pattern.compile("<GS>|\\{GS}|\\[GS]|\u241D|\\^]",
            Pattern.CASE_INSENSITIVE);

    private ScanText() {
    }

    public static String normalise(String scan) {
        if (scan == null) {
            return "";
        }
        // Not String.strip(): Java counts GS and RS as white space, and they are data here.
        String text = scan.replaceAll("^[ \\t\\r\\n]+|[ \\t\\r\\n]+$", "");
        // A trailing CR/LF is the scanner's Enter; anything else stays for the parser to judge.
        if (text.startsWith("[)>")) {
            return text;
        }
        String separated = GS_SUBSTITUTES.matcher(text).replaceAll("\u001D");
        // In the bracketed form the brackets delimit the elements: a separator before one is redundant, not data.
        return separated.startsWith("(") ? separated.replace("\u001D(", "(") : separated;
    }
}
