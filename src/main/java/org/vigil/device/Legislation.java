package org.vigil.device;

/**
 * The legislation a device is placed on the market under (EUDAMED DTX {@code LegislationType}; MIR 7.3.1 section 2.4):
 * the Regulations, or one of the Directives for legacy devices (MDR Art. 120(3), IVDR Art. 110(3)).
 */
public enum Legislation {
    MDR, IVDR, MDD, AIMDD, IVDD, UNKNOWN;

    /** {@code true} for the Directives, under which only legacy devices are still placed on the market. */
    public boolean directive() {
        return this == MDD || this == AIMDD || this == IVDD;
    }
}
