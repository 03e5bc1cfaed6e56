package org.vigil.casework;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands, as both sides see it. Only the manufacturer (or its authorised representative) moves a case,
 * and only along these steps; reopening a closed case needs a reason.
 */
public enum CaseStatus {

    RECEIVED, UNDER_INVESTIGATION, MORE_INFORMATION_REQUESTED, DEVICE_REQUESTED, DEVICE_RECEIVED,
    INVESTIGATION_CONCLUDED, CLOSED;

    /** The statuses the manufacturer may move a case to from this one. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(UNDER_INVESTIGATION, MORE_INFORMATION_REQUESTED, DEVICE_REQUESTED,
                    INVESTIGATION_CONCLUDED);
            case UNDER_INVESTIGATION -> EnumSet.of(MORE_INFORMATION_REQUESTED, DEVICE_REQUESTED,
                    INVESTIGATION_CONCLUDED);
            case MORE_INFORMATION_REQUESTED -> EnumSet.of(UNDER_INVESTIGATION, DEVICE_REQUESTED,
                    INVESTIGATION_CONCLUDED);
            case DEVICE_REQUESTED -> EnumSet.of(UNDER_INVESTIGATION, MORE_INFORMATION_REQUESTED, DEVICE_RECEIVED,
                    INVESTIGATION_CONCLUDED);
            case DEVICE_RECEIVED -> EnumSet.of(UNDER_INVESTIGATION, MORE_INFORMATION_REQUESTED,
                    INVESTIGATION_CONCLUDED);
            case INVESTIGATION_CONCLUDED -> EnumSet.of(UNDER_INVESTIGATION, CLOSED);
            case CLOSED -> EnumSet.of(UNDER_INVESTIGATION);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    public boolean open() {
        return this != CLOSED;
    }
}
