package org.vigil.terminology.bootstrap;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.vigil.shared.Actor;
import org.vigil.shared.Tenancy;
import org.vigil.terminology.Emdn;
import org.vigil.terminology.ImdrfAnnex;
import org.vigil.terminology.ImdrfTerminology;

/**
 * Loads the terminology releases shipped with Vigil into a database that has none yet, so that coding works from the
 * first start: EMDN V2, IMDRF adverse-event terminology Release 2022 of Annexes A–G followed by Release 2024 of
 * Annex A (which thereby becomes Annex A's current release), and the FDA CDRH ↔ IMDRF crosswalk. Later releases are
 * loaded by administrators and are never overwritten here. Runs before the web server opens its port, so no one
 * searches an empty terminology.
 */
@Component
class BundledReleases implements SmartInitializingSingleton {

    static final String EMDN = "org/vigil/terminology/emdn/EMDN-V2.txt";
    static final String IMDRF = "org/vigil/terminology/imdrf/";
    static final String CROSSWALK = IMDRF + "fda/FDA-CDRH_NCIt_Subsets.csv";

    /** One bundled IMDRF file, in loading order. */
    record BundledImdrf(ImdrfAnnex annex, String version, String path) {
    }

    static final List<BundledImdrf> IMDRF_RELEASES = List.of(
            new BundledImdrf(ImdrfAnnex.A, "2022", IMDRF + "release-2022/annexa_3.json"),
            new BundledImdrf(ImdrfAnnex.B, "2022", IMDRF + "release-2022/annexb_1.json"),
            new BundledImdrf(ImdrfAnnex.C, "2022", IMDRF + "release-2022/annexc_1.json"),
            new BundledImdrf(ImdrfAnnex.D, "2022", IMDRF + "release-2022/annexd_1.json"),
            new BundledImdrf(ImdrfAnnex.E, "2022", IMDRF + "release-2022/annexe_1.json"),
            new BundledImdrf(ImdrfAnnex.F, "2022", IMDRF + "release-2022/annexf_1.json"),
            new BundledImdrf(ImdrfAnnex.G, "2022", IMDRF + "release-2022/annexg_1.json"),
            new BundledImdrf(ImdrfAnnex.A, "2024", IMDRF + "release-2024/annexa2024_1.json"));

    private static final Logger log = LoggerFactory.getLogger(BundledReleases.class);

    private final Emdn emdn;
    private final ImdrfTerminology imdrf;

    BundledReleases(Emdn emdn, ImdrfTerminology imdrf) {
        this.emdn = emdn;
        this.imdrf = imdrf;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Tenancy.runAs(Actor.platform("bundled terminology"), () -> {
            try {
                loadEmdn();
                loadImdrf();
                loadCrosswalk();
                // Builds the in-memory search index now rather than on the first keystroke.
                long started = System.nanoTime();
                int releases = imdrf.releases().size();
                log.debug("IMDRF search index of {} releases built in {} ms", releases,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (IOException e) {
                throw new UncheckedIOException("A bundled terminology release cannot be read", e);
            }
        });
    }

    private void loadEmdn() throws IOException {
        if (emdn.currentVersion().isPresent()) {
            return;
        }
        try (var reader = open(EMDN)) {
            var release = emdn.load(reader, "bundled " + EMDN);
            log.info("Loaded the bundled {} ({} terms)", release.version(), release.terms().size());
        }
    }

    private void loadImdrf() throws IOException {
        if (!imdrf.releases().isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        for (BundledImdrf bundled : IMDRF_RELEASES) {
            try (var reader = open(bundled.path())) {
                imdrf.load(bundled.annex(), bundled.version(), reader, "bundled " + bundled.path());
            }
        }
        log.info("Loaded the bundled IMDRF adverse-event terminology ({} annex releases) in {} ms",
                IMDRF_RELEASES.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private void loadCrosswalk() throws IOException {
        if (imdrf.crosswalkSource().isPresent()) {
            return;
        }
        long started = System.nanoTime();
        try (var reader = open(CROSSWALK)) {
            int pairs = imdrf.loadCrosswalk(reader, "bundled " + CROSSWALK);
            log.info("Loaded the bundled FDA CDRH to IMDRF crosswalk ({} pairs) in {} ms", pairs,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static Reader open(String path) throws IOException {
        return new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
    }
}
