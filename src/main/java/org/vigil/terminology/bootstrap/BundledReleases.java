package org.vigil.terminology.bootstrap;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.vigil.shared.Actor;
import org.vigil.shared.Tenancy;
import org.vigil.terminology.Emdn;

/**
 * Loads the terminology releases shipped with Vigil into a database that has none yet, so that coding works from the
 * first start. Later releases are loaded by administrators and are never overwritten here. Runs before the web server
 * opens its port, so no one searches an empty terminology.
 */
@Component
class BundledReleases implements SmartInitializingSingleton {

    static final String EMDN = "org/vigil/terminology/emdn/EMDN-V2.txt";
    private static final Logger log = LoggerFactory.getLogger(BundledReleases.class);

    private final Emdn emdn;

    BundledReleases(Emdn emdn) {
        this.emdn = emdn;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Tenancy.runAs(Actor.platform("bundled terminology"), () -> {
            if (emdn.currentVersion().isPresent()) {
                return;
            }
            try (var reader = new InputStreamReader(new ClassPathResource(EMDN).getInputStream(),
                    StandardCharsets.UTF_8)) {
                var release = emdn.load(reader, "bundled " + EMDN);
                log.info("Loaded the bundled {} ({} terms)", release.version(), release.terms().size());
            } catch (IOException e) {
                throw new UncheckedIOException("The bundled EMDN release cannot be read", e);
            }
        });
    }
}
