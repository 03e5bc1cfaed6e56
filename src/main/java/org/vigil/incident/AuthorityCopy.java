package org.vigil.incident;

import org.vigil.shared.OrganisationId;

/**
 * Whether and where a submitted report can be copied to the hospital's national competent authority (MDR 2017/745
 * Art. 87(10)–(11); national rules such as MPAMIV §3 or MedDO Art. 66(4)), and whether it was.
 *
 * @param country       the hospital's country (ISO 3166-1 alpha-2)
 * @param required      {@code true} when the country requires users to report to the authority, {@code false} when
 *                      it allows it
 * @param legalSource   the rule's legal source, shown to the reporter
 * @param authority     the competent authority's organisation in Vigil, {@code null} when none is registered
 * @param authorityName its name, {@code null} when none is registered
 * @param sent          {@code true} once the report was sent to it
 */
public record AuthorityCopy(String country, boolean required, String legalSource, OrganisationId authority,
        String authorityName, boolean sent) {

    /** {@code true} when the report can be sent now: an authority is registered and it was not sent yet. */
    public boolean sendable() {
        return authority != null && !sent;
    }
}
