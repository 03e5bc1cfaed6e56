package org.vigil.terminology.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.terminology.CrosswalkEntry;
import org.vigil.terminology.ImdrfAnnex;
import org.vigil.terminology.ImdrfRelease;
import org.vigil.terminology.ImdrfStatus;
import org.vigil.terminology.ImdrfTerm;

/** The IMDRF releases and the FDA crosswalk in PostgreSQL. Releases are only ever added, never changed. */
@Repository
public class ImdrfRecords {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;

    ImdrfRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A number that changes whenever a release is loaded, so that caches know when to rebuild. */
    public long stamp() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM imdrf_release").query(Long.class).single();
    }

    /** Every release in the order loaded; the last of each annex is its current one. */
    public List<ImdrfRelease> releases() {
        var rows = jdbc.sql("SELECT annex, version, source, loaded_at, term_count FROM imdrf_release ORDER BY id")
                .query((rs, row) -> new ImdrfRelease(ImdrfAnnex.valueOf(rs.getString("annex")),
                        rs.getString("version"), rs.getString("source"),
                        rs.getObject("loaded_at", java.time.OffsetDateTime.class).toInstant(), rs.getInt("term_count"),
                        false))
                .list();
        var latest = new HashMap<ImdrfAnnex, ImdrfRelease>();
        rows.forEach(release -> latest.put(release.annex(), release));
        return rows.stream().map(release -> latest.get(release.annex()) == release ? new ImdrfRelease(release.annex(),
                release.version(), release.source(), release.loadedAt(), release.termCount(), true) : release)
                .toList();
    }

    public boolean exists(ImdrfAnnex annex, String version) {
        return jdbc.sql("SELECT count(*) FROM imdrf_release WHERE annex = ? AND version = ?")
                .params(annex.name(), version).query(Integer.class).single() > 0;
    }

    /** Every term of every release, keyed by {@code annex/version}. */
    public Map<String, List<ImdrfTerm>> allTerms() {
        var terms = new HashMap<String, List<ImdrfTerm>>();
        jdbc.sql("""
                SELECT r.annex, r.version, t.code, t.term, t.definition, t.parent_code,
                       array_to_string(t.other_parents, '|') AS other_parents, t.level, t.status, t.status_note,
                       t.non_imdrf_code
                  FROM imdrf_term t JOIN imdrf_release r ON r.id = t.release_id
                 ORDER BY r.id, t.code
                """).query((ResultSet rs) -> {
                    ImdrfTerm term = term(rs);
                    terms.computeIfAbsent(rs.getString("annex") + "/" + term.release(), key -> new ArrayList<>())
                            .add(term);
                });
        return terms;
    }

    /** Adds a release with its terms, in the caller's transaction. */
    public void insert(ImdrfAnnex annex, String version, String source, List<ImdrfTerm> terms) {
        long release = jdbc.sql("""
                INSERT INTO imdrf_release (annex, version, source, term_count) VALUES (?, ?, ?, ?) RETURNING id
                """).params(annex.name(), version, source, terms.size()).query(Long.class).single();
        for (int from = 0; from < terms.size(); from += BATCH) {
            var slice = terms.subList(from, Math.min(terms.size(), from + BATCH));
            var sql = new StringBuilder("INSERT INTO imdrf_term (release_id, code, term, definition, parent_code, "
                    + "other_parents, level, status, status_note, non_imdrf_code) VALUES ");
            var args = new ArrayList<Object>(slice.size() * 10);
            for (int i = 0; i < slice.size(); i++) {
                ImdrfTerm t = slice.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, string_to_array(?, '|'), ?, ?, ?, ?)");
                args.add(release);
                args.add(t.code());
                args.add(t.term());
                args.add(t.definition());
                args.add(t.parentCode());
                args.add(String.join("|", t.otherParents()));
                args.add(t.level());
                args.add(t.status().name());
                args.add(t.statusNote());
                args.add(t.nonImdrfCode());
            }
            jdbc.sql(sql.toString()).params(args).update();
        }
    }

    private static ImdrfTerm term(ResultSet rs) throws SQLException {
        String others = rs.getString("other_parents");
        return new ImdrfTerm(ImdrfAnnex.valueOf(rs.getString("annex")), rs.getString("code"), rs.getString("term"),
                rs.getString("definition"), rs.getString("parent_code"),
                others == null || others.isEmpty() ? List.of() : List.of(others.split("\\|")), rs.getInt("level"),
                ImdrfStatus.valueOf(rs.getString("status")), rs.getString("status_note"),
                rs.getString("non_imdrf_code"), rs.getString("version"), false);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // FDA crosswalk

    /** The source and time of the crosswalk in use, if one was loaded. */
    public Optional<Map.Entry<String, Instant>> crosswalkSource() {
        return jdbc.sql("SELECT source, loaded_at FROM imdrf_crosswalk_release ORDER BY id DESC LIMIT 1")
                .query((rs, row) -> Map.entry(rs.getString("source"),
                        rs.getObject("loaded_at", java.time.OffsetDateTime.class).toInstant()))
                .optional();
    }

    public int crosswalkSize() {
        return jdbc.sql("SELECT count(*) FROM imdrf_crosswalk").query(Integer.class).single();
    }

    /** Replaces the crosswalk, in the caller's transaction. */
    public void replaceCrosswalk(String source, List<CrosswalkEntry> entries) {
        jdbc.sql("DELETE FROM imdrf_crosswalk").update();
        jdbc.sql("INSERT INTO imdrf_crosswalk_release (source, row_count) VALUES (?, ?)").params(source,
                entries.size()).update();
        for (int from = 0; from < entries.size(); from += BATCH) {
            var slice = entries.subList(from, Math.min(entries.size(), from + BATCH));
            var sql = new StringBuilder("INSERT INTO imdrf_crosswalk (fda_code, imdrf_code, fda_term, fda_definition, "
                    + "ncit_code, subset) VALUES ");
            var args = new ArrayList<Object>(slice.size() * 6);
            for (int i = 0; i < slice.size(); i++) {
                CrosswalkEntry e = slice.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
                args.addAll(List.of(e.fdaCode(), e.imdrfCode(), e.fdaTerm(), e.fdaDefinition(), e.ncitCode(),
                        e.subset()));
            }
            jdbc.sql(sql.toString()).params(args).update();
        }
    }

    public List<CrosswalkEntry> byFda(String fdaCode) {
        return jdbc.sql("SELECT * FROM imdrf_crosswalk WHERE fda_code = ? ORDER BY imdrf_code").param(fdaCode)
                .query(ImdrfRecords::entry).list();
    }

    public List<CrosswalkEntry> byImdrf(String imdrfCode) {
        return jdbc.sql("SELECT * FROM imdrf_crosswalk WHERE imdrf_code = ? ORDER BY fda_code").param(imdrfCode)
                .query(ImdrfRecords::entry).list();
    }

    private static CrosswalkEntry entry(ResultSet rs, int row) throws SQLException {
        return new CrosswalkEntry(rs.getString("fda_code"), rs.getString("imdrf_code"), rs.getString("fda_term"),
                rs.getString("fda_definition"), rs.getString("ncit_code"), rs.getString("subset"));
    }
}
