package org.vigil.terminology.web;

import org.springframework.stereotype.Component;
import org.vigil.terminology.Emdn;
import org.vigil.terminology.ImdrfAnnex;
import org.vigil.terminology.ImdrfStatus;
import org.vigil.terminology.ImdrfTerminology;

/**
 * What a picker shows for a code already chosen ({@code ${@terminologyLabels.imdrf('A', code)}}): the code and its
 * term, also when the term has since been retired, so an old record reads as it was coded.
 */
@Component("terminologyLabels")
public class TerminologyLabels {

    private final ImdrfTerminology imdrf;
    private final Emdn emdn;

    TerminologyLabels(ImdrfTerminology imdrf, Emdn emdn) {
        this.imdrf = imdrf;
        this.emdn = emdn;
    }

    public String imdrf(String annex, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return ImdrfAnnex.of(annex).flatMap(which -> imdrf.find(which, code))
                .map(term -> term.code() + " — " + term.term() + (term.selectable() ? ""
                        : term.status() == ImdrfStatus.NOT_SELECTABLE ? " (not selectable)" : " (retired)"))
                .orElse(code);
    }

    /** The annex's title, for example "Medical Device Problem" for A. */
    public String annexTitle(String annex) {
        return ImdrfAnnex.of(annex).map(ImdrfAnnex::title).orElse(annex);
    }

    public String emdn(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return emdn.find(code).map(term -> term.code() + " — " + term.term()).orElse(code);
    }
}
