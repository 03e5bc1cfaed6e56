package org.vigil.udi.ifa;

import org.vigil.udi.checkchar.Mod97Weighted;
import org.vigil.udi.diagnostic.Finding;

/**
 * The Pharmacy Product Number (IFA specification "PPN-Code for Pharmaceutical Products", also used by
 * IFA for medical devices): a 2-character Product Registration Agency code ({@code 11} = PZN, Germany),
 * the national product number (up to 22 characters A-Z 0-9) and two check digits computed with
 * {@link Mod97Weighted} over everything before them. For PRA code {@code 11} the product number is an
 * 8-digit PZN whose last digit is its own modulo 11 check digit (IFA "PZN-8" specification).
 */
public final class Ppn {

    private Ppn() {
    }

    /**
     * Why {@code ppn} is not a valid PPN, or {@code null} if it is valid. Offsets are relative to the
     * start of the PPN.
     */
    public static Finding problem(String ppn) {
        int length = ppn.length();
        if (length < 5 || length > 26) {
            return new Finding(0, "a PPN has 5 to 26 characters, this one has " + length);
        }
        for (int i = 0; i < length; i++) {
            char c = ppn.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!(digit || (c >= 'A' && c <= 'Z')) || (i < 2 && !digit) || (i >= length - 2 && !digit)) {
                return new Finding(i, i < 2 ? "a PPN starts with a 2-digit product registration agency code"
                        : i >= length - 2 ? "a PPN ends with 2 check digits"
                        : "a PPN may only contain capital letters and digits");
            }
        }
        int expected = Mod97Weighted.compute(ppn, 0, length - 2);
        String check = Mod97Weighted.twoDigits(expected);
        if (!ppn.endsWith(check)) {
            return new Finding(length - 2, "the PPN check digits are wrong: they should be " + check
                    + " (the code was probably misread)");
        }
        if (ppn.startsWith("11")) {
            String pzn = ppn.substring(2, length - 2);
            if (pzn.length() != 8 || !pzn.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return new Finding(2, "a PPN with agency code 11 carries an 8-digit PZN");
            }
            int sum = 0;
            for (int i = 0; i < 7; i++) {
                sum += (pzn.charAt(i) - '0') * (i + 1);
            }
            int pznCheck = sum % 11;
            if (pznCheck == 10 || pzn.charAt(7) - '0' != pznCheck) {
                return new Finding(9, "the PZN inside the PPN has a wrong check digit");
            }
        }
        return null;
    }
}
