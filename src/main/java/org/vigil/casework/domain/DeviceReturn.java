package org.vigil.casework.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The journey of the device involved in an incident, one state per step (MDR Art. 89(1) and (3): the manufacturer
 * investigates the device and must not destroy it, or alter it in a way that affects the evaluation, before telling
 * the competent authority). Each step can only follow the one before; the type system says which.
 */
public sealed interface DeviceReturn {

    /** The name shown for the state. */
    String label();

    /** No return asked for. */
    record NotRequested() implements DeviceReturn {
        public Requested request(String instructions, Instant at) {
            return new Requested(instructions, at);
        }

        @Override
        public String label() {
            return "NOT_REQUESTED";
        }
    }

    /** The manufacturer asked for the device, with shipping instructions. */
    record Requested(String instructions, Instant requestedAt) implements DeviceReturn {
        public Shipped ship(String trackingReference, Instant at) {
            return new Shipped(instructions, requestedAt, require(trackingReference, "trackingReference"), at);
        }

        public NotAvailable decline(String reason, Instant at) {
            return new NotAvailable(require(reason, "reason"), at);
        }

        @Override
        public String label() {
            return "REQUESTED";
        }
    }

    /** The hospital cannot send the device (lost, discarded, still implanted, kept for legal reasons…). */
    record NotAvailable(String reason, Instant at) implements DeviceReturn {
        @Override
        public String label() {
            return "NOT_AVAILABLE";
        }
    }

    /** The hospital shipped the device. */
    record Shipped(String instructions, Instant requestedAt, String trackingReference, Instant shippedAt)
            implements DeviceReturn {
        public Received receive(Instant at) {
            return new Received(trackingReference, shippedAt, at);
        }

        @Override
        public String label() {
            return "SHIPPED";
        }
    }

    /** The manufacturer received the device. */
    record Received(String trackingReference, Instant shippedAt, Instant receivedAt) implements DeviceReturn {
        public Analysed analyse(String findings, Instant at) {
            return new Analysed(receivedAt, require(findings, "findings"), at);
        }

        @Override
        public String label() {
            return "RECEIVED";
        }
    }

    /** The manufacturer analysed the device. */
    record Analysed(Instant receivedAt, String findings, Instant analysedAt) implements DeviceReturn {
        public Returned returnToHospital(String trackingReference, Instant at) {
            return new Returned(findings, require(trackingReference, "trackingReference"), at);
        }

        public Disposed dispose(String how, Instant at) {
            return new Disposed(findings, require(how, "how"), at);
        }

        @Override
        public String label() {
            return "ANALYSED";
        }
    }

    /** The device went back to the hospital. */
    record Returned(String findings, String trackingReference, Instant at) implements DeviceReturn {
        @Override
        public String label() {
            return "RETURNED";
        }
    }

    /** The device was disposed of after analysis. */
    record Disposed(String findings, String how, Instant at) implements DeviceReturn {
        @Override
        public String label() {
            return "DISPOSED";
        }
    }

    private static String require(String value, String field) {
        Objects.requireNonNull(field);
        if (value == null || value.isBlank()) {
            throw new MissingDetail(field);
        }
        return value.strip();
    }

    /** A step needs a detail that was not given. */
    final class MissingDetail extends RuntimeException {
        private final String field;

        MissingDetail(String field) {
            super(field + " is required for this step");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
