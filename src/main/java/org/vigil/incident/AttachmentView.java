package org.vigil.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * An attachment of a report as everyone who may read the report sees it.
 *
 * @param id         the attachment's id
 * @param fileName   the name the uploader gave it
 * @param mediaType  the type found in its content
 * @param sizeBytes  its size as stored (a photo without its metadata)
 * @param sha256     lower-case hex SHA-256 of the stored bytes
 * @param uploadedAt when it was added
 */
public record AttachmentView(UUID id, String fileName, String mediaType, int sizeBytes, String sha256,
        Instant uploadedAt) {
}
