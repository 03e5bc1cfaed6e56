package org.vigil.mir.validation;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.mir.MirValidation;
import org.vigil.shared.xml.HardenedXml;

/**
 * The {@link MirValidation} of the running server, with the operator's EC MIR XSD folder
 * ({@code vigil.mir.form-xsd-dir}, empty for none) and the XML limits ({@code vigil.xml.max-bytes},
 * {@code vigil.xml.max-depth}).
 */
@Configuration(proxyBeanMethods = false)
class MirConfiguration {

    @Bean
    MirValidation mirValidation(@Value("${vigil.mir.form-xsd-dir:}") String formXsdDir,
            @Value("${vigil.xml.max-bytes:" + HardenedXml.DEFAULT_MAX_BYTES + "}") long maxBytes,
            @Value("${vigil.xml.max-depth:" + HardenedXml.DEFAULT_MAX_DEPTH + "}") int maxDepth) {
        return new MirValidation(Optional.of(formXsdDir).filter(dir -> !dir.isBlank()).map(Path::of),
                new HardenedXml.Limits(maxBytes, maxDepth));
    }
}
