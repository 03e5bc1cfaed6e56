package org.vigil.terminology;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vigil.terminology.domain.FdaCrosswalkFile;
import org.vigil.terminology.domain.ImdrfReleaseFile;

/**
 * Fuzz test of the release-file readers' contract: whatever an administrator uploads, the IMDRF and crosswalk readers
 * either return a release that holds together (every code in its annex, every parent present, no code twice) or
 * refuse it with at least one problem; they never throw anything else, so an upload can never end in a server error
 * or a half-loaded release (IMDRF/AE WG N43 releases loaded whole).
 *
 * <p>Runs only in the Surefire execution {@code fuzz} (own fork, see pom.xml). Without {@code JAZZER_FUZZ} it replays
 * the seeds in {@code src/test/resources/org/vigil/terminology/TerminologyFileFuzzTestsInputs/}.
 */
@EnabledIfSystemProperty(named = "vigil.fuzz.fork", matches = "true")
class TerminologyFileFuzzTests {

    @FuzzTest(maxDuration = "60s")
    void a_release_file_is_either_read_whole_and_consistent_or_refused_with_its_problems(byte[] data)
            throws IOException {
        String text = new String(data, StandardCharsets.UTF_8);
        for (ImdrfAnnex annex : List.of(ImdrfAnnex.A, ImdrfAnnex.E)) {
            try {
                List<ImdrfTerm> terms = ImdrfReleaseFile.read(annex, "fuzz", new StringReader(text));
                var codes = new HashSet<String>();
                for (ImdrfTerm term : terms) {
                    if (!codes.add(term.code()) || term.annex() != annex || !term.code().startsWith(annex.name())) {
                        throw new AssertionError("inconsistent term " + term);
                    }
                }
                for (ImdrfTerm term : terms) {
                    if (term.parentCode() != null && !codes.contains(term.parentCode())) {
                        throw new AssertionError("parent missing for " + term);
                    }
                }
                if (terms.isEmpty()) {
                    throw new AssertionError("an empty release was accepted");
                }
            } catch (ImdrfReleaseFile.InvalidRelease refused) {
                if (refused.problems().isEmpty()) {
                    throw new AssertionError("refused without a problem");
                }
            }
        }
        try {
            var pairs = FdaCrosswalkFile.read(new StringReader(text));
            if (pairs.isEmpty()) {
                throw new AssertionError("an empty crosswalk was accepted");
            }
        } catch (ImdrfReleaseFile.InvalidRelease refused) {
            if (refused.problems().isEmpty()) {
                throw new AssertionError("refused without a problem");
            }
        }
    }
}
