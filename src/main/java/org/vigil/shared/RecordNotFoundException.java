package org.vigil.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The record does not exist, or exists but belongs to an organisation that has not shared it with the caller. Both
 * answer the same (HTTP 404) so that a caller cannot learn that another organisation's record exists.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RecordNotFoundException extends RuntimeException {

    private final String recordType;

    public RecordNotFoundException(String recordType, Object id) {
        super("No " + recordType + " " + id);
        this.recordType = recordType;
    }

    public String recordType() {
        return recordType;
    }
}
