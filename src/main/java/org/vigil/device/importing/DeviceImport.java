package org.vigil.device.importing;

import java.time.Instant;
import java.util.UUID;

/**
 * One uploaded file and how its import went.
 *
 * @param id          the import
 * @param format      what the file was read as
 * @param fileName    the name the file was uploaded with
 * @param fileSize    its size in bytes
 * @param createdBy   who uploaded it
 * @param status      where it stands
 * @param records     records in the file (CSV data rows, XML device records)
 * @param total       records that passed the file checks and are stored in the register
 * @param processed   of {@code total}, how many the register has worked through
 * @param stored      rows the register stored (only once {@link ImportStatus#COMPLETED})
 * @param rejected    rows reported as problems, not stored
 * @param notices     rows stored with a notice (for example a derived Basic UDI-DI)
 * @param failure     why nothing was imported, when {@link ImportStatus#FAILED}
 */
public record DeviceImport(UUID id, ImportFormat format, String fileName, long fileSize, String createdBy,
        ImportStatus status, int records, int total, int processed, int stored, int rejected, int notices,
        String failure, Instant createdAt, Instant startedAt, Instant finishedAt) {

    /** Progress in percent, 100 once finished. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        return total == 0 ? 0 : (int) Math.min(100, processed * 100L / total);
    }
}
