package org.vigil.deadline;

import java.util.Objects;

/**
 * Who must hear of an incident under which law: the jurisdiction, the authority, the country whose authority it is
 * (ISO 3166-1 alpha-2; {@code XI} for Northern Ireland) and, when someone else reports for the manufacturer, through
 * whom ({@code "CH-REP"} for Swissmedic when the manufacturer is not Swiss, MedDO Art. 51 and 66(2bis)).
 */
public record Recipient(Jurisdiction jurisdiction, Authority authority, String country, String via, String reason) {

    public Recipient {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(reason, "reason");
    }
}
