package org.vigil.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.organisation.domain.Countries;
import org.vigil.organisation.domain.SingleRegistrationNumber;
import org.vigil.organisation.persistence.OrganisationRecords;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.InvalidInputException.FieldError;
import org.vigil.shared.OrganisationDirectory;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.OrganisationKind;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Tenancy;

/**
 * The directory of organisations: every signed-in user may read it; platform administrators register and edit
 * organisations. Every change is audited.
 */
@Service
public class OrganisationManagement implements OrganisationDirectory {

    static final String RECORD_TYPE = "organisation";

    private final OrganisationRecords records;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Map<OrganisationId, String> names = new ConcurrentHashMap<>();

    OrganisationManagement(OrganisationRecords records, AuditTrail audit, ApplicationEventPublisher events) {
        this.records = records;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public OrganisationView register(OrganisationDetails details) {
        requirePlatform();
        var problems = validate(details, null);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var id = OrganisationId.random();
        records.insert(id, details.kind(), details.name().strip(), blankToNull(details.country()),
                blankToNull(details.srn()));
        var created = records.find(id).orElseThrow();
        audit.record(AuditedChange.created("organisation.registered", RecordRef.of(RECORD_TYPE, id.value()),
                snapshot(created)).inOrganisation(id));
        return created;
    }

    /** Edits name, country and SRN; the kind never changes. */
    @Transactional
    public OrganisationView update(OrganisationId id, OrganisationDetails details) {
        requirePlatform();
        var before = get(id);
        var withKind = new OrganisationDetails(before.kind(), details.name(), details.country(), details.srn());
        var problems = validate(withKind, id);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        records.update(id, withKind.name().strip(), blankToNull(withKind.country()), blankToNull(withKind.srn()));
        var after = records.find(id).orElseThrow();
        names.remove(id);
        if (!snapshot(before).equals(snapshot(after))) {
            audit.record(AuditedChange.changed("organisation.updated", RecordRef.of(RECORD_TYPE, id.value()),
                    snapshot(before), snapshot(after)).inOrganisation(id));
            events.publishEvent(new OrganisationUpdated(id));
        }
        return after;
    }

    @Transactional(readOnly = true)
    public List<OrganisationView> directory() {
        return records.all();
    }

    @Transactional(readOnly = true)
    public List<OrganisationView> directory(OrganisationKind kind) {
        return records.ofKind(kind);
    }

    @Transactional(readOnly = true)
    public OrganisationView get(OrganisationId id) {
        return records.find(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
    }

    @Transactional(readOnly = true)
    public long count() {
        return records.count();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> nameOf(OrganisationId organisationId) {
        String cached = names.get(organisationId);
        if (cached != null) {
            return Optional.of(cached);
        }
        var name = records.find(organisationId).map(OrganisationView::name);
        name.ifPresent(value -> names.put(organisationId, value));
        return name;
    }

    private List<FieldError> validate(OrganisationDetails details, OrganisationId existing) {
        var problems = new ArrayList<FieldError>();
        if (details.kind() == null) {
            problems.add(new FieldError("kind", "Choose what kind of organisation this is."));
        }
        String name = details.name() == null ? "" : details.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldError("name", "Give a name of 1 to 200 characters."));
        } else if (details.kind() != null && records.nameTaken(details.kind(), name, existing)) {
            problems.add(new FieldError("name", "An organisation of this kind with this name is already registered."));
        }
        String country = blankToNull(details.country());
        if (country == null) {
            if (details.kind() != OrganisationKind.PLATFORM_OPERATOR) {
                problems.add(new FieldError("country", "Choose the country."));
            }
        } else if (!Countries.isKnown(country)) {
            problems.add(new FieldError("country", "Use a two-letter ISO 3166 country code, or XI for Northern "
                    + "Ireland."));
        }
        String srn = blankToNull(details.srn());
        if (srn != null && details.kind() != null) {
            SingleRegistrationNumber.problemWith(srn, details.kind(), country)
                    .ifPresent(problem -> problems.add(new FieldError("srn", problem)));
            if (problems.stream().noneMatch(p -> p.field().equals("srn")) && records.srnTaken(srn, existing)) {
                problems.add(new FieldError("srn", "Another organisation already has this SRN."));
            }
        }
        return problems;
    }

    private static Map<String, Object> snapshot(OrganisationView organisation) {
        var values = new java.util.TreeMap<String, Object>();
        values.put("kind", organisation.kind().name());
        values.put("name", organisation.name());
        values.put("country", organisation.country());
        values.put("srn", organisation.srn());
        return values;
    }

    private static void requirePlatform() {
        if (!Tenancy.requireActor().isPlatform()) {
            throw new AccessDeniedException("Only platform administrators register and edit organisations");
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
