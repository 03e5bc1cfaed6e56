package org.vigil.udi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON (RFC 8259) output and the JSON-lines batch processor. */
class UdiJsonTests {

    @Test
    void gs1_result_has_every_field_and_nulls_for_missing_values() {
        String json = UdiJson.toJson(Udi.parse("^0109506000134352172612001012345", Gs1ParsingTests.JUNE_2026));
        assertThat(json).isEqualTo("{\"input\":\"^0109506000134352172612001012345\",\"valid\":true,\"issuer\":\"GS1\","
                + "\"di\":\"09506000134352\",\"lot\":\"12345\",\"serial\":null,\"expiry\":\"2026-12-31\","
                + "\"manufactured\":null,\"softwareVersion\":null,\"quantity\":null,"
                + "\"gs1Hri\":\"(01)09506000134352(17)261200(10)12345\","
                + "\"gs1ElementString\":\"^0109506000134352172612001012345\",\"gs1Elements\":["
                + "{\"ai\":\"01\",\"value\":\"09506000134352\"},{\"ai\":\"17\",\"value\":\"261200\"},"
                + "{\"ai\":\"10\",\"value\":\"12345\"}],\"errors\":[]}");
    }

    @Test
    void control_characters_quotes_and_backslashes_are_escaped_RFC_8259_section_7() {
        UdiResult result = new UdiResult("a\u001D\"\\\u0004\u007F\u2028é\uD83D\uDE00\uD800", null, null, null, null,
                null, null, null, null, List.of(), null, null, List.of(new UdiProblem(0, "x\ny")));
        assertThat(UdiJson.toJson(result)).startsWith(
                "{\"input\":\"a\\u001D\\\"\\\\\\u0004\\u007F\\u2028é\uD83D\uDE00\\uD800\",\"valid\":false,\"issuer\":null")
                .endsWith("\"errors\":[{\"position\":0,\"message\":\"x\\u000Ay\"}]}");
    }

    @Test
    void one_json_line_per_input_line_with_lf_or_crlf_and_control_bytes_kept_inside_lines() throws IOException {
        byte[] in = ("]d20109506000134352\u001D10A\r\n\n+A123BJC5D6E71G\n[)>\u001E06\u001D9N110375286414\u001E\u0004")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long lines = UdiJsonLines.process(new ByteArrayInputStream(in), out);
        List<String> output = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).isEqualTo(4);
        assertThat(output).hasSize(4);
        assertThat(output.get(0)).contains("\"input\":\"]d20109506000134352\\u001D10A\"", "\"valid\":true",
                "\"lot\":\"A\"");
        assertThat(output.get(1)).contains("\"input\":\"\"", "\"valid\":false", "empty");
        assertThat(output.get(2)).contains("\"issuer\":\"HIBCC\"");
        assertThat(output.get(3)).contains("\"issuer\":\"IFA\"", "\"di\":\"110375286414\"", "\\u001E\\u0004\"");
    }

    @Test
    void invalid_utf8_is_kept_byte_for_byte_as_latin1() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UdiJsonLines.process(new ByteArrayInputStream(new byte[] {'(', '1', '0', ')', (byte) 0xE9, '\n'}), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"input\":\"(10)é\"");
    }

    @Test
    void overlong_line_is_reported_not_buffered_without_bound() throws IOException {
        byte[] in = ("^01" + "9".repeat(200_000) + "\n(01)09506000134352\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UdiJsonLines.process(new ByteArrayInputStream(in), out);
        List<String> output = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(output).hasSize(2);
        assertThat(output.get(0)).contains("too long");
        assertThat(output.get(1)).contains("\"valid\":true");
    }
}
