package org.vigil.deadline;

import java.net.URI;
import java.util.Objects;

/** Where a rule comes from: a citation a reader can check ("MDR Art. 87(5)") and the official text. */
public record LegalSource(String citation, URI url) {

    public LegalSource {
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(url, "url");
    }
}
