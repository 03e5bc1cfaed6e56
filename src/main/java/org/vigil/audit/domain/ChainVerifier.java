package org.vigil.audit.domain;

import java.security.MessageDigest;
import java.util.OptionalLong;

import org.vigil.audit.ChainVerification.Kind;
import org.vigil.audit.ChainVerification.Tampering;

/**
 * Walks the audit chain in sequence order and names the first entry that was edited, deleted, inserted or
 * reordered.
 *
 * <p>Each entry is judged on three facts: its hash matches its content ("content"), it points at the hash of the
 * entry before it ("link"), and its sequence number follows on ("sequence"). Telling the kinds of tampering apart
 * sometimes needs one more entry: an inserted entry is recognised because the entry after it still points past it.
 * So entries are judged one step behind the reader, and {@link #finish} judges the last one.
 */
public final class ChainVerifier {

    /** Finds where in the chain an entry with a given hash is stored, to recognise entries moved elsewhere. */
    @FunctionalInterface
    public interface HashIndex {
        OptionalLong seqOf(byte[] hash);
    }

    /** The chain's end as recorded separately from the entries. */
    public record Head(long lastSeq, byte[] lastHash) {
    }

    private final HashIndex index;
    private ChainedEntry beforePrevious;
    private ChainedEntry previous;
    private ChainedEntry current;
    private long read;
    private Tampering problem;

    public ChainVerifier(HashIndex index) {
        this.index = index;
    }

    /** Reads the next entry (in ascending {@code seq} order). Returns {@code false} once a problem is known. */
    public boolean accept(ChainedEntry next) {
        if (problem != null) {
            return false;
        }
        read++;
        if (current != null) {
            problem = judge(current, next);
            if (problem != null) {
                return false;
            }
            beforePrevious = previous;
            previous = current;
        }
        current = next;
        return true;
    }

    /**
     * Judges the last entry and compares the end of the chain with the separately recorded head and, optionally, with
     * a head recorded outside Vigil earlier ({@code anchor}).
     */
    public Tampering finish(Head head, Head anchor) {
        if (problem == null && current != null) {
            problem = judge(current, null);
            if (problem == null) {
                beforePrevious = previous;
                previous = current;
                current = null;
            }
        }
        if (problem != null) {
            return problem;
        }
        long lastSeq = previous == null ? 0 : previous.seq();
        byte[] lastHash = previous == null ? AuditChain.GENESIS : previous.hash();
        if (head.lastSeq() > lastSeq) {
            return problem = new Tampering(Kind.DELETED, lastSeq + 1, "The chain records " + head.lastSeq()
                    + " entries but ends at entry " + lastSeq + ": entry " + (lastSeq + 1) + " onwards was deleted.");
        }
        if (head.lastSeq() < lastSeq) {
            return problem = new Tampering(Kind.INSERTED, head.lastSeq() + 1, "The chain records " + head.lastSeq()
                    + " entries but entries continue to " + lastSeq + ": entry " + (head.lastSeq() + 1)
                    + " was inserted.");
        }
        if (!MessageDigest.isEqual(head.lastHash(), lastHash)) {
            return problem = new Tampering(Kind.EDITED, lastSeq, "Entry " + lastSeq
                    + " does not carry the hash recorded as the end of the chain: it was altered and re-hashed.");
        }
        if (anchor != null) {
            problem = checkAnchor(anchor);
        }
        return problem;
    }

    public long entriesRead() {
        return read;
    }

    /** The last entry found intact. */
    public ChainedEntry lastIntact() {
        return previous;
    }

    private Tampering checkAnchor(Head anchor) {
        OptionalLong where = index.seqOf(anchor.lastHash());
        if (where.isPresent() && where.getAsLong() == anchor.lastSeq()) {
            return null;
        }
        return new Tampering(Kind.EDITED, anchor.lastSeq(), "Entry " + anchor.lastSeq()
                + " no longer carries the hash recorded for it outside Vigil: the chain up to it was rewritten.");
    }

    private Tampering judge(ChainedEntry entry, ChainedEntry next) {
        byte[] expectedLink = previous == null ? AuditChain.GENESIS : previous.hash();
        long expectedSeq = previous == null ? 1 : previous.seq() + 1;
        boolean content = entry.contentIntact();
        boolean link = MessageDigest.isEqual(entry.previousHash(), expectedLink);
        boolean sequence = entry.seq() == expectedSeq;
        if (content && link && sequence) {
            return null;
        }
        boolean nextSkipsThisEntry = next != null && MessageDigest.isEqual(next.previousHash(), expectedLink);
        if (link) {
            if (!content) {
                return nextSkipsThisEntry
                        ? inserted(entry, "the entry after it links directly to the entry before it")
                        : new Tampering(Kind.EDITED, entry.seq(), "Entry " + entry.seq()
                                + " was altered: its content no longer matches its hash.");
            }
            return new Tampering(Kind.EDITED, entry.seq(), "Entry " + entry.seq() + " carries sequence number "
                    + entry.seq() + " where " + expectedSeq + " was expected: its sequence number was altered.");
        }
        if (beforePrevious != null && MessageDigest.isEqual(entry.previousHash(), beforePrevious.hash())) {
            return inserted(previous, "entry " + entry.seq() + " links past it to entry " + beforePrevious.seq());
        }
        // A link to an entry stored elsewhere means entries were moved; checked before the insertion test because
        // after a swap of neighbours the moved-up entry's successor also links to the entry before it.
        OptionalLong linkedEntry = index.seqOf(entry.previousHash());
        if (linkedEntry.isPresent()) {
            return new Tampering(Kind.REORDERED, entry.seq(), "Entry " + entry.seq() + " is out of order: it was "
                    + "chained after entry " + linkedEntry.getAsLong() + ", not after entry "
                    + (previous == null ? "(none)" : previous.seq()) + ".");
        }
        if (nextSkipsThisEntry) {
            return inserted(entry, "the entry after it links directly to the entry before it");
        }
        if (!content) {
            return new Tampering(Kind.EDITED, entry.seq(), "Entry " + entry.seq()
                    + " was altered: neither its content nor its link to the previous entry match its hash.");
        }
        if (entry.seq() > expectedSeq) {
            return new Tampering(Kind.DELETED, expectedSeq, entry.seq() - expectedSeq == 1
                    ? "Entry " + expectedSeq + " was deleted: entry " + entry.seq() + " links to an entry that "
                            + "no longer exists."
                    : "Entries " + expectedSeq + " to " + (entry.seq() - 1) + " were deleted.");
        }
        if (previous == null) {
            return new Tampering(Kind.DELETED, entry.seq(), "The chain's first entries were deleted and the rest "
                    + "renumbered: entry " + entry.seq() + " links to an entry that no longer exists.");
        }
        return new Tampering(Kind.EDITED, previous.seq(), "Entry " + previous.seq() + " was altered and re-hashed "
                + "(or an entry after it deleted and the rest renumbered): entry " + entry.seq()
                + " still links to a hash no entry carries.");
    }

    private static Tampering inserted(ChainedEntry entry, String evidence) {
        return new Tampering(Kind.INSERTED, entry.seq(), "Entry " + entry.seq() + " was inserted: " + evidence + ".");
    }
}
