package org.vigil.deadline;

import org.vigil.shared.UserId;

/**
 * Narrows the board of pending obligations; every criterion is optional ({@code null} or blank matches all).
 *
 * @param jurisdiction the body of law the obligation falls under
 * @param device       text found in the device name or the case reference, ignoring case
 * @param responsible  the person responsible for meeting it
 */
public record BoardFilter(Jurisdiction jurisdiction, String device, UserId responsible) {

    public BoardFilter {
        device = device == null || device.isBlank() ? null : device.strip();
    }

    /** Every pending obligation of the organisation. */
    public static BoardFilter all() {
        return new BoardFilter(null, null, null);
    }
}
