package org.vigil.terminology;

import java.time.Instant;

/**
 * One loaded release of one IMDRF annex. The most recently loaded release of an annex is its current one; earlier
 * ones stay so that codes on older records still resolve.
 *
 * @param annex the annex
 * @param version the release label, for example {@code 2022}
 * @param source where it was loaded from (file name or "bundled …")
 * @param loadedAt when it was loaded
 * @param termCount how many codes it holds
 * @param current whether it is the annex's current release
 */
public record ImdrfRelease(ImdrfAnnex annex, String version, String source, Instant loadedAt, int termCount,
        boolean current) {
}
