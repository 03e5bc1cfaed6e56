package org.vigil.terminology;

import java.util.Locale;
import java.util.Optional;

/**
 * The seven annexes of the IMDRF adverse-event terminology (IMDRF/AE WG N43). MIR 7.3.1 requires Annex A in §3.2
 * (device problem), Annexes E and F in §3.3 (health effects), Annexes B, C and D in §4.2 (manufacturer's investigation)
 * and Annex G for the component involved.
 */
public enum ImdrfAnnex {

    A("Medical Device Problem"),
    B("Type of Investigation"),
    C("Investigation Findings"),
    D("Investigation Conclusion"),
    E("Health Effects – Clinical Signs, Symptoms and Conditions"),
    F("Health Effects – Health Impact"),
    G("Medical Device Component");

    private final String title;

    ImdrfAnnex(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The annex named by its letter, in either case; empty for anything else. */
    public static Optional<ImdrfAnnex> of(String letter) {
        if (letter == null || letter.strip().length() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(letter.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
