package org.vigil.udi.json;

import org.vigil.udi.AiElement;
import org.vigil.udi.UdiProblem;
import org.vigil.udi.UdiResult;

/**
 * Writes a {@link UdiResult} as one JSON object on one line (RFC 8259). Hand-written because the
 * library must stay dependency-free; strings are escaped completely: quote, backslash, every control
 * character as a six-character u-escape (scanned data routinely holds GS, RS and EOT), DEL, the line separators
 * U+2028/U+2029 and unpaired surrogates, so the output is valid JSON and valid UTF-8 for any input.
 */
public final class JsonText {

    private JsonText() {
    }

    public static String toJson(UdiResult r) {
        StringBuilder sb = new StringBuilder(256 + r.input().length() * 2);
        sb.append("{\"input\":");
        string(sb, r.input());
        sb.append(",\"valid\":").append(r.valid());
        sb.append(",\"issuer\":");
        string(sb, r.issuer() == null ? null : r.issuer().name());
        sb.append(",\"di\":");
        string(sb, r.di());
        sb.append(",\"lot\":");
        string(sb, r.lot());
        sb.append(",\"serial\":");
        string(sb, r.serial());
        sb.append(",\"expiry\":");
        string(sb, r.expiry() == null ? null : r.expiry().toString());
        sb.append(",\"manufactured\":");
        string(sb, r.manufactured() == null ? null : r.manufactured().toString());
        sb.append(",\"softwareVersion\":");
        string(sb, r.softwareVersion());
        sb.append(",\"quantity\":").append(r.quantity() == null ? "null" : r.quantity().toString());
        sb.append(",\"gs1Hri\":");
        string(sb, r.gs1Hri());
        sb.append(",\"gs1ElementString\":");
        string(sb, r.gs1ElementString());
        sb.append(",\"gs1Elements\":[");
        boolean first = true;
        for (AiElement e : r.gs1Elements()) {
            sb.append(first ? "" : ",").append("{\"ai\":");
            string(sb, e.ai());
            sb.append(",\"value\":");
            string(sb, e.value());
            sb.append('}');
            first = false;
        }
        sb.append("],\"errors\":[");
        first = true;
        for (UdiProblem p : r.problems()) {
            sb.append(first ? "" : ",").append("{\"position\":").append(p.position()).append(",\"message\":");
            string(sb, p.message());
            sb.append('}');
            first = false;
        }
        return sb.append("]}").toString();
    }

    /** Appends {@code value} as a JSON string literal, or {@code null}. */
    public static void string(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029') {
                        unicodeEscape(sb, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        sb.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(sb, c); // unpaired: keep the output valid UTF-8
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static void unicodeEscape(StringBuilder sb, char c) {
        sb.append("\\u");
        String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
        sb.append("0".repeat(4 - hex.length())).append(hex);
    }
}
