package org.vigil.casework.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.vigil.casework.CaseSide;

/**
 * Applies one named step of the device's return to its current state (MDR Art. 89(1) and (3)): the manufacturer
 * requests the device with instructions, the hospital ships it with a tracking reference or says it is not
 * available, the manufacturer receives it, analyses it, and returns or disposes of it. A step that does not follow
 * from the current state, or is taken by the wrong side, is refused with the reason.
 */
public final class DeviceReturnSteps {

    /** The steps by their names in URLs and forms, with the side that takes each. */
    public enum Step {
        REQUEST(CaseSide.MANUFACTURER, "instructions"),
        SHIP(CaseSide.HOSPITAL, "trackingReference"),
        NOT_AVAILABLE(CaseSide.HOSPITAL, "reason"),
        RECEIVE(CaseSide.MANUFACTURER, null),
        ANALYSE(CaseSide.MANUFACTURER, "findings"),
        RETURN(CaseSide.MANUFACTURER, "trackingReference"),
        DISPOSE(CaseSide.MANUFACTURER, "how");

        private final CaseSide side;
        private final String detail;

        Step(CaseSide side, String detail) {
            this.side = side;
            this.detail = detail;
        }

        public CaseSide side() {
            return side;
        }

        /** The detail the step needs ({@code instructions}, {@code trackingReference}, …), {@code null} if none. */
        public String detail() {
            return detail;
        }

        /** The step named {@code name} in a URL ({@code request}, {@code ship}, {@code not-available}, …). */
        public static Step named(String name) {
            for (Step step : values()) {
                if (step.urlName().equalsIgnoreCase(name) || step.name().equalsIgnoreCase(name)) {
                    return step;
                }
            }
            return null;
        }

        public String urlName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A step that cannot be taken now; {@code field} names what is wrong. */
    public static final class Refused extends RuntimeException {
        private final String field;

        Refused(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private DeviceReturnSteps() {
    }

    /** The state after {@code step}, taken by {@code side} with {@code detail} at {@code at}. */
    public static DeviceReturn apply(DeviceReturn current, Step step, CaseSide side, String detail, Instant at) {
        if (step.side() != side) {
            throw new Refused("step", step.side() == CaseSide.MANUFACTURER
                    ? "Only the manufacturer takes the step \"" + step.urlName() + "\"."
                    : "Only the hospital takes the step \"" + step.urlName() + "\".");
        }
        try {
            DeviceReturn next = switch (step) {
                case REQUEST -> current instanceof DeviceReturn.NotRequested none
                        ? none.request(required(detail, "instructions"), at) : null;
                case SHIP -> current instanceof DeviceReturn.Requested requested ? requested.ship(detail, at) : null;
                case NOT_AVAILABLE -> current instanceof DeviceReturn.Requested requested
                        ? requested.decline(detail, at) : null;
                case RECEIVE -> current instanceof DeviceReturn.Shipped shipped ? shipped.receive(at) : null;
                case ANALYSE -> current instanceof DeviceReturn.Received received
                        ? received.analyse(detail, at) : null;
                case RETURN -> current instanceof DeviceReturn.Analysed analysed
                        ? analysed.returnToHospital(detail, at) : null;
                case DISPOSE -> current instanceof DeviceReturn.Analysed analysed ? analysed.dispose(detail, at) : null;
            };
            if (next == null) {
                throw new Refused("step", "The device is " + describe(current) + "; \"" + step.urlName()
                        + "\" does not follow from there.");
            }
            return next;
        } catch (DeviceReturn.MissingDetail missing) {
            throw new Refused(missing.field(), "Give the " + missing.field() + " for this step.");
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new Refused(field, "Give the " + field + " for this step.");
        }
        return value.strip();
    }

    /** The steps that may follow the state labelled {@code state} ({@link DeviceReturn#label()}), in order. */
    public static java.util.List<Step> possibleAfter(String state) {
        return switch (state == null ? "NOT_REQUESTED" : state) {
            case "NOT_REQUESTED" -> java.util.List.of(Step.REQUEST);
            case "REQUESTED" -> java.util.List.of(Step.SHIP, Step.NOT_AVAILABLE);
            case "SHIPPED" -> java.util.List.of(Step.RECEIVE);
            case "RECEIVED" -> java.util.List.of(Step.ANALYSE);
            case "ANALYSED" -> java.util.List.of(Step.RETURN, Step.DISPOSE);
            default -> java.util.List.of();
        };
    }

    /** The state in words, for people. */
    public static String describe(DeviceReturn state) {
        return switch (state) {
            case DeviceReturn.NotRequested ignored -> "not requested";
            case DeviceReturn.Requested ignored -> "requested";
            case DeviceReturn.NotAvailable ignored -> "not available";
            case DeviceReturn.Shipped ignored -> "shipped";
            case DeviceReturn.Received ignored -> "received by the manufacturer";
            case DeviceReturn.Analysed ignored -> "analysed";
            case DeviceReturn.Returned ignored -> "returned to the hospital";
            case DeviceReturn.Disposed ignored -> "disposed of";
        };
    }

    /** The state as flat strings, to store and to show. */
    public static Map<String, String> toMap(DeviceReturn state) {
        var map = new LinkedHashMap<String, String>();
        map.put("state", state.label());
        switch (state) {
            case DeviceReturn.NotRequested ignored -> {
            }
            case DeviceReturn.Requested r -> {
                put(map, "instructions", r.instructions());
                put(map, "requestedAt", r.requestedAt());
            }
            case DeviceReturn.NotAvailable n -> {
                put(map, "reason", n.reason());
                put(map, "at", n.at());
            }
            case DeviceReturn.Shipped s -> {
                put(map, "instructions", s.instructions());
                put(map, "requestedAt", s.requestedAt());
                put(map, "trackingReference", s.trackingReference());
                put(map, "shippedAt", s.shippedAt());
            }
            case DeviceReturn.Received r -> {
                put(map, "trackingReference", r.trackingReference());
                put(map, "shippedAt", r.shippedAt());
                put(map, "receivedAt", r.receivedAt());
            }
            case DeviceReturn.Analysed a -> {
                put(map, "receivedAt", a.receivedAt());
                put(map, "findings", a.findings());
                put(map, "analysedAt", a.analysedAt());
            }
            case DeviceReturn.Returned r -> {
                put(map, "findings", r.findings());
                put(map, "trackingReference", r.trackingReference());
                put(map, "at", r.at());
            }
            case DeviceReturn.Disposed d -> {
                put(map, "findings", d.findings());
                put(map, "how", d.how());
                put(map, "at", d.at());
            }
        }
        return map;
    }

    /** The state stored by {@link #toMap}. */
    public static DeviceReturn fromMap(Map<String, String> map) {
        String state = map.getOrDefault("state", "NOT_REQUESTED");
        return switch (state) {
            case "REQUESTED" -> new DeviceReturn.Requested(map.get("instructions"), instant(map, "requestedAt"));
            case "NOT_AVAILABLE" -> new DeviceReturn.NotAvailable(map.get("reason"), instant(map, "at"));
            case "SHIPPED" -> new DeviceReturn.Shipped(map.get("instructions"), instant(map, "requestedAt"),
                    map.get("trackingReference"), instant(map, "shippedAt"));
            case "RECEIVED" -> new DeviceReturn.Received(map.get("trackingReference"), instant(map, "shippedAt"),
                    instant(map, "receivedAt"));
            case "ANALYSED" -> new DeviceReturn.Analysed(instant(map, "receivedAt"), map.get("findings"),
                    instant(map, "analysedAt"));
            case "RETURNED" -> new DeviceReturn.Returned(map.get("findings"), map.get("trackingReference"),
                    instant(map, "at"));
            case "DISPOSED" -> new DeviceReturn.Disposed(map.get("findings"), map.get("how"), instant(map, "at"));
            default -> new DeviceReturn.NotRequested();
        };
    }

    private static void put(Map<String, String> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }

    private static Instant instant(Map<String, String> map, String key) {
        String value = map.get(key);
        return value == null ? null : Instant.parse(value);
    }
}
