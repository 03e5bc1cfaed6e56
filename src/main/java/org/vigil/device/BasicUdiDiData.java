package org.vigil.device;

import java.util.List;

/**
 * What a manufacturer registers for a Basic UDI-DI, the key of its device model (MDR Annex VI Part A section 2, Part C
 * section 3.4; EUDAMED DTX {@code BasicUDIType}). The fields MIR 7.3.1 section 2.4 asks about are all here, so an
 * incident report can be filled from the register.
 *
 * @param basicUdiDi                   the Basic UDI-DI (GS1 GMN, HIBCC, ICCBBA or IFA form, with its check characters)
 * @param deviceName                   the device name
 * @param intendedPurpose              the intended purpose as in the instructions for use
 * @param legislation                  the legislation it is placed under
 * @param legacy                       a legacy device (placed under a Directive's certificate, MDR Art. 120(3))
 * @param riskClass                    its class under that legislation; {@code null} only for {@link Legislation#UNKNOWN}
 * @param implantable                  implantable device
 * @param active                       active device
 * @param measuring                    with a measuring function
 * @param reusableSurgicalInstrument   reusable surgical instrument (class Ir)
 * @param medicinalSubstance           incorporated medicinal substance and who was consulted (MIR 2.4.e)
 * @param humanTissuesOrCells          uses tissues or cells of human origin or their derivatives (MIR 2.4.f)
 * @param animalTissuesOrCells         uses tissues or cells of animal origin or their derivatives (MIR 2.4.f)
 * @param notifiedBody                 four-digit number of the notified body, {@code null} when none was involved
 * @param certificates                 the notified body's certificate numbers
 * @param manufacturerSrn              the manufacturer's single registration number (MDR Art. 31)
 * @param authorisedRepresentativeSrn  the authorised representative's SRN, {@code null} for EU manufacturers
 */
public record BasicUdiDiData(
        String basicUdiDi,
        String deviceName,
        String intendedPurpose,
        Legislation legislation,
        boolean legacy,
        RiskClass riskClass,
        boolean implantable,
        boolean active,
        boolean measuring,
        boolean reusableSurgicalInstrument,
        MedicinalSubstance medicinalSubstance,
        boolean humanTissuesOrCells,
        boolean animalTissuesOrCells,
        String notifiedBody,
        List<String> certificates,
        String manufacturerSrn,
        String authorisedRepresentativeSrn) {

    public BasicUdiDiData {
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        medicinalSubstance = medicinalSubstance == null ? MedicinalSubstance.NONE : medicinalSubstance;
        legislation = legislation == null ? Legislation.UNKNOWN : legislation;
    }
}
