package org.vigil.organisation;

import org.vigil.shared.UserId;

/**
 * Published when a user's roles or status change. Their open sessions end at once, so a withdrawn role or a
 * deactivation takes effect immediately (21 CFR 11.10(d): access limited to authorised individuals).
 */
public record UserAccessChanged(UserId userId) {
}
