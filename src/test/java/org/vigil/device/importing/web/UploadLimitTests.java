package org.vigil.device.importing.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** A file over the upload limit is refused before any controller runs, with a 413 that says the limit. */
class UploadLimitTests {

    @Test
    void an_api_upload_over_the_limit_is_a_413_problem_naming_the_file_field_and_the_limit() {
        var request = new MockHttpServletRequest("POST", "/api/v1/devices/imports");
        var answer = new UploadLimit(DataSize.ofMegabytes(50)).tooLarge(new MaxUploadSizeExceededException(1), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().toString()).contains("file").contains("50 MB");
    }

    @Test
    void a_page_upload_over_the_limit_is_a_413_in_words() {
        var request = new MockHttpServletRequest("POST", "/devices/import");
        var answer = new UploadLimit(DataSize.ofMegabytes(50)).tooLarge(new MaxUploadSizeExceededException(1), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody().toString()).contains("50 MB");
    }
}
