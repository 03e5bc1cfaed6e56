package org.vigil.casework;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.vigil.shared.OrganisationId;
import org.vigil.shared.UserId;

/**
 * One entry on a case's timeline, as the reader may see it: internal entries only reach the author's organisation.
 *
 * @param id           the entry
 * @param kind         what it records
 * @param visibility   shared with the other side or internal to the author's organisation
 * @param side         the author's side of the case
 * @param organisation the author's organisation
 * @param author       the author, {@code null} when Vigil itself wrote it
 * @param authorName   the author's name as shown
 * @param body         the text
 * @param details      structured details, for example the new status
 * @param at           when
 */
public record TimelineEntry(UUID id, EntryKind kind, EntryVisibility visibility, CaseSide side,
        OrganisationId organisation, UserId author, String authorName, String body, Map<String, String> details,
        Instant at) {

    public TimelineEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
