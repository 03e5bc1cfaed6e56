package org.vigil.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.vigil.audit.ChainVerification.Kind;
import org.vigil.audit.ChainVerification.Tampering;

/**
 * The chain check names the first entry that was edited, deleted, inserted or reordered (21 CFR 11.10(e): audit
 * trails must not obscure previously recorded information; EU GMP Annex 11 §9).
 */
class ChainVerifierTests {

    private static final UUID ORGANISATION = UUID.randomUUID();

    @Test
    void an_untouched_chain_is_intact() {
        var chain = chain(10);
        assertThat(verify(chain, head(chain), null)).isNull();
    }

    @Test
    void an_empty_chain_with_an_empty_head_is_intact() {
        assertThat(verify(List.of(), new ChainVerifier.Head(0, AuditChain.GENESIS), null)).isNull();
    }

    @Test
    void an_entry_whose_content_was_changed_is_named_as_edited() {
        var chain = chain(10);
        var head = head(chain);
        chain.set(4, withReason(chain.get(4), "a different reason"));
        assertThat(verify(chain, head, null)).isEqualTo(kindAndSeq(Kind.EDITED, 5));
    }

    @Test
    void an_entry_changed_and_re_hashed_is_caught_by_the_next_entry_and_named_as_edited() {
        var chain = chain(10);
        var head = head(chain);
        var changed = withReason(chain.get(4), "rewritten");
        chain.set(4, rehash(changed, chain.get(3).hash()));
        assertThat(verify(chain, head, null)).isEqualTo(kindAndSeq(Kind.EDITED, 5));
    }

    @Test
    void a_deleted_entry_leaves_a_gap_that_is_named() {
        var chain = chain(10);
        var head = head(chain);
        chain.remove(6);
        assertThat(verify(chain, head, null)).isEqualTo(kindAndSeq(Kind.DELETED, 7));
    }

    @Test
    void deleting_the_last_entries_is_caught_by_the_recorded_chain_end() {
        var chain = chain(10);
        var head = head(chain);
        chain.remove(9);
        chain.remove(8);
        assertThat(verify(chain, head, null)).isEqualTo(kindAndSeq(Kind.DELETED, 9));
    }

    @Test
    void an_entry_inserted_with_a_valid_hash_and_the_rest_renumbered_is_named_as_inserted() {
        var chain = chain(10);
        var head = head(chain);
        var forged = entry(4, "forged.entry", chain.get(2).hash(), Instant.parse("2026-01-01T00:00:00Z"));
        var tampered = new ArrayList<>(chain.subList(0, 3));
        tampered.add(forged);
        for (ChainedEntry later : chain.subList(3, chain.size())) {
            tampered.add(renumber(later, later.seq() + 1));
        }
        assertThat(verify(tampered, new ChainVerifier.Head(11, chain.getLast().hash()), null))
                .isEqualTo(kindAndSeq(Kind.INSERTED, 4));
    }

    @Test
    void an_entry_inserted_with_a_made_up_hash_is_named_as_inserted() {
        var chain = chain(6);
        var head = head(chain);
        var garbage = new ChainedEntry(3, Instant.parse("2026-02-01T00:00:00Z"), null, "Intruder", ORGANISATION,
                "forged.entry", "user", UUID.randomUUID(), null, null, null, chain.get(1).hash(), new byte[32]);
        var tampered = new ArrayList<>(chain.subList(0, 2));
        tampered.add(garbage);
        for (ChainedEntry later : chain.subList(2, chain.size())) {
            tampered.add(renumber(later, later.seq() + 1));
        }
        assertThat(verify(tampered, head, null)).isEqualTo(kindAndSeq(Kind.INSERTED, 3));
    }

    @Test
    void an_entry_appended_behind_the_recorded_chain_end_is_named_as_inserted() {
        var chain = chain(5);
        var head = head(chain);
        chain.add(entry(6, "forged.entry", chain.getLast().hash(), Instant.parse("2026-03-01T00:00:00Z")));
        assertThat(verify(chain, head, null)).isEqualTo(kindAndSeq(Kind.INSERTED, 6));
    }

    @Test
    void two_neighbours_swapped_are_named_as_reordered() {
        var chain = chain(10);
        var head = head(chain);
        swapSequenceNumbers(chain, 3, 4);
        assertThat(verify(chain, head, null)).isEqualTo(kindAndSeq(Kind.REORDERED, 4));
    }

    @Test
    void an_entry_moved_far_away_is_named_as_reordered() {
        var chain = chain(10);
        var head = head(chain);
        swapSequenceNumbers(chain, 1, 7);
        assertThat(verify(chain, head, null)).isEqualTo(kindAndSeq(Kind.REORDERED, 2));
    }

    @Test
    void a_sequence_number_changed_alone_is_named_as_edited() {
        var chain = chain(5);
        var head = new ChainVerifier.Head(6, chain.getLast().hash());
        chain.set(4, renumber(chain.get(4), 6));
        assertThat(verify(chain, head, null)).isEqualTo(kindAndSeq(Kind.EDITED, 6));
    }

    @Test
    void a_chain_rewritten_from_scratch_passes_on_its_own_but_not_against_an_end_recorded_outside_vigil() {
        var original = chain(8);
        var anchor = new ChainVerifier.Head(5, original.get(4).hash());
        var rewritten = new ArrayList<>(original);
        rewritten.set(2, withReason(rewritten.get(2), "history rewritten"));
        for (int i = 2; i < rewritten.size(); i++) {
            rewritten.set(i, rehash(rewritten.get(i), i == 0 ? AuditChain.GENESIS : rewritten.get(i - 1).hash()));
        }
        assertThat(verify(rewritten, head(rewritten), null)).isNull();
        assertThat(verify(rewritten, head(rewritten), anchor)).isEqualTo(kindAndSeq(Kind.EDITED, 5));
        assertThat(verify(original, head(original), anchor)).isNull();
    }

    @Test
    void every_single_tampering_of_random_chains_is_found_with_its_kind_and_entry() {
        var random = new Random(20261121L);
        for (int round = 0; round < 400; round++) {
            int size = 3 + random.nextInt(40);
            var chain = chain(size);
            var head = head(chain);
            int at = 1 + random.nextInt(size - 2);
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            var expected = switch (kind) {
                case EDITED -> {
                    chain.set(at, withReason(chain.get(at), "changed " + round));
                    yield kindAndSeq(Kind.EDITED, at + 1);
                }
                case DELETED -> {
                    chain.remove(at);
                    yield kindAndSeq(Kind.DELETED, at + 1);
                }
                case REORDERED -> {
                    swapSequenceNumbers(chain, at, at + 1);
                    yield kindAndSeq(Kind.REORDERED, at + 1);
                }
                case INSERTED -> {
                    var forged = entry(at + 1, "forged.entry", chain.get(at - 1).hash(), Instant.EPOCH);
                    var tampered = new ArrayList<>(chain.subList(0, at));
                    tampered.add(forged);
                    chain.subList(at, chain.size()).forEach(e -> tampered.add(renumber(e, e.seq() + 1)));
                    chain.clear();
                    chain.addAll(tampered);
                    head = new ChainVerifier.Head(size + 1, head.lastHash());
                    yield kindAndSeq(Kind.INSERTED, at + 1);
                }
            };
            assertThat(verify(chain, head, null)).as("round %d: %s at %d of %d", round, kind, at, size)
                    .isEqualTo(expected);
        }
    }

    private record KindAndSeq(Kind kind, long seq) {
    }

    private static KindAndSeq kindAndSeq(Kind kind, long seq) {
        return new KindAndSeq(kind, seq);
    }

    private static KindAndSeq verify(List<ChainedEntry> stored, ChainVerifier.Head head, ChainVerifier.Head anchor) {
        var sorted = new ArrayList<>(stored);
        sorted.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        Map<String, Long> index = new HashMap<>();
        sorted.forEach(entry -> index.put(AuditChain.hex(entry.hash()), entry.seq()));
        var verifier = new ChainVerifier(hash -> {
            Long seq = index.get(AuditChain.hex(hash));
            return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
        });
        for (ChainedEntry entry : sorted) {
            if (!verifier.accept(entry)) {
                break;
            }
        }
        Tampering problem = verifier.finish(head, anchor);
        return problem == null ? null : kindAndSeq(problem.kind(), problem.seq());
    }

    private static List<ChainedEntry> chain(int size) {
        var entries = new ArrayList<ChainedEntry>();
        byte[] previous = AuditChain.GENESIS;
        Instant time = Instant.parse("2026-11-21T08:00:00.123456Z");
        for (int i = 1; i <= size; i++) {
            var entry = entry(i, "user.role-granted", previous, time.plusSeconds(i));
            entries.add(entry);
            previous = entry.hash();
        }
        return entries;
    }

    private static ChainedEntry entry(long seq, String action, byte[] previous, Instant time) {
        UUID record = UUID.nameUUIDFromBytes(("record " + seq + action).getBytes());
        String after = "{\"roles\":[\"REPORTER\"],\"n\":" + seq + "}";
        byte[] hash = AuditChain.link(previous, time, null, "Tester", ORGANISATION, action, "user", record, null,
                after, null);
        return new ChainedEntry(seq, time, null, "Tester", ORGANISATION, action, "user", record, null, after, null,
                previous, hash);
    }

    private static ChainedEntry withReason(ChainedEntry e, String reason) {
        return new ChainedEntry(e.seq(), e.recordedAt(), e.actorUserId(), e.actorName(), e.organisationId(),
                e.action(), e.recordType(), e.recordId(), e.before(), e.after(), reason, e.previousHash(), e.hash());
    }

    private static ChainedEntry rehash(ChainedEntry e, byte[] previous) {
        return new ChainedEntry(e.seq(), e.recordedAt(), e.actorUserId(), e.actorName(), e.organisationId(),
                e.action(), e.recordType(), e.recordId(), e.before(), e.after(), e.reason(), previous,
                AuditChain.link(previous, e));
    }

    private static ChainedEntry renumber(ChainedEntry e, long seq) {
        return new ChainedEntry(seq, e.recordedAt(), e.actorUserId(), e.actorName(), e.organisationId(), e.action(),
                e.recordType(), e.recordId(), e.before(), e.after(), e.reason(), e.previousHash(), e.hash());
    }

    private static void swapSequenceNumbers(List<ChainedEntry> chain, int i, int j) {
        var a = chain.get(i);
        var b = chain.get(j);
        chain.set(i, renumber(b, a.seq()));
        chain.set(j, renumber(a, b.seq()));
    }

    private static ChainVerifier.Head head(List<ChainedEntry> chain) {
        return new ChainVerifier.Head(chain.getLast().seq(), chain.getLast().hash());
    }
}
