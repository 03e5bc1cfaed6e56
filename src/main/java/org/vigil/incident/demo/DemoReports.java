package org.vigil.incident.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.vigil.incident.AgeUnit;
import org.vigil.incident.DeviceAvailability;
import org.vigil.incident.IncidentReports;
import org.vigil.incident.PersonInvolved;
import org.vigil.incident.ReportContent;
import org.vigil.incident.ReportKind;
import org.vigil.incident.ReportedDevice;
import org.vigil.incident.Sex;
import org.vigil.organisation.DemoOrganisationsLoaded;
import org.vigil.organisation.UserManagement;
import org.vigil.organisation.UserView;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.Role;
import org.vigil.shared.Tenancy;
import org.vigil.shared.VigilPrincipal;

/**
 * Two submitted demo reports, so that the manufacturer side has cases to triage from the first sign-in: Hospital A's
 * infusion pump that stopped (the patient's stay was prolonged, IMDRF F08) and Hospital B's hip stem that fractured
 * (revision surgery, F19). Both devices are Manufacturer A's; each report opens its shared case. Loaded after the demo
 * devices ({@code DemoDevices} runs in phase 0), before the web server opens its port.
 */
@Component
class DemoReports implements SmartLifecycle {

    static final int PHASE = 1;
    private static final Logger log = LoggerFactory.getLogger(DemoReports.class);

    private final IncidentReports reports;
    private final UserManagement users;
    private volatile DemoOrganisationsLoaded pending;
    private volatile boolean running;

    DemoReports(IncidentReports reports, UserManagement users) {
        this.reports = reports;
        this.users = users;
    }

    @EventListener
    void organisationsLoaded(DemoOrganisationsLoaded loaded) {
        pending = loaded;
    }

    @Override
    public void start() {
        running = true;
        var loaded = pending;
        pending = null;
        if (loaded != null) {
            load(loaded.organisationsByName());
        }
    }

    private void load(Map<String, OrganisationId> organisations) {
        var hospitalA = organisations.get("Hospital A");
        var hospitalB = organisations.get("Hospital B");
        if (hospitalA == null || hospitalB == null) {
            return;
        }
        LocalDate today = LocalDate.now();
        submit(hospitalA, "Hospital A", new ReportContent(ReportKind.INCIDENT, null,
                new ReportedDevice("(01)04069999000022(11)250312(21)IF300-000817", null, null, null, null, null, null,
                        null, "IF300-000817", null, "3.2.0"),
                today.minusDays(2), today.minusDays(2), "Intensive care",
                "The pump stopped during a noradrenaline infusion without raising the occlusion alarm. Blood pressure "
                        + "fell; the patient needed resuscitation drugs and stayed two more days in intensive care.",
                List.of("A0401"), PersonInvolved.PATIENT, List.of(), List.of("F08"), 67, AgeUnit.YEARS, Sex.MALE,
                new BigDecimal("82"), null, DeviceAvailability.AVAILABLE, "Device-safety office, quarantine shelf",
                false));
        submit(hospitalB, "Hospital B", new ReportContent(ReportKind.INCIDENT, null,
                new ReportedDevice("(01)04069999000015(10)P24-0117(17)300630", null, null, null, null, null, null,
                        "P24-0117", null, LocalDate.of(2030, 6, 30), null),
                today.minusDays(5), today.minusDays(4), "Orthopaedics",
                "Fracture of the femoral stem neck 14 months after implantation; revision surgery was performed.",
                List.of("A0401"), PersonInvolved.PATIENT, List.of(), List.of("F19"), 71, AgeUnit.YEARS, Sex.FEMALE,
                new BigDecimal("64"), null, DeviceAvailability.AVAILABLE, "Explant kept in theatre sterile services",
                false));
        log.info("Demo reports submitted: 2, each with its shared case");
    }

    private void submit(OrganisationId hospital, String hospitalName, ReportContent content) {
        UserView reporter = Tenancy.callAs(Actor.system(hospital, "demo data"),
                () -> users.holdersOf(hospital, Role.REPORTER)).getFirst();
        var principal = new VigilPrincipal(reporter.id(), reporter.email(), reporter.displayName(), hospital,
                hospitalName, OrganisationKind.HEALTHCARE_ORGANISATION, reporter.roles());
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.authorities()));
        SecurityContextHolder.setContext(context);
        try {
            var draft = reports.startDraft(content, null);
            reports.submit(draft.id(), draft.version());
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
