package org.vigil.casework;

import org.vigil.shared.UserId;

/**
 * Which cases to list; {@code null} fields do not filter.
 *
 * @param status        one status
 * @param origin        reports or complaints
 * @param kind          the report's kind ({@code INCIDENT}, {@code NEAR_MISS}, {@code CYBERSECURITY_EVENT}) or
 *                      {@code COMPLAINT}
 * @param assignee      assigned to this person
 * @param unassigned    only cases nobody works on yet
 * @param overdueDays   only cases waiting on the manufacturer for more than this many days
 */
public record CaseFilter(CaseStatus status, CaseOrigin origin, String kind, UserId assignee, boolean unassigned,
        Integer overdueDays) {

    public static CaseFilter all() {
        return new CaseFilter(null, null, null, null, false, null);
    }
}
