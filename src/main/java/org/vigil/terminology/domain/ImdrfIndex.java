package org.vigil.terminology.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.vigil.terminology.ImdrfAnnex;
import org.vigil.terminology.ImdrfRelease;
import org.vigil.terminology.ImdrfTerm;

/**
 * Every loaded release of the IMDRF annexes in memory, for type-ahead that answers within a keystroke. A few thousand
 * terms per release: searching them all takes microseconds, while a database round trip per keystroke would not.
 * Immutable; the terminology builds a new one when a release is loaded.
 *
 * <p>Search looks at the annexes' current releases only; {@link #find} also resolves codes that only an older release
 * holds, so that a code on an old record still shows its term (as retired).
 */
public final class ImdrfIndex {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern CODE_QUERY = Pattern.compile("[a-g]\\d*");

    /** A term of a current release with its searchable forms. */
    private record Entry(ImdrfTerm term, String folded, String[] words, String code) {
    }

    /** One release with its terms by code. */
    private record Loaded(ImdrfRelease release, Map<String, ImdrfTerm> byCode) {
    }

    private final List<ImdrfRelease> releases;
    /** Per annex, its releases newest first; the first is the current one. */
    private final Map<ImdrfAnnex, List<Loaded>> byAnnex = new EnumMap<>(ImdrfAnnex.class);
    private final Map<ImdrfAnnex, List<Entry>> searchable = new EnumMap<>(ImdrfAnnex.class);
    private final Map<ImdrfAnnex, Map<String, List<ImdrfTerm>>> children = new EnumMap<>(ImdrfAnnex.class);

    /**
     * @param releases every release, in the order they were loaded
     * @param terms the terms of each release, keyed by {@code annex + "/" + version}
     */
    public ImdrfIndex(List<ImdrfRelease> releases, Map<String, List<ImdrfTerm>> terms) {
        this.releases = List.copyOf(releases);
        for (ImdrfRelease release : releases) {
            var byCode = new LinkedHashMap<String, ImdrfTerm>();
            for (ImdrfTerm term : terms.getOrDefault(key(release.annex(), release.version()), List.of())) {
                byCode.put(term.code(), term);
            }
            byAnnex.computeIfAbsent(release.annex(), annex -> new ArrayList<>()).addFirst(new Loaded(release,
                    byCode));
        }
        byAnnex.forEach((annex, loaded) -> {
            var entries = new ArrayList<Entry>();
            var tree = new LinkedHashMap<String, List<ImdrfTerm>>();
            for (ImdrfTerm term : loaded.getFirst().byCode().values()) {
                String folded = fold(term.term());
                entries.add(new Entry(term, folded, folded.split(" "), term.code().toLowerCase(Locale.ROOT)));
                tree.computeIfAbsent(term.parentCode() == null ? "" : term.parentCode(), parent -> new ArrayList<>())
                        .add(term);
                term.otherParents().forEach(parent -> tree.computeIfAbsent(parent, p -> new ArrayList<>()).add(term));
            }
            entries.sort(Comparator.comparing(entry -> entry.term().code()));
            tree.values().forEach(list -> list.sort(Comparator.comparing(ImdrfTerm::code)));
            searchable.put(annex, List.copyOf(entries));
            children.put(annex, tree);
        });
    }

    public static String key(ImdrfAnnex annex, String version) {
        return annex.name() + "/" + version;
    }

    /** Lower case, accents removed, every run of other characters one space: "Hämatom" and "hamatom" meet. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return NOT_WORD.matcher(MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)).replaceAll(" ")
                .strip();
    }

    public List<ImdrfRelease> releases() {
        return releases;
    }

    public Optional<ImdrfRelease> current(ImdrfAnnex annex) {
        var loaded = byAnnex.get(annex);
        return loaded == null ? Optional.empty() : Optional.of(loaded.getFirst().release());
    }

    /**
     * The term as the annex's current release defines it; for a code only older releases hold, as the newest of them
     * defined it, marked retired.
     */
    public Optional<ImdrfTerm> find(ImdrfAnnex annex, String code) {
        var loaded = byAnnex.getOrDefault(annex, List.of());
        for (int i = 0; i < loaded.size(); i++) {
            ImdrfTerm term = loaded.get(i).byCode().get(code);
            if (term != null) {
                return Optional.of(i == 0 ? term
                        : term.droppedFromCurrentRelease(loaded.getFirst().release().version()));
            }
        }
        return Optional.empty();
    }

    /** The term as one given release of the annex defines it. */
    public Optional<ImdrfTerm> find(ImdrfAnnex annex, String code, String version) {
        return byAnnex.getOrDefault(annex, List.of()).stream()
                .filter(loaded -> loaded.release().version().equals(version)).findFirst()
                .map(loaded -> loaded.byCode().get(code));
    }

    /** The current release's terms directly under {@code code}; level 1 when {@code code} is {@code null}. */
    public List<ImdrfTerm> children(ImdrfAnnex annex, String code) {
        return List.copyOf(children.getOrDefault(annex, Map.of()).getOrDefault(code == null ? "" : code, List.of()));
    }

    /** The term and its ancestors along its first parent, level 1 first. */
    public List<ImdrfTerm> path(ImdrfAnnex annex, String code) {
        var path = new ArrayList<ImdrfTerm>();
        var current = find(annex, code);
        while (current.isPresent() && path.size() < 10) {
            path.addFirst(current.get());
            current = current.get().parentCode() == null ? Optional.empty()
                    : find(annex, current.get().parentCode());
        }
        return path;
    }

    /**
     * Terms of the current releases of {@code annexes} matching {@code text}, best first: the exact code, codes
     * starting with it, then terms equal to it, starting with it, with every word of it starting a word of the term,
     * and containing it; within each, shallower levels and lower codes first.
     */
    public List<ImdrfTerm> search(List<ImdrfAnnex> annexes, String text, int limit, boolean selectableOnly) {
        String query = fold(text);
        if (query.isEmpty()) {
            return List.of();
        }
        String[] tokens = query.split(" ");
        boolean codeLike = tokens.length == 1 && CODE_QUERY.matcher(query).matches();
        var hits = new ArrayList<Hit>();
        for (ImdrfAnnex annex : annexes) {
            for (Entry entry : searchable.getOrDefault(annex, List.of())) {
                if (selectableOnly && !entry.term().selectable()) {
                    continue;
                }
                int score = score(entry, query, tokens, codeLike);
                if (score > 0) {
                    hits.add(new Hit(entry.term(), score));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed()
                .thenComparingInt(hit -> hit.term().level())
                .thenComparing(hit -> hit.term().code()));
        return hits.stream().limit(limit).map(Hit::term).toList();
    }

    private record Hit(ImdrfTerm term, int score) {
    }

    private static int score(Entry entry, String query, String[] tokens, boolean codeLike) {
        if (codeLike) {
            if (entry.code().equals(query)) {
                return 1000;
            }
            if (entry.code().startsWith(query)) {
                return 900;
            }
        }
        if (entry.folded().equals(query)) {
            return 700;
        }
        if (entry.folded().startsWith(query)) {
            return 600;
        }
        boolean everyTokenStartsAWord = true;
        for (String token : tokens) {
            boolean found = false;
            for (String word : entry.words()) {
                if (word.startsWith(token)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                everyTokenStartsAWord = false;
                break;
            }
        }
        if (everyTokenStartsAWord) {
            return 500;
        }
        return query.length() >= 3 && entry.folded().contains(query) ? 300 : 0;
    }
}
