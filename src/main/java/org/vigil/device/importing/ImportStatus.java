package org.vigil.device.importing;

/** Where an import stands. Only {@link #COMPLETED} imports stored anything. */
public enum ImportStatus {
    QUEUED, RUNNING, COMPLETED, FAILED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }
}
