package org.vigil.terminology;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.RecordRef;
import org.vigil.terminology.domain.EmdnRelease;
import org.vigil.terminology.persistence.EmdnRecords;

/**
 * The European Medical Device Nomenclature (MDR Art. 26): look up a code, walk the tree, search by code or word, and
 * load a new release (platform administrators; audited). Vigil ships EMDN V2 and loads it into an empty database.
 */
@Service
public class Emdn {

    /** The audit record under which EMDN releases are recorded. */
    static final RecordRef RELEASES = RecordRef.of("terminology", UUID.nameUUIDFromBytes("EMDN".getBytes()));

    private final EmdnRecords records;
    private final AuditTrail audit;

    Emdn(EmdnRecords records, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<EmdnTerm> find(String code) {
        return code == null ? Optional.empty() : records.find(code.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** The terms directly under {@code code}; the categories when {@code code} is {@code null}. */
    @Transactional(readOnly = true)
    public List<EmdnTerm> children(String code) {
        return records.children(code);
    }

    /** The term and its ancestors, category first. */
    @Transactional(readOnly = true)
    public List<EmdnTerm> path(String code) {
        var path = new ArrayList<EmdnTerm>();
        var current = find(code);
        while (current.isPresent()) {
            path.addFirst(current.get());
            current = current.get().parentCode() == null ? Optional.empty() : records.find(current.get().parentCode());
        }
        return path;
    }

    /** Terms matching a code prefix or a word, best matches first. */
    @Transactional(readOnly = true)
    public List<EmdnTerm> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return records.search(text.strip(), Math.clamp(limit, 1, 100));
    }

    @Transactional(readOnly = true)
    public Optional<String> currentVersion() {
        return records.currentVersion();
    }

    /**
     * Replaces the current release with the one in {@code source} (the European Commission's tab-separated download).
     * The whole file is checked first; when any line is wrong nothing is loaded and every problem is reported.
     */
    @Transactional
    public EmdnRelease load(Reader source, String sourceName) throws IOException {
        EmdnRelease release;
        try {
            release = EmdnRelease.read(source);
        } catch (EmdnRelease.InvalidRelease e) {
            throw new InvalidInputException(e.problems().stream().limit(50)
                    .map(problem -> new InvalidInputException.FieldError("file", problem)).toList());
        }
        String before = records.currentVersion().orElse(null);
        records.replace(release.version(), sourceName, release.terms());
        audit.record(AuditedChange.changed("terminology.emdn-loaded", RELEASES,
                before == null ? null : Map.of("version", before),
                Map.of("version", release.version(), "terms", release.terms().size(), "source", sourceName))
                .inOrganisation(OrganisationId.INSTALLATION));
        return release;
    }
}
