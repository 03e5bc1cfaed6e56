package org.vigil.terminology;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One term of an IMDRF adverse-event terminology annex, as a given release defines it.
 *
 * @param annex the annex, for example {@link ImdrfAnnex#A}
 * @param code the IMDRF code, for example {@code A0101}: the annex letter, then two digits per level
 * @param term the term, for example {@code Patient-Device Incompatibility}
 * @param definition IMDRF's definition (may be empty where IMDRF gives none)
 * @param parentCode the code one level up in the IMDRF CodeHierarchy, {@code null} at level 1
 * @param otherParents further parents where IMDRF places the code under more than one (Annex E)
 * @param level 1 to the depth of the hierarchy
 * @param status whether it may be chosen for new coding; {@link ImdrfStatus#RETIRED} also when the annex's current
 *        release no longer contains the code
 * @param statusNote IMDRF's status and status description, for example {@code Retired: Term was inactivated on …}
 * @param nonImdrfCode IMDRF's cross-reference to another terminology, for example a MedDRA code (Annex E)
 * @param release the version label of the release this definition comes from, for example {@code 2024}
 * @param currentRelease whether that release is the annex's current one
 */
public record ImdrfTerm(ImdrfAnnex annex, String code, String term, String definition, String parentCode,
        List<String> otherParents, int level, ImdrfStatus status, String statusNote, String nonImdrfCode,
        String release, boolean currentRelease) {

    public ImdrfTerm {
        otherParents = List.copyOf(otherParents);
    }

    /**
     * Whether the term may be chosen for new coding: it is in the annex's current release and IMDRF neither retired
     * it nor marked it "Not selectable".
     */
    @JsonProperty("selectable")
    public boolean selectable() {
        return currentRelease && status == ImdrfStatus.CURRENT;
    }

    /** The same term as part of release {@code version}, current or not. */
    public ImdrfTerm inRelease(String version, boolean current) {
        return new ImdrfTerm(annex, code, term, definition, parentCode, otherParents, level, status, statusNote,
                nonImdrfCode, version, current);
    }

    /** The term of an older release whose code the annex's current release no longer holds: retired. */
    public ImdrfTerm droppedFromCurrentRelease(String currentVersion) {
        return new ImdrfTerm(annex, code, term, definition, parentCode, otherParents, level, ImdrfStatus.RETIRED,
                "Not in the current release " + currentVersion + (statusNote.isEmpty() ? "" : "; " + statusNote),
                nonImdrfCode, release, false);
    }
}
