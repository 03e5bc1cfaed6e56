package org.vigil.device.domain;

import java.util.Optional;

import org.vigil.udi.IssuingEntity;
import org.vigil.udi.Udi;
import org.vigil.udi.UdiProblem;
import org.vigil.udi.UdiResult;

/**
 * Checks that a UDI-DI is a device identifier under the rules of its issuing entity (MDR Art. 27(1)(a) and Annex VI
 * Part C section 1: the UDI-DI is assigned under the rules of a designated issuing entity), by handing it to the UDI
 * parser in the smallest carrier that holds only a DI: GS1 AI (01) with its GTIN check digit, HIBCC primary data with
 * its mod 43 check character, ISBT 128 product identification code, IFA PPN (9N) with its check digits.
 */
public final class DeviceIdentifiers {

    private DeviceIdentifiers() {
    }

    /** The issuing entity a UDI-DI's form points to, when {@code issuer} is not given. */
    public static Optional<IssuingEntity> detect(String di) {
        if (di == null || di.isBlank()) {
            return Optional.empty();
        }
        if (di.matches("[0-9]{8}|[0-9]{12,14}")) {
            return Optional.of(IssuingEntity.GS1);
        }
        if (di.startsWith("+")) {
            return Optional.of(IssuingEntity.HIBCC);
        }
        if (di.matches("[0-9A-Z]{4,22}") && di.startsWith("11") && di.length() == 12) {
            return Optional.of(IssuingEntity.IFA);
        }
        return Optional.of(IssuingEntity.ICCBBA);
    }

    /**
     * The UDI-DI as the register keeps it (GS1: a 14-digit GTIN, shorter GTINs padded with zeros as GS1 General
     * Specifications section 3.3.2 prescribes), or the reason it is no DI of {@code issuer}.
     */
    public static Checked check(IssuingEntity issuer, String di) {
        if (di == null || di.isBlank()) {
            return Checked.wrong("Give the UDI-DI.");
        }
        String text = di.strip();
        return switch (issuer) {
            case GS1 -> {
                if (!text.matches("[0-9]{8}|[0-9]{12,14}")) {
                    yield Checked.wrong("A GS1 UDI-DI is a GTIN of 8, 12, 13 or 14 digits.");
                }
                String gtin = "0".repeat(14 - text.length()) + text;
                yield fromParse(Udi.parse("(01)" + gtin), gtin, 4);
            }
            case HIBCC -> {
                if (!text.startsWith("+") || text.startsWith("+$")) {
                    yield Checked.wrong("A HIBCC UDI-DI is the primary data structure: '+', labeler code, product "
                            + "number, unit of measure and check character.");
                }
                yield fromParse(Udi.parse(text), text, 0);
            }
            case IFA -> {
                if (!text.matches("[0-9A-Z]{4,22}")) {
                    yield Checked.wrong("An IFA UDI-DI is a PPN: capital letters and digits.");
                }
                String envelope = "[)>\u001E06\u001D9N" + text + "\u001E\u0004";
                yield fromParse(Udi.parse(envelope), text, 9);
            }
            case ICCBBA -> {
                UdiResult ppic = Udi.parse("=/" + text);
                if (ppic.valid() && text.equals(ppic.di())) {
                    yield Checked.ok(text);
                }
                UdiResult productCode = Udi.parse("=<" + text);
                if (productCode.valid() && text.equals(productCode.di())) {
                    yield Checked.ok(text);
                }
                yield fromParse(ppic, text, 2);
            }
        };
    }

    private static Checked fromParse(UdiResult result, String expected, int offset) {
        if (result.valid() && expected.equals(result.di())) {
            return Checked.ok(expected);
        }
        if (!result.problems().isEmpty()) {
            UdiProblem first = result.problems().getFirst();
            int position = Math.max(0, first.position() - offset);
            return Checked.wrong(first.message() + " (character " + (position + 1) + ")");
        }
        return Checked.wrong("This is not a device identifier of its issuing entity.");
    }

    /**
     * Outcome of a check.
     *
     * @param udiDi   the UDI-DI as stored, {@code null} when wrong
     * @param problem why it is wrong, {@code null} when right
     */
    public record Checked(String udiDi, String problem) {
        static Checked ok(String udiDi) {
            return new Checked(udiDi, null);
        }

        static Checked wrong(String problem) {
            return new Checked(null, problem);
        }

        public boolean valid() {
            return problem == null;
        }
    }
}
