package org.vigil.incident.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;

import org.vigil.shared.Sha256;

/**
 * Checks an attachment to an incident report and prepares it for storage: the type is decided from the content, never
 * from the file name or the browser's claim; a file whose name or declared type says something else is refused as
 * disguised; photos lose their metadata (EXIF with its GPS position, camera serial and time, XMP, IPTC, comments),
 * because a photo taken on a ward can identify a patient (GDPR Art. 5(1)(c) data minimisation, Art. 32); and the stored
 * bytes get a SHA-256 checksum so later tampering or corruption is detectable (21 CFR 11.10(a), ISO 13485 §4.2.5).
 *
 * <p>Accepted: JPEG and PNG photos, PDF documents, and device logs as UTF-8 text. Everything else is refused with a
 * reason a reporter understands.
 */
public final class AttachmentInspection {

    /** Largest attachment accepted: a phone photo or a device log export, not a video. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    /** Most attachments one report may carry. */
    public static final int MAX_PER_REPORT = 10;

    /** What an attachment turned out to be. */
    public enum Kind {
        JPEG("image/jpeg", "jpg", "jpeg", "jpe"),
        PNG("image/png", "png"),
        PDF("application/pdf", "pdf"),
        TEXT("text/plain", "txt", "log", "csv", "json", "xml");

        private final String mediaType;
        private final String[] extensions;

        Kind(String mediaType, String... extensions) {
            this.mediaType = mediaType;
            this.extensions = extensions;
        }

        public String mediaType() {
            return mediaType;
        }

        boolean fitsExtension(String extension) {
            for (String known : extensions) {
                if (known.equals(extension)) {
                    return true;
                }
            }
            return false;
        }

        boolean fitsDeclaredType(String declared) {
            return switch (this) {
                case TEXT -> declared.startsWith("text/") || declared.equals("application/json")
                        || declared.equals("application/xml");
                case JPEG -> declared.equals("image/jpeg") || declared.equals("image/jpg")
                        || declared.equals("image/pjpeg");
                default -> declared.equals(mediaType);
            };
        }
    }

    /**
     * An attachment ready to store.
     *
     * @param kind        what the content is
     * @param content     the bytes to store (a photo without its metadata)
     * @param sha256      lower-case hex SHA-256 of {@code content}
     * @param removedMetadata {@code true} when metadata was removed from a photo
     */
    public record Inspected(Kind kind, byte[] content, String sha256, boolean removedMetadata) {
    }

    /** Why an attachment was refused, phrased for the person who chose the file. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private AttachmentInspection() {
    }

    /**
     * Inspects {@code content}, named {@code fileName} by the uploader and declared as {@code declaredType} by the
     * browser (either may be {@code null}).
     */
    public static Inspected inspect(String fileName, String declaredType, byte[] content) throws Refused {
        if (content == null || content.length == 0) {
            throw new Refused("The file is empty.");
        }
        if (content.length > MAX_BYTES) {
            throw new Refused("The file is " + megabytes(content.length) + " MB; at most " + megabytes(MAX_BYTES)
                    + " MB are accepted.");
        }
        Kind kind = recognise(content).orElseThrow(() -> new Refused(
                "The content is not a JPEG or PNG photo, a PDF document or a text log; other file types are not "
                        + "accepted."));
        String extension = extensionOf(fileName);
        if (extension != null && !kind.fitsExtension(extension)) {
            throw new Refused("The file is named ." + extension + " but its content is " + describe(kind)
                    + "; rename it or choose the right file.");
        }
        String declared = declaredType == null ? "" : declaredType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (!declared.isEmpty() && !declared.equals("application/octet-stream") && !kind.fitsDeclaredType(declared)) {
            throw new Refused("The file was sent as " + declared + " but its content is " + describe(kind) + ".");
        }
        byte[] stored = switch (kind) {
            case JPEG -> withoutJpegMetadata(content);
            case PNG -> withoutPngMetadata(content);
            case PDF, TEXT -> content;
        };
        return new Inspected(kind, stored, Sha256.hex(stored), stored.length != content.length);
    }

    static Optional<Kind> recognise(byte[] content) {
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(Kind.JPEG);
        }
        if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(Kind.PNG);
        }
        if (startsWith(content, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(Kind.PDF);
        }
        return isText(content) ? Optional.of(Kind.TEXT) : Optional.empty();
    }

    /** Valid UTF-8 without NUL or other control characters than tab, line feed, carriage return and form feed. */
    private static boolean isText(byte[] content) {
        try {
            var text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1D && c != 0x1E
                        && c != 0x04) {
                    return false; // GS, RS and EOT stay allowed: scanner logs contain them
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Copies a JPEG without its APPn segments other than JFIF (APP0) and Adobe colour information (APP14), and
     * without comments (COM). EXIF and XMP live in APP1, IPTC in APP13. Entropy-coded data after SOS is copied as is.
     */
    static byte[] withoutJpegMetadata(byte[] jpeg) throws Refused {
        var out = new ByteArrayOutputStream(jpeg.length);
        out.write(0xFF);
        out.write(0xD8);
        int at = 2;
        while (true) {
            if (at + 4 > jpeg.length || (jpeg[at] & 0xFF) != 0xFF) {
                throw new Refused("The JPEG photo is damaged (a segment is cut off at byte " + at + ").");
            }
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == 0xD9) {
                out.write(jpeg, at, 2);
                return out.toByteArray();
            }
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if (length < 2 || at + 2 + length > jpeg.length) {
                throw new Refused("The JPEG photo is damaged (a segment is cut off at byte " + at + ").");
            }
            boolean metadata = (marker >= 0xE1 && marker <= 0xEF && marker != 0xEE) || marker == 0xFE;
            if (!metadata) {
                out.write(jpeg, at, 2 + length);
            }
            at += 2 + length;
            if (marker == 0xDA) { // start of scan: the rest is image data up to and including EOI
                out.write(jpeg, at, jpeg.length - at);
                return out.toByteArray();
            }
        }
    }

    /**
     * Copies a PNG without its textual and metadata chunks ({@code tEXt}, {@code zTXt}, {@code iTXt}, {@code eXIf},
     * {@code tIME}) after checking every chunk's CRC.
     */
    static byte[] withoutPngMetadata(byte[] png) throws Refused {
        var out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, 8);
        int at = 8;
        while (at < png.length) {
            if (at + 12 > png.length) {
                throw new Refused("The PNG photo is damaged (a chunk is cut off at byte " + at + ").");
            }
            long length = ((png[at] & 0xFFL) << 24) | ((png[at + 1] & 0xFF) << 16) | ((png[at + 2] & 0xFF) << 8)
                    | (png[at + 3] & 0xFF);
            if (length > png.length - at - 12L) {
                throw new Refused("The PNG photo is damaged (a chunk is cut off at byte " + at + ").");
            }
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            var crc = new CRC32();
            crc.update(png, at + 4, 4 + (int) length);
            int end = at + 8 + (int) length;
            long stored = ((png[end] & 0xFFL) << 24) | ((png[end + 1] & 0xFF) << 16) | ((png[end + 2] & 0xFF) << 8)
                    | (png[end + 3] & 0xFF);
            if (crc.getValue() != stored) {
                throw new Refused("The PNG photo is damaged (chunk " + type + " at byte " + at + " fails its check).");
            }
            boolean metadata = switch (type) {
                case "tEXt", "zTXt", "iTXt", "eXIf", "tIME" -> true;
                default -> false;
            };
            if (!metadata) {
                out.write(png, at, 12 + (int) length);
            }
            at = end + 4;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
        throw new Refused("The PNG photo is damaged (it has no end chunk).");
    }

    private static String extensionOf(String fileName) {
        if (fileName == null) {
            return null;
        }
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot <= 0 || dot == base.length() - 1 ? null : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case JPEG -> "a JPEG photo";
            case PNG -> "a PNG image";
            case PDF -> "a PDF document";
            case TEXT -> "plain text";
        };
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
