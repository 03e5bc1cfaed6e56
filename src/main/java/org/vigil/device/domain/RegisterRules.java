package org.vigil.device.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.vigil.device.BasicUdiDiData;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.PackageLevel;
import org.vigil.device.RiskClass;
import org.vigil.device.UdiDiData;
import org.vigil.device.UnitsPlaced;
import org.vigil.shared.InvalidInputException.FieldError;
import org.vigil.udi.BasicUdiDi;
import org.vigil.udi.BasicUdiDiCheck;
import org.vigil.udi.IssuingEntity;

/**
 * The rules a device's register entry follows, each broken rule reported against the field at fault. Pure functions:
 * the caller supplies what needs the database (whether an EMDN code exists).
 *
 * <ul>
 *   <li>Basic UDI-DI: form and check characters of its issuing entity (MDR Annex VI Part C section 3.4, Part A
 *       section 2.2; MDCG 2019-1).</li>
 *   <li>UDI-DI: a device identifier under its issuing entity's rules (MDR Art. 27(1)(a), Annex VI Part C 1).</li>
 *   <li>Risk class: a class of the legislation the device is placed under (MDR Art. 51 and Annex VIII; IVDR Art. 47
 *       and Annex VIII); class Ir only for reusable surgical instruments and Im only with a measuring function
 *       (MDR Art. 52(7)(b) and (c)); legacy devices only under a Directive (MDR Art. 120(3)).</li>
 *   <li>Notified body: a four-digit NANDO number (MDR Art. 42), required wherever the conformity assessment involves
 *       a notified body: every MDR class but plain class I (Art. 52(3)–(7)), IVDR classes B–D (Art. 48(3)–(9);
 *       class A only when sterile, which the register does not record), and for legacy devices the Directive classes
 *       that needed one (MDD Art. 11, AIMDD Art. 9, IVDD Art. 9).</li>
 *   <li>EMDN code: a code of the nomenclature (MDR Art. 26), when given.</li>
 *   <li>Markets: ISO 3166-1 alpha-2 countries or XI, dates in order; units placed zero or more.</li>
 * </ul>
 */
public final class RegisterRules {

    private static final String SRN = "[A-Z]{2}-(MF|AR|PR|IM)-[0-9]{9}";

    private RegisterRules() {
    }

    /** A Basic UDI-DI's data with its text fields tidied (trimmed, blanks as {@code null}). */
    public static BasicUdiDiData tidy(BasicUdiDiData d) {
        return new BasicUdiDiData(text(d.basicUdiDi()), text(d.deviceName()), text(d.intendedPurpose()),
                d.legislation(), d.legacy(), d.riskClass(), d.implantable(), d.active(), d.measuring(),
                d.reusableSurgicalInstrument(), d.medicinalSubstance(), d.humanTissuesOrCells(),
                d.animalTissuesOrCells(), text(d.notifiedBody()),
                d.certificates().stream().map(RegisterRules::text).filter(java.util.Objects::nonNull).toList(),
                upper(d.manufacturerSrn()), upper(d.authorisedRepresentativeSrn()));
    }

    public static List<FieldError> check(BasicUdiDiData d) {
        var errors = new ArrayList<FieldError>();
        if (d.basicUdiDi() == null) {
            errors.add(new FieldError("basicUdiDi", "Give the Basic UDI-DI."));
        } else {
            BasicUdiDiCheck check = BasicUdiDi.check(d.basicUdiDi());
            if (!check.valid()) {
                var problem = check.problems().getFirst();
                errors.add(new FieldError("basicUdiDi", "Not a valid Basic UDI-DI: " + problem.message()
                        + " (character " + (problem.position() + 1) + ")."));
            }
        }
        if (d.deviceName() == null) {
            errors.add(new FieldError("deviceName", "Give the device name."));
        } else if (d.deviceName().length() > 500) {
            errors.add(new FieldError("deviceName", "Keep the device name to 500 characters."));
        }
        if (d.intendedPurpose() != null && d.intendedPurpose().length() > 5000) {
            errors.add(new FieldError("intendedPurpose", "Keep the intended purpose to 5,000 characters."));
        }
        Legislation legislation = d.legislation();
        RiskClass riskClass = d.riskClass();
        if (legislation == Legislation.UNKNOWN) {
            if (riskClass != null) {
                errors.add(new FieldError("riskClass", "A risk class needs the legislation it belongs to."));
            }
        } else if (riskClass == null) {
            errors.add(new FieldError("riskClass", "Give the risk class under " + legislation + "."));
        } else if (riskClass.legislation() != legislation) {
            errors.add(new FieldError("riskClass", "Class " + riskClass.label() + " is a class of "
                    + riskClass.legislation() + ", not of " + legislation + "."));
        }
        if (d.legacy() && !legislation.directive()) {
            errors.add(new FieldError("legacy", "Only a device placed under a Directive (MDD, AIMDD, IVDD) is a "
                    + "legacy device (MDR Art. 120(3))."));
        }
        if (riskClass == RiskClass.MDR_IR && !d.reusableSurgicalInstrument()) {
            errors.add(new FieldError("riskClass", "Class Ir is only for reusable surgical instruments "
                    + "(MDR Art. 52(7)(c))."));
        }
        if (riskClass == RiskClass.MDR_IM && !d.measuring()) {
            errors.add(new FieldError("riskClass", "Class Im is only for devices with a measuring function "
                    + "(MDR Art. 52(7)(b))."));
        }
        if (d.notifiedBody() != null && !d.notifiedBody().matches("[0-9]{4}")) {
            errors.add(new FieldError("notifiedBody", "A notified body number has four digits (NANDO, MDR Art. 42)."));
        } else if (d.notifiedBody() == null && riskClass != null && needsNotifiedBody(riskClass)) {
            errors.add(new FieldError("notifiedBody", "Class " + riskClass.label() + " under "
                    + riskClass.legislation() + " is assessed by a notified body: give its four-digit number."));
        }
        for (int i = 0; i < d.certificates().size(); i++) {
            if (d.certificates().get(i).length() > 100) {
                errors.add(new FieldError("certificates", "Keep each certificate number to 100 characters."));
            }
        }
        if (d.manufacturerSrn() != null && !d.manufacturerSrn().matches(SRN)) {
            errors.add(new FieldError("manufacturerSrn", "An SRN looks like DE-MF-000012345 (MDR Art. 31)."));
        }
        if (d.authorisedRepresentativeSrn() != null
                && !d.authorisedRepresentativeSrn().matches("[A-Z]{2}-AR-[0-9]{9}")) {
            errors.add(new FieldError("authorisedRepresentativeSrn",
                    "An authorised representative's SRN looks like DE-AR-000012345 (MDR Art. 31)."));
        }
        return errors;
    }

    /** Whether the conformity assessment of a class involves a notified body. */
    public static boolean needsNotifiedBody(RiskClass riskClass) {
        return switch (riskClass) {
            case MDR_I, MDD_I, IVDR_A, IVDD_GENERAL -> false;
            default -> true;
        };
    }

    /**
     * The UDI-DI with its markets in the order the register keeps them (by country, then date), so a checked row compares
     * equal to what is stored when nothing changed and an unchanged re-import records no change. Applied after the
     * checks, which name markets by the position the person gave them.
     */
    public static UdiDiData inStoredOrder(UdiDiData d) {
        var markets = d.markets().stream()
                .sorted(java.util.Comparator.comparing(MarketPlacement::country,
                                java.util.Comparator.nullsFirst(java.util.Comparator.<String>naturalOrder()))
                        .thenComparing(MarketPlacement::from,
                                java.util.Comparator.nullsFirst(java.util.Comparator.<java.time.LocalDate>naturalOrder())))
                .toList();
        return new UdiDiData(d.basicUdiDi(), d.udiDi(), d.issuer(), d.tradeName(), d.model(), d.reference(),
                d.emdnCode(), d.softwareVersion(), d.firmwareVersion(), d.packageLevels(), markets);
    }

    /** A UDI-DI's data tidied, with the issuer detected when not given and the GTIN padded to 14 digits. */
    public static UdiDiData tidy(UdiDiData d) {
        String udiDi = text(d.udiDi());
        IssuingEntity issuer = d.issuer() != null ? d.issuer() : DeviceIdentifiers.detect(udiDi).orElse(null);
        if (issuer != null && udiDi != null) {
            var checked = DeviceIdentifiers.check(issuer, udiDi);
            udiDi = checked.valid() ? checked.udiDi() : udiDi;
        }
        var packages = d.packageLevels().stream().filter(java.util.Objects::nonNull).map(p -> {
            String packageDi = text(p.udiDi());
            if (issuer != null && packageDi != null) {
                var checked = DeviceIdentifiers.check(issuer, packageDi);
                packageDi = checked.valid() ? checked.udiDi() : packageDi;
            }
            String contains = text(p.contains());
            if (issuer != null && contains != null) {
                var checked = DeviceIdentifiers.check(issuer, contains);
                contains = checked.valid() ? checked.udiDi() : contains;
            }
            return new PackageLevel(packageDi, contains, p.quantity());
        }).toList();
        var markets = d.markets().stream().filter(java.util.Objects::nonNull)
                .map(m -> new MarketPlacement(upper(m.country()), m.from(), m.until())).toList();
        return new UdiDiData(text(d.basicUdiDi()), udiDi, issuer, text(d.tradeName()), text(d.model()),
                text(d.reference()), upper(d.emdnCode()), text(d.softwareVersion()), text(d.firmwareVersion()),
                packages, markets);
    }

    public static List<FieldError> check(UdiDiData d, Predicate<String> emdnExists) {
        var errors = new ArrayList<FieldError>();
        if (d.basicUdiDi() == null) {
            errors.add(new FieldError("basicUdiDi", "Give the Basic UDI-DI this UDI-DI belongs to."));
        }
        if (d.udiDi() == null) {
            errors.add(new FieldError("udiDi", "Give the UDI-DI."));
        } else if (d.issuer() == null) {
            errors.add(new FieldError("issuer", "Give the issuing entity of the UDI-DI."));
        } else {
            var checked = DeviceIdentifiers.check(d.issuer(), d.udiDi());
            if (!checked.valid()) {
                errors.add(new FieldError("udiDi", "Not a " + d.issuer() + " UDI-DI: " + checked.problem()));
            }
        }
        length(errors, "tradeName", d.tradeName(), 500);
        length(errors, "model", d.model(), 200);
        length(errors, "reference", d.reference(), 200);
        length(errors, "softwareVersion", d.softwareVersion(), 100);
        length(errors, "firmwareVersion", d.firmwareVersion(), 100);
        if (d.emdnCode() != null && !emdnExists.test(d.emdnCode())) {
            errors.add(new FieldError("emdnCode", "EMDN has no code " + d.emdnCode() + " (MDR Art. 26)."));
        }
        Set<String> levels = new HashSet<>();
        if (d.udiDi() != null) {
            levels.add(d.udiDi());
        }
        for (int i = 0; i < d.packageLevels().size(); i++) {
            PackageLevel level = d.packageLevels().get(i);
            String field = "packageLevels[" + i + "]";
            if (level.udiDi() == null) {
                errors.add(new FieldError(field + ".udiDi", "Give the package's UDI-DI."));
                continue;
            }
            if (d.issuer() != null) {
                var checked = DeviceIdentifiers.check(d.issuer(), level.udiDi());
                if (!checked.valid()) {
                    errors.add(new FieldError(field + ".udiDi", "Not a " + d.issuer() + " UDI-DI: "
                            + checked.problem()));
                }
            }
            if (!levels.add(level.udiDi())) {
                errors.add(new FieldError(field + ".udiDi", "Each package level needs a UDI-DI of its own "
                        + "(MDR Annex VI Part C 3.5)."));
            }
            if (level.contains() == null || !levels.contains(level.contains())
                    || level.contains().equals(level.udiDi())) {
                errors.add(new FieldError(field + ".contains", "Name the UDI-DI of what the package contains: the "
                        + "base unit or a package level listed before it."));
            }
            if (level.quantity() < 1) {
                errors.add(new FieldError(field + ".quantity", "A package contains at least one unit."));
            }
        }
        errors.addAll(check(d.markets(), "markets"));
        return errors;
    }

    public static List<FieldError> check(List<MarketPlacement> markets, String prefix) {
        var errors = new ArrayList<FieldError>();
        Set<String> countries = new HashSet<>();
        for (int i = 0; i < markets.size(); i++) {
            MarketPlacement market = markets.get(i);
            String field = prefix + "[" + i + "]";
            if (!MarketCountries.known(market.country())) {
                errors.add(new FieldError(field + ".country", "Give an ISO 3166-1 alpha-2 country code, or XI "
                        + "for Northern Ireland."));
            } else if (!countries.add(market.country())) {
                errors.add(new FieldError(field + ".country", market.country() + " is listed twice."));
            }
            if (market.from() == null) {
                errors.add(new FieldError(field + ".from", "Give the date the device was first placed there."));
            } else if (market.until() != null && market.until().isBefore(market.from())) {
                errors.add(new FieldError(field + ".until", "The end of placement is before its start."));
            }
        }
        return errors;
    }

    public static UnitsPlaced tidy(UnitsPlaced units) {
        return new UnitsPlaced(text(units.udiDi()), upper(units.country()), units.month(), units.units());
    }

    /** Checks a units-placed figure; {@code now} is the current month, after which nothing has been placed yet. */
    public static List<FieldError> check(UnitsPlaced units, YearMonth now) {
        var errors = new ArrayList<FieldError>();
        if (units.udiDi() == null) {
            errors.add(new FieldError("udiDi", "Give the UDI-DI."));
        }
        if (!MarketCountries.known(units.country())) {
            errors.add(new FieldError("country", "Give an ISO 3166-1 alpha-2 country code, or XI for Northern "
                    + "Ireland."));
        }
        if (units.month() == null) {
            errors.add(new FieldError("month", "Give the month (YYYY-MM)."));
        } else if (units.month().isAfter(now)) {
            errors.add(new FieldError("month", "Units cannot have been placed in a month still to come."));
        }
        if (units.units() < 0) {
            errors.add(new FieldError("units", "Units placed are zero or more."));
        }
        return errors;
    }

    private static void length(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "Keep this to " + max + " characters."));
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String upper(String value) {
        String text = text(value);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}
