package org.vigil.deadline.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.deadline.HolidayChange;
import org.vigil.shared.UserId;

/** The administrators' holiday calendar changes, in the order they were made; installation-wide, append-only. */
@Repository
public class HolidayChangeRecords {

    private final JdbcClient jdbc;

    HolidayChangeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<HolidayChange> all() {
        return jdbc.sql("""
                SELECT seq, country, kind, day, name, year, reason, changed_by_name, changed_at
                  FROM holiday_change ORDER BY seq""")
                .query((rs, row) -> new HolidayChange(rs.getLong("seq"), rs.getString("country"), rs.getString("kind"),
                        rs.getObject("day", LocalDate.class), rs.getString("name"),
                        (Integer) rs.getObject("year"), rs.getString("reason"), rs.getString("changed_by_name"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    public long latest() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM holiday_change").query(Long.class).single();
    }

    public void insert(String country, String kind, LocalDate day, String name, Integer year, String reason,
            UserId by, String byName) {
        jdbc.sql("""
                INSERT INTO holiday_change (country, kind, day, name, year, reason, changed_by, changed_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(country, kind, day, name, year, reason, by == null ? null : by.value(), byName)
                .update();
    }

    /** The (organisation, case) pairs with pending obligations counted on {@code country}'s working days. */
    public List<UUID[]> casesCountingIn(String country, String[] authorities) {
        return jdbc.sql("SELECT org_id, case_id FROM obligation_cases_counting_in(?, ?::text[])")
                .params(country, authorities)
                .query((rs, row) -> new UUID[] { rs.getObject("org_id", UUID.class),
                        rs.getObject("case_id", UUID.class) })
                .list();
    }
}
