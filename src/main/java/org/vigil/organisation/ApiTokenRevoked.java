package org.vigil.organisation;

import java.util.UUID;

import org.vigil.shared.UserId;

/**
 * Published when a person revokes one of their API tokens. The token stops working at once, also where it was used a
 * moment ago (21 CFR 11.10(d): access limited to authorised individuals).
 */
public record ApiTokenRevoked(UserId holder, UUID tokenId) {
}
