package org.vigil.mir;

import java.time.LocalDate;

/**
 * MIR 7.3.1 §2, the device ({@code device_info}). Every value is {@code null} when not given.
 *
 * @param udiDi §2.1 the UDI-DI ({@code udiDI})
 * @param udiDiIssuingEntity §2.1 its issuing entity, {@code GS1}, {@code HIBCC}, {@code ICCBBA} or {@code IFA}
 *        ({@code udiDI_Entity})
 * @param udiPi §2.1 the UDI-PI ({@code udiPI})
 * @param basicUdiDi §2.1 the Basic UDI-DI ({@code udiDIBasic})
 * @param basicUdiDiIssuingEntity §2.1 its issuing entity ({@code Basic_Entity})
 * @param nomenclatureSystem §2.2 the nomenclature, e.g. {@code EMDN} or {@code GMDN} ({@code nomenclatureSystem})
 * @param nomenclatureCode §2.2 the code ({@code nomenclatureCode})
 * @param nomenclatureText §2.2 the term ({@code deviceNomenclature})
 * @param deviceName §2.3.a the device's name, brand or trade name ({@code brandName})
 * @param intendedPurpose §2.3.b the intended purpose, kept apart from the name ({@code deviceIntendedPurpose})
 * @param description §2.3 a description of the device ({@code deviceDescription})
 * @param modelNumber §2.3.c model ({@code modelNum})
 * @param catalogueNumber §2.3.c catalogue number ({@code catalogNum})
 * @param serialNumber §2.3.d serial number ({@code serialNum})
 * @param lotNumber §2.3.d lot or batch ({@code batchNum})
 * @param softwareVersion §2.3.e software version ({@code deviceSoftwareVer})
 * @param firmwareVersion §2.3.e firmware version ({@code deviceFirmwareVer})
 * @param manufacturingDate §2.3.f date of manufacture ({@code deviceMfrDate})
 * @param expiryDate §2.3.f expiry date ({@code deviceExpiryDate})
 * @param implantedFrom §2.3.g implant date, or the first day of its range ({@code ImplantedDateFrom})
 * @param implantedTo §2.3.g the last day of the range ({@code ImplantedDateTo})
 * @param explantedFrom §2.3.g explant date, or the first day of its range ({@code ExplantedDateFrom})
 * @param explantedTo §2.3.g the last day of the range ({@code ExplantedDateTo})
 * @param implantFacility §2.3.g the facility that implanted it ({@code implantFacilityName})
 * @param explantFacility §2.3.g the facility that explanted it ({@code explantFacilityName})
 * @param legislation §2.4.a the legislation it is placed on the market under: {@code MDR}, {@code IVDR},
 *        {@code AIMDD}, {@code MDD} or {@code IVDD} ({@code AppLegislation})
 * @param riskClass §2.4.b its risk class, e.g. {@code IIb} or {@code C} ({@code deviceClass})
 * @param legacyDevice §2.4.c whether it is a legacy device under MDR Art. 120(3) ({@code legacyDevice}, Yes/No)
 * @param notifiedBody §2.4.d the notified body's number ({@code nbIdNum})
 * @param certificateNumber §2.4.d its certificate number ({@code nbCertNum})
 * @param medicinalSubstance §2.4.e whether it incorporates a medicinal substance ({@code medicinalSubstance},
 *        Yes/No)
 * @param tissuesOrCells §2.4.f whether it incorporates tissues or cells of human or animal origin
 *        ({@code tissuesCells}, Yes/No)
 * @param distribution §2.5 market distribution ({@code distribution})
 * @param accessories §2.6 accessories used with it ({@code deviceAccessories})
 * @param associatedDevices §2.6 other devices used with it ({@code deviceAssociated})
 */
public record DeviceInformation(String udiDi, String udiDiIssuingEntity, String udiPi, String basicUdiDi,
        String basicUdiDiIssuingEntity, String nomenclatureSystem, String nomenclatureCode, String nomenclatureText,
        String deviceName, String intendedPurpose, String description, String modelNumber, String catalogueNumber,
        String serialNumber, String lotNumber, String softwareVersion, String firmwareVersion,
        LocalDate manufacturingDate, LocalDate expiryDate, LocalDate implantedFrom, LocalDate implantedTo,
        LocalDate explantedFrom, LocalDate explantedTo, String implantFacility, String explantFacility,
        String legislation, String riskClass, Boolean legacyDevice, String notifiedBody, String certificateNumber,
        Boolean medicinalSubstance, Boolean tissuesOrCells, MarketDistribution distribution, String accessories,
        String associatedDevices) {

    public DeviceInformation {
        distribution = distribution == null ? MarketDistribution.none() : distribution;
    }
}
