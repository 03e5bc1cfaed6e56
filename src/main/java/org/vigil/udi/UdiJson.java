package org.vigil.udi;

import java.util.Objects;
import org.vigil.udi.json.JsonText;

/**
 * JSON form of a {@link UdiResult}, one object on one line, for the CLI and REST API. Fields:
 * {@code input}, {@code valid}, {@code issuer}, {@code di}, {@code lot}, {@code serial}, {@code expiry}
 * and {@code manufactured} (ISO-8601 dates), {@code softwareVersion}, {@code quantity}, {@code gs1Hri},
 * {@code gs1ElementString} ({@code ^} notation), {@code gs1Elements} ([{@code {ai, value}}]) and
 * {@code errors} ([{@code {position, message}}]); absent values are JSON {@code null}.
 */
public final class UdiJson {

    private UdiJson() {
    }

    public static String toJson(UdiResult result) {
        Objects.requireNonNull(result, "result");
        return JsonText.toJson(result);
    }
}
