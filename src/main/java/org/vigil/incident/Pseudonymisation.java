package org.vigil.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.vigil.incident.domain.PatientPseudonym;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.Tenancy;

/**
 * Turns a patient identifier into the acting healthcare organisation's pseudonym for that patient (GDPR Art. 4(5),
 * Art. 32(1)(a)). The identifier is used only here, in memory, and is never stored or logged.
 *
 * <p>The master key lives outside the database: {@code vigil.pseudonymisation.secret} (Base64, at least 32 bytes;
 * environment {@code VIGIL_PSEUDONYMISATION_SECRET}) or else the key file {@code vigil.pseudonymisation.key-file}
 * (default {@code pseudonymisation.key} in the data folder), created with 32 random bytes and owner-only permissions on
 * first use. Back the key up separately from the database: without it, new reports can no longer be linked to a
 * patient's earlier ones; with it but without the database, nothing can be learnt.
 */
@Service
public class Pseudonymisation {

    private static final Logger log = LoggerFactory.getLogger(Pseudonymisation.class);

    private final byte[] masterKey;

    Pseudonymisation(@Value("${vigil.pseudonymisation.secret:${VIGIL_PSEUDONYMISATION_SECRET:}}") String secret,
            @Value("${vigil.pseudonymisation.key-file:${vigil.embedded-db.dir:vigil-data}/pseudonymisation.key}")
            Path keyFile) {
        this.masterKey = secret != null && !secret.isBlank() ? decode(secret) : fromFile(keyFile);
    }

    /** The acting organisation's pseudonym for {@code patientIdentifier}. */
    public String pseudonymFor(String patientIdentifier) {
        OrganisationId organisation = Tenancy.requireActor().organisationId();
        if (organisation == null) {
            throw new IllegalStateException("Pseudonyms belong to an organisation");
        }
        byte[] hospitalKey = PatientPseudonym.hospitalKey(masterKey, organisation.toString());
        try {
            return PatientPseudonym.of(hospitalKey, patientIdentifier).value();
        } finally {
            Arrays.fill(hospitalKey, (byte) 0);
        }
    }

    private static byte[] decode(String secret) {
        byte[] key = Base64.getDecoder().decode(secret.strip());
        if (key.length < 32) {
            throw new IllegalStateException("vigil.pseudonymisation.secret must hold at least 32 bytes (Base64)");
        }
        return key;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                byte[] key = Files.readAllBytes(file);
                if (key.length < 32) {
                    throw new IllegalStateException("The pseudonymisation key file " + file + " is too short");
                }
                return key;
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------")));
            }
            Files.write(file, key);
            log.warn("Created a new pseudonymisation key in {}: back it up separately from the database", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the pseudonymisation key " + file, e);
        }
    }
}
