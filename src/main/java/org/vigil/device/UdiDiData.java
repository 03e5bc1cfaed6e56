package org.vigil.device;

import java.util.List;

import org.vigil.udi.IssuingEntity;

/**
 * One UDI-DI under a Basic UDI-DI, a specific version or variant of the device (MDR Annex VI Part B; EUDAMED DTX
 * {@code UDIDIType}; GUDID device record).
 *
 * @param basicUdiDi      the Basic UDI-DI it belongs to
 * @param udiDi           the UDI-DI of the base unit (a GTIN, HIBC primary data, ISBT 128 or IFA PPN)
 * @param issuer          the issuing entity of {@code udiDi}
 * @param tradeName       the trade name
 * @param model           model or version
 * @param reference       catalogue or reference number
 * @param emdnCode        European Medical Device Nomenclature code (MDR Art. 26)
 * @param softwareVersion software version, {@code null} for devices without software
 * @param firmwareVersion firmware version
 * @param packageLevels   package UDI-DIs above the base unit
 * @param markets         where it is placed on the market
 */
public record UdiDiData(
        String basicUdiDi,
        String udiDi,
        IssuingEntity issuer,
        String tradeName,
        String model,
        String reference,
        String emdnCode,
        String softwareVersion,
        String firmwareVersion,
        List<PackageLevel> packageLevels,
        List<MarketPlacement> markets) {

    public UdiDiData {
        packageLevels = packageLevels == null ? List.of() : List.copyOf(packageLevels);
        markets = markets == null ? List.of() : List.copyOf(markets);
    }
}
