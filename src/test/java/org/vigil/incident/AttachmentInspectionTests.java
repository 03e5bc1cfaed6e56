package org.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.vigil.incident.domain.AttachmentInspection;
import org.vigil.incident.domain.AttachmentInspection.Kind;
import org.vigil.incident.domain.AttachmentInspection.Refused;
import org.vigil.shared.Sha256;

/**
 * Attachments to incident reports: the type comes from the content, disguised files are refused, and photos lose the
 * metadata that could identify a patient or a place (GDPR Art. 5(1)(c), Art. 32) before they are stored with a checksum
 * (21 CFR 11.10(a)).
 */
class AttachmentInspectionTests {

    private static final String GPS = "GPSLatitude=60.1699;GPSLongitude=24.9384;BodySerialNumber=CAM-123";

    @Test
    void a_photo_keeps_its_picture_and_loses_its_exif_gps_position_and_comments() throws Exception {
        byte[] photo = jpegWithMetadata();
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains(GPS).contains("ward 3 bed 12");

        var inspected = AttachmentInspection.inspect("IMG_0042.JPG", "image/jpeg", photo);

        assertThat(inspected.kind()).isEqualTo(Kind.JPEG);
        assertThat(inspected.removedMetadata()).isTrue();
        String stored = new String(inspected.content(), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("GPSLatitude").doesNotContain("ward 3 bed 12").doesNotContain("Exif");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(inspected.content()));
        assertThat(picture.getWidth()).isEqualTo(32);
        assertThat(inspected.sha256()).isEqualTo(Sha256.hex(inspected.content())).hasSize(64);
    }

    @Test
    void a_png_loses_its_text_and_exif_chunks_and_stays_readable() throws Exception {
        byte[] png = pngWithText();
        var inspected = AttachmentInspection.inspect("screen.png", "image/png", png);
        assertThat(inspected.kind()).isEqualTo(Kind.PNG);
        assertThat(new String(inspected.content(), StandardCharsets.ISO_8859_1)).doesNotContain("Patient Jane");
        assertThat(ImageIO.read(new ByteArrayInputStream(inspected.content())).getHeight()).isEqualTo(16);
    }

    @Test
    void a_device_log_and_a_pdf_are_stored_unchanged() throws Exception {
        byte[] log = "2026-11-20T10:00:00Z pump ERR 42 occlusion\n".getBytes(StandardCharsets.UTF_8);
        var inspectedLog = AttachmentInspection.inspect("pump.log", "text/plain", log);
        assertThat(inspectedLog.kind()).isEqualTo(Kind.TEXT);
        assertThat(inspectedLog.content()).isEqualTo(log);
        assertThat(inspectedLog.removedMetadata()).isFalse();

        byte[] pdf = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(AttachmentInspection.inspect("service-report.pdf", "application/pdf", pdf).kind())
                .isEqualTo(Kind.PDF);
    }

    @Test
    void a_program_renamed_to_a_photo_is_refused() {
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> AttachmentInspection.inspect("photo.jpg", "image/jpeg", program))
                .isInstanceOf(Refused.class).hasMessageContaining("not a JPEG or PNG photo");
    }

    @Test
    void a_photo_named_or_sent_as_something_else_is_refused_as_disguised() throws Exception {
        byte[] photo = jpegWithMetadata();
        assertThatThrownBy(() -> AttachmentInspection.inspect("report.pdf", null, photo))
                .isInstanceOf(Refused.class).hasMessageContaining("named .pdf").hasMessageContaining("JPEG photo");
        assertThatThrownBy(() -> AttachmentInspection.inspect("photo", "application/pdf", photo))
                .isInstanceOf(Refused.class).hasMessageContaining("sent as application/pdf");
    }

    @Test
    void an_empty_an_oversized_and_a_truncated_file_are_refused_with_the_reason() throws Exception {
        assertThatThrownBy(() -> AttachmentInspection.inspect("a.txt", null, new byte[0]))
                .isInstanceOf(Refused.class).hasMessageContaining("empty");
        byte[] big = new byte[(int) AttachmentInspection.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> AttachmentInspection.inspect("big.log", null, big))
                .isInstanceOf(Refused.class).hasMessageContaining("at most 20.0 MB");
        byte[] photo = jpegWithMetadata();
        assertThatThrownBy(() -> AttachmentInspection.inspect("cut.jpg", null, Arrays.copyOf(photo, 40)))
                .isInstanceOf(Refused.class).hasMessageContaining("damaged");
    }

    @Test
    void binary_data_with_control_characters_is_not_taken_for_a_text_log() {
        byte[] binary = {'l', 'o', 'g', 0, 1, 2, 3};
        assertThatThrownBy(() -> AttachmentInspection.inspect("dump.log", null, binary))
                .isInstanceOf(Refused.class);
    }

    /** A real JPEG (ImageIO) with an EXIF APP1 segment carrying GPS data and a COM segment inserted after SOI. */
    static byte[] jpegWithMetadata() throws IOException {
        var image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xFF0000);
        var encoded = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", encoded);
        byte[] plain = encoded.toByteArray();
        var out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        segment(out, 0xE1, ("Exif\0\0" + GPS).getBytes(StandardCharsets.ISO_8859_1));
        segment(out, 0xFE, "ward 3 bed 12".getBytes(StandardCharsets.ISO_8859_1));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    static byte[] pngWithText() throws IOException {
        var encoded = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png", encoded);
        byte[] plain = encoded.toByteArray();
        var out = new ByteArrayOutputStream();
        out.write(plain, 0, 8);
        byte[] text = "Comment\0Patient Jane Doe".getBytes(StandardCharsets.ISO_8859_1);
        out.write(new byte[] {0, 0, 0, (byte) text.length});
        byte[] typeAndData = new byte[4 + text.length];
        System.arraycopy("tEXt".getBytes(StandardCharsets.ISO_8859_1), 0, typeAndData, 0, 4);
        System.arraycopy(text, 0, typeAndData, 4, text.length);
        out.write(typeAndData);
        var crc = new CRC32();
        crc.update(typeAndData);
        long value = crc.getValue();
        out.write(new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value});
        out.write(plain, 8, plain.length - 8);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload, 0, payload.length);
    }
}
