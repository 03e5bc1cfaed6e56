package org.vigil.terminology.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.terminology.EmdnTerm;

/** The current EMDN release in PostgreSQL. */
@Repository
public class EmdnRecords {

    private static final String COLUMNS = "code, term, level, terminal, parent_code, category, category_description";

    private final JdbcClient jdbc;

    EmdnRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> currentVersion() {
        return jdbc.sql("SELECT version FROM emdn_release ORDER BY loaded_at DESC LIMIT 1").query(String.class)
                .optional();
    }

    /** Replaces the current release with {@code terms}, in the caller's transaction. */
    public void replace(String version, String source, List<EmdnTerm> terms) {
        jdbc.sql("DELETE FROM emdn_term").update();
        jdbc.sql("""
                INSERT INTO emdn_release (version, source, term_count) VALUES (?, ?, ?)
                ON CONFLICT (version) DO UPDATE SET loaded_at = clock_timestamp(), source = EXCLUDED.source,
                                                    term_count = EXCLUDED.term_count
                """).params(version, source, terms.size()).update();
        int batch = 1000;
        for (int from = 0; from < terms.size(); from += batch) {
            var slice = terms.subList(from, Math.min(terms.size(), from + batch));
            var sql = new StringBuilder("INSERT INTO emdn_term (" + COLUMNS + ", release) VALUES ");
            var args = new java.util.ArrayList<Object>(slice.size() * 8);
            for (int i = 0; i < slice.size(); i++) {
                EmdnTerm t = slice.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
                args.add(t.code());
                args.add(t.term());
                args.add(t.level());
                args.add(t.terminal());
                args.add(t.parentCode());
                args.add(t.category());
                args.add(t.categoryDescription());
                args.add(version);
            }
            jdbc.sql(sql.toString()).params(args).update();
        }
    }

    public Optional<EmdnTerm> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM emdn_term WHERE code = ?").param(code)
                .query(EmdnRecords::term).optional();
    }

    public List<EmdnTerm> children(String code) {
        return code == null
                ? jdbc.sql("SELECT " + COLUMNS + " FROM emdn_term WHERE parent_code IS NULL ORDER BY code")
                        .query(EmdnRecords::term).list()
                : jdbc.sql("SELECT " + COLUMNS + " FROM emdn_term WHERE parent_code = ? ORDER BY code").param(code)
                        .query(EmdnRecords::term).list();
    }

    /**
     * Terms whose code starts with {@code text} or whose term contains it, codes first, then the closest words;
     * at most {@code limit}.
     */
    public List<EmdnTerm> search(String text, int limit) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM emdn_term
                 WHERE code LIKE ? OR lower(term) LIKE ?
                 ORDER BY (code LIKE ?) DESC, (lower(term) LIKE ?) DESC, level, code
                 LIMIT ?
                """).params(escape(text.toUpperCase(java.util.Locale.ROOT)) + "%", "%" + escape(lower) + "%",
                escape(text.toUpperCase(java.util.Locale.ROOT)) + "%", escape(lower) + "%", limit)
                .query(EmdnRecords::term).list();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static EmdnTerm term(ResultSet rs, int row) throws SQLException {
        return new EmdnTerm(rs.getString("code"), rs.getString("term"), rs.getInt("level"), rs.getBoolean("terminal"),
                rs.getString("parent_code"), rs.getString("category"), rs.getString("category_description"));
    }
}
