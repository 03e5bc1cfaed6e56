package org.vigil.deadline;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One version of one body of reporting rules, as shipped in {@code rulepacks/<id>.v<version>.json}. The {@code source}
 * says where the summary comes from; packs are our own summaries of public law, not the law itself.
 */
public record RulePack(String id, int version, String title, String source, Set<Jurisdiction> jurisdictions,
        Set<DeviceKind> deviceKinds, List<ReportingRule> rules) {

    public RulePack {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        jurisdictions = Set.copyOf(jurisdictions);
        deviceKinds = Set.copyOf(deviceKinds);
        rules = List.copyOf(rules);
    }

    /** The file name this pack is read from. */
    public String fileName() {
        return id + ".v" + version + ".json";
    }
}
