package org.vigil.udi.diagnostic;

/**
 * A check's finding inside one field: where the problem starts (0-based, relative to the field) and
 * why, in words a hospital user understands. Only allocated when something is wrong, so that the happy
 * path of a parse allocates nothing for checks.
 */
public record Finding(int offset, String reason) {
}
