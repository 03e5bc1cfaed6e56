package org.vigil.mir;

/**
 * MIR 7.3.1 §3.4, who first reported the incident to the manufacturer ({@code incident_info/initial_reporter_info}).
 * Every value is {@code null} when not given.
 *
 * @param role e.g. {@code Healthcare professional}, {@code Patient}, {@code Other} ({@code initialReporterRole})
 * @param otherRole the role when it is {@code Other} ({@code initialReporterRoleOther})
 * @param facilityName the healthcare facility ({@code healthcareFacilityName})
 * @param facilityNumber the facility's reference number for the incident ({@code healthcareFacilityRepNum})
 * @param facilityCountry ISO 3166-1 alpha-2 code of the facility's country ({@code healthcareFacilityCountry})
 */
public record InitialReporter(String role, String otherRole, String facilityName, String facilityNumber,
        String facilityCountry) {
}
