package org.vigil.mir.validation;

import java.util.Map;

/**
 * The MIR 7.3.1 section an element belongs to, from its path: the first element on the path that is a section of
 * the MIR form ({@code admin_info} §1 to {@code mfr_invest} §4, comments and distribution §5) or of the EUDAMED
 * {@code mir_2Type} ({@code administrativeInformation} §1, {@code deviceInformationTab} §2,
 * {@code incidentInformation} §3, {@code manufacturerAnalysis} §4, {@code generalComments} §5).
 */
public final class MirSections {

    static final String ADMINISTRATIVE = "§1 administrative information";
    static final String DEVICE = "§2 device";
    static final String INCIDENT = "§3 incident";
    static final String INVESTIGATION = "§4 manufacturer's investigation";
    static final String COMMENTS = "§5 comments and distribution";

    private static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("admin_info", ADMINISTRATIVE),
            Map.entry("device_info", DEVICE),
            Map.entry("incident_info", INCIDENT),
            Map.entry("mfr_invest", INVESTIGATION),
            Map.entry("comments", COMMENTS),
            Map.entry("distribution", COMMENTS),
            Map.entry("administrativeInformation", ADMINISTRATIVE),
            Map.entry("deviceInformationTab", DEVICE),
            Map.entry("incidentInformation", INCIDENT),
            Map.entry("manufacturerAnalysis", INVESTIGATION),
            Map.entry("generalComments", COMMENTS));

    private MirSections() {
    }

    /** The section of the element at {@code path}, or an empty string when it lies outside every section. */
    public static String of(String path) {
        for (String segment : path.split("/")) {
            String name = localName(segment);
            String section = SECTIONS.get(name);
            if (section != null) {
                return section;
            }
        }
        return "";
    }

    /** {@code vig:reportType[2]} → {@code reportType}. */
    static String localName(String segment) {
        String name = segment;
        int position = name.indexOf('[');
        if (position >= 0) {
            name = name.substring(0, position);
        }
        return name.substring(name.indexOf(':') + 1);
    }
}
