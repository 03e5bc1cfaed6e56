package org.vigil.deadline.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When to remind of an obligation, as a pure function of its due time: at each configured offset before it (default 5,
 * 2 and 1 days) that is still ahead, and at the due time itself, even when that has passed already (an obligation that
 * is stored late, or whose due time moved into the past, is alerted at once). While it stays overdue, one reminder per
 * day follows ({@link #nextOverdueDay}); each is created when the one before it is sent, so each is sent once.
 */
public final class ReminderPlan {

    /** One reminder to store. {@code step} is the offset in minutes for {@link ReminderKind#BEFORE}. */
    public record Planned(ReminderKind kind, Integer step, Instant fireAt) {
    }

    private ReminderPlan() {
    }

    public static List<Planned> forDue(Instant dueAt, Instant now, List<Duration> offsets) {
        var planned = new ArrayList<Planned>();
        if (dueAt == null) {
            return planned;
        }
        offsets.stream().distinct().sorted(java.util.Comparator.reverseOrder()).forEach(offset -> {
            Instant fireAt = dueAt.minus(offset);
            if (fireAt.isAfter(now)) {
                planned.add(new Planned(ReminderKind.BEFORE, (int) offset.toMinutes(), fireAt));
            }
        });
        planned.add(new Planned(ReminderKind.AT_DUE, null, dueAt));
        return planned;
    }

    /**
     * The daily overdue reminder after one sent at {@code sentAt}: day {@code n} falls at {@code dueAt + n days}, the
     * first day after {@code afterDay} whose time is still ahead. After a long stop Vigil does not send a backlog of
     * daily reminders, only the next one.
     */
    public static Planned nextOverdueDay(Instant dueAt, int afterDay, Instant sentAt) {
        int day = afterDay + 1;
        while (!dueAt.plus(Duration.ofDays(day)).isAfter(sentAt)) {
            day++;
        }
        return new Planned(ReminderKind.OVERDUE, day, dueAt.plus(Duration.ofDays(day)));
    }
}
