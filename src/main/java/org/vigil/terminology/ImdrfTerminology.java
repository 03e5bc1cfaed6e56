package org.vigil.terminology;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.RecordRef;
import org.vigil.terminology.domain.FdaCrosswalkFile;
import org.vigil.terminology.domain.ImdrfIndex;
import org.vigil.terminology.domain.ImdrfReleaseFile;
import org.vigil.terminology.persistence.ImdrfRecords;

/**
 * The IMDRF adverse-event terminology (IMDRF/AE WG N43, Annexes A–G), which MIR 7.3.1 §3.2, §3.3 and §4.2 and FDA
 * eMDR require for coding device problems, health effects, investigations and components: look a code up, walk an
 * annex's hierarchy, search by code or word, check that a code may be chosen for a new report, and load new releases
 * (platform administrators; audited). Also the FDA CDRH ↔ IMDRF crosswalk.
 *
 * <p>Each annex has releases; the most recently loaded one is current. Older releases stay, so a code on an old
 * record always resolves: a code the current release dropped, or one IMDRF marks "Retired" or "Not selectable",
 * resolves and displays but is not {@linkplain #requireSelectable selectable} for new coding.
 */
@Service
public class ImdrfTerminology {

    /** The audit record under which the releases of one annex are recorded. */
    static RecordRef releasesOf(ImdrfAnnex annex) {
        return RecordRef.of("terminology", UUID.nameUUIDFromBytes(("IMDRF-" + annex).getBytes()));
    }

    static final RecordRef CROSSWALK = RecordRef.of("terminology", UUID.nameUUIDFromBytes("FDA-IMDRF".getBytes()));

    private record Snapshot(long stamp, ImdrfIndex index, long checkedAt) {
    }

    /**
     * How long the index is trusted before the release table is asked again whether a release was loaded: a release
     * loaded by another Vigil on the same database is seen within it, one loaded here at once (after its commit). Every
     * code checked used to cost a query, two per submitted report (docs/benchmarks.md).
     */
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ImdrfRecords records;
    private final AuditTrail audit;
    private volatile Snapshot snapshot;

    ImdrfTerminology(ImdrfRecords records, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
    }

    /** Every release of every annex, in the order loaded. */
    @Transactional(readOnly = true)
    public List<ImdrfRelease> releases() {
        return index().releases();
    }

    @Transactional(readOnly = true)
    public Optional<ImdrfRelease> currentRelease(ImdrfAnnex annex) {
        return index().current(annex);
    }

    /** The term with {@code code} (annex from its first letter), retired and dropped ones included. */
    @Transactional(readOnly = true)
    public Optional<ImdrfTerm> find(String code) {
        String normal = normal(code);
        return ImdrfAnnex.of(normal.isEmpty() ? "" : normal.substring(0, 1)).flatMap(annex -> find(annex, normal));
    }

    /** The term with {@code code} in {@code annex}, retired and dropped ones included. */
    @Transactional(readOnly = true)
    public Optional<ImdrfTerm> find(ImdrfAnnex annex, String code) {
        return index().find(annex, normal(code));
    }

    /** The term as one given release of the annex defines it. */
    @Transactional(readOnly = true)
    public Optional<ImdrfTerm> find(ImdrfAnnex annex, String code, String release) {
        return index().find(annex, normal(code), release);
    }

    /** The terms directly under {@code code} in the annex's current release; level 1 when {@code code} is null. */
    @Transactional(readOnly = true)
    public List<ImdrfTerm> children(ImdrfAnnex annex, String code) {
        return index().children(annex, code == null ? null : normal(code));
    }

    /** The term and its ancestors, level 1 first. */
    @Transactional(readOnly = true)
    public List<ImdrfTerm> path(ImdrfAnnex annex, String code) {
        return index().path(annex, normal(code));
    }

    /**
     * Terms of the current release of {@code annex} (every annex when {@code null}) matching a code prefix or the
     * words of {@code text}, in any case and with or without accents, best first.
     *
     * @param selectableOnly leave out retired and "not selectable" terms, as pickers for new coding do
     */
    @Transactional(readOnly = true)
    public List<ImdrfTerm> search(ImdrfAnnex annex, String text, int limit, boolean selectableOnly) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        var annexes = annex == null ? Arrays.asList(ImdrfAnnex.values()) : List.of(annex);
        return index().search(annexes, text.strip(), Math.clamp(limit, 1, 100), selectableOnly);
    }

    /** Whether {@code code} may be chosen for new coding in {@code annex}. */
    @Transactional(readOnly = true)
    public boolean selectable(ImdrfAnnex annex, String code) {
        return find(annex, code).map(ImdrfTerm::selectable).orElse(false);
    }

    /**
     * The term for a code chosen for a new record, or an {@link InvalidInputException} naming {@code field} when the
     * code is unknown, retired, dropped from the current release, or a grouping term IMDRF marks "not selectable"
     * (IMDRF/AE WG N43: retired terms are not used for new reports; code at the most detailed level available).
     */
    @Transactional(readOnly = true)
    public ImdrfTerm requireSelectable(String field, ImdrfAnnex annex, String code) {
        var problem = whyNotSelectable(annex, code);
        if (problem.isPresent()) {
            throw InvalidInputException.of(field, problem.get());
        }
        return find(annex, code).orElseThrow();
    }

    /**
     * Why {@code code} cannot be chosen for a new record in {@code annex}, in words for the person coding; empty when
     * it can. The rules of {@link #requireSelectable}, for callers that collect every problem of a form at once.
     */
    @Transactional(readOnly = true)
    public Optional<String> whyNotSelectable(ImdrfAnnex annex, String code) {
        if (code == null || code.isBlank()) {
            return Optional.of("Choose an IMDRF Annex " + annex + " term.");
        }
        var found = find(annex, code);
        if (found.isEmpty()) {
            return Optional.of("IMDRF Annex " + annex + " (" + annex.title() + ") has no code " + normal(code) + ".");
        }
        var term = found.get();
        if (!term.currentRelease() || term.status() == ImdrfStatus.RETIRED) {
            return Optional.of(term.code() + " " + term.term() + " is retired (" + term.statusNote()
                    + ") and cannot be chosen for a new report; choose a current term.");
        }
        if (term.status() == ImdrfStatus.NOT_SELECTABLE) {
            return Optional.of(term.code() + " " + term.term() + " is a grouping term IMDRF marks not selectable; "
                    + "choose a more detailed term under it.");
        }
        return Optional.empty();
    }

    /**
     * Adds release {@code version} of {@code annex} from IMDRF's JSON download and makes it the annex's current
     * release. The whole file is checked first; when anything is wrong nothing is loaded and every problem is
     * reported, with its line, under the field {@code file}.
     */
    @Transactional
    public ImdrfRelease load(ImdrfAnnex annex, String version, Reader source, String sourceName) throws IOException {
        String label = version == null ? "" : version.strip();
        if (!ImdrfReleaseFile.validVersion(label)) {
            throw InvalidInputException.of("version", "Give the release label, for example 2024 or 2025.1 (letters, "
                    + "digits, dots, dashes; at most 40 characters).");
        }
        if (records.exists(annex, label)) {
            throw InvalidInputException.of("version", "Release " + label + " of Annex " + annex
                    + " is already loaded; releases are never overwritten.");
        }
        List<ImdrfTerm> terms;
        try {
            terms = ImdrfReleaseFile.read(annex, label, source);
        } catch (ImdrfReleaseFile.InvalidRelease e) {
            throw fileProblems(e);
        }
        // From the release table rather than the index, so that loading several releases in a row (start-up)
        // does not rebuild the index after each.
        String before = currentOf(annex).map(ImdrfRelease::version).orElse(null);
        records.insert(annex, label, sourceName, terms);
        forgetIndexAfterCommit();
        var after = new LinkedHashMap<String, Object>();
        after.put("annex", annex.name());
        after.put("version", label);
        after.put("terms", terms.size());
        after.put("source", sourceName);
        audit.record(AuditedChange.changed("terminology.imdrf-loaded", releasesOf(annex),
                before == null ? null : Map.of("annex", annex.name(), "version", before), after)
                .inOrganisation(OrganisationId.INSTALLATION));
        return currentOf(annex).orElseThrow();
    }

    private void forgetIndexAfterCommit() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // A lookup between now and the commit would rebuild the index without the new release and trust it.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshot = null;
                }
            });
        }
    }

    private Optional<ImdrfRelease> currentOf(ImdrfAnnex annex) {
        return records.releases().stream().filter(release -> release.annex() == annex && release.current())
                .findFirst();
    }

    /** FDA CDRH codes paired with {@code imdrfCode}. */
    @Transactional(readOnly = true)
    public List<CrosswalkEntry> crosswalkFromImdrf(String imdrfCode) {
        return records.byImdrf(normal(imdrfCode));
    }

    /** IMDRF codes paired with the FDA CDRH code {@code fdaCode}. */
    @Transactional(readOnly = true)
    public List<CrosswalkEntry> crosswalkFromFda(String fdaCode) {
        return fdaCode == null ? List.of() : records.byFda(fdaCode.strip());
    }

    @Transactional(readOnly = true)
    public int crosswalkSize() {
        return records.crosswalkSize();
    }

    /** Where the crosswalk in use came from, if one was loaded. */
    @Transactional(readOnly = true)
    public Optional<String> crosswalkSource() {
        return records.crosswalkSource().map(Map.Entry::getKey);
    }

    /**
     * Replaces the FDA ↔ IMDRF crosswalk with NCI EVS's "FDA-CDRH NCIt Subsets" file (CSV). Checked whole first;
     * nothing changes when any row is wrong.
     */
    @Transactional
    public int loadCrosswalk(Reader source, String sourceName) throws IOException {
        List<CrosswalkEntry> entries;
        try {
            entries = FdaCrosswalkFile.read(source);
        } catch (ImdrfReleaseFile.InvalidRelease e) {
            throw fileProblems(e);
        }
        int before = records.crosswalkSize();
        records.replaceCrosswalk(sourceName, entries);
        audit.record(AuditedChange.changed("terminology.crosswalk-loaded", CROSSWALK,
                before == 0 ? null : Map.of("pairs", before), Map.of("pairs", entries.size(), "source", sourceName))
                .inOrganisation(OrganisationId.INSTALLATION));
        return entries.size();
    }

    private static InvalidInputException fileProblems(ImdrfReleaseFile.InvalidRelease e) {
        return new InvalidInputException(e.problems().stream().limit(100)
                .map(problem -> new InvalidInputException.FieldError("file", problem)).toList());
    }

    private static String normal(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    /** The in-memory index, rebuilt when a release was loaded since it was built (here or by another instance). */
    private ImdrfIndex index() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current != null && now - current.checkedAt() < RECHECK_NANOS) {
            return current.index();
        }
        long stamp = records.stamp();
        if (current != null && current.stamp() == stamp) {
            snapshot = new Snapshot(stamp, current.index(), now);
            return current.index();
        }
        synchronized (this) {
            current = snapshot;
            if (current == null || current.stamp() != stamp) {
                var releases = records.releases();
                var terms = records.allTerms();
                var marked = new LinkedHashMap<String, List<ImdrfTerm>>();
                for (ImdrfRelease release : releases) {
                    String key = ImdrfIndex.key(release.annex(), release.version());
                    marked.put(key, terms.getOrDefault(key, List.of()).stream()
                            .map(term -> term.inRelease(release.version(), release.current())).toList());
                }
                current = new Snapshot(stamp, new ImdrfIndex(releases, marked), now);
                snapshot = current;
            }
            return current.index();
        }
    }
}
