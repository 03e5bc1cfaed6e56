/**
 * UDI parsing library: reads the Unique Device Identifier of a medical device from scanned or typed
 * text, for vigilance reports under Regulation (EU) 2017/745 (MDR) Annex VI Part C and 21 CFR 830.
 *
 * <p>Public surface (this package only): the facades {@link org.vigil.udi.Udi} (parse any UDI),
 * {@link org.vigil.udi.Gs1} (GS1 form conversions), {@link org.vigil.udi.BasicUdiDi} (EU Basic UDI-DI check
 * characters), {@link org.vigil.udi.UdiJson} and {@link org.vigil.udi.UdiJsonLines} (JSON output), and
 * immutable records and enums. Everything in sub-packages is implementation:
 * {@code gs1} (GS1 Barcode Syntax Dictionary, element strings, Digital Link), {@code hibcc} (ANSI/HIBC 2.6),
 * {@code isbt128} (ICCBBA ISBT 128), {@code ifa} (IFA PPN in ISO/IEC 15434), {@code basic} (Basic UDI-DI
 * forms), {@code carrier} (recognising what was scanned), {@code checkchar} (check character algorithms),
 * {@code calendar} (dates), {@code diagnostic} (problem collection) and {@code json}.
 *
 * <p>Plain Java on purpose: no framework dependency, so the library can be used from the CLI, the web
 * application and tests alike, and its behaviour depends only on its input and the vendored GS1 data.
 *
 * <p>Known limits, deliberately: the GS1 linters {@code couponcode}, {@code couponposoffer} and
 * {@code packagetype} are not implemented (see {@link org.vigil.udi.gs1.Gs1Linter#NOT_IMPLEMENTED});
 * unknown GS1 AIs are always errors (no "permit unknown AIs" mode); GS1 Digital Link "convenience
 * alphas" ({@code /gtin/}) and compressed URIs are not read; the ICCBBA Basic UDI-DI layout could not be
 * checked against ICCBBA ST-017 (see {@link org.vigil.udi.basic.IccbbaForm}).
 */
package org.vigil.udi;
