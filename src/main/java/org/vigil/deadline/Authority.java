package org.vigil.deadline;

/**
 * Who receives a report. The national competent authority stands for the authority of the EU/EEA state concerned
 * (MDR Art. 87(1) and 92: the state where the incident occurred or the field safety corrective action is undertaken);
 * the device manufacturer receives US user facilities' reports of serious injuries (21 CFR 803.30(a)(2)).
 */
public enum Authority {
    NATIONAL_COMPETENT_AUTHORITY("National competent authority", null),
    MHRA("Medicines and Healthcare products Regulatory Agency", "GB"),
    SWISSMEDIC("Swissmedic", "CH"),
    TITCK("Türkiye İlaç ve Tıbbi Cihaz Kurumu (TITCK)", "TR"),
    FDA("US Food and Drug Administration", "US"),
    DEVICE_MANUFACTURER("The device's manufacturer", null);

    private final String label;
    private final String seatCountry;

    Authority(String label, String seatCountry) {
        this.label = label;
        this.seatCountry = seatCountry;
    }

    public String label() {
        return label;
    }

    /**
     * The country whose working days the authority keeps (ISO 3166-1 alpha-2), or {@code null} when that depends on
     * the case: a national competent authority keeps the working days of its own state.
     */
    public String seatCountry() {
        return seatCountry;
    }
}
