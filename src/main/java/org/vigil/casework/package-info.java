/**
 * The shared case: one timeline that a healthcare organisation and the device's manufacturer (and its authorised
 * representative) both see from the first report to the closing root cause. Status, messages both ways, the
 * manufacturer's interim advice, the device's return and analysis, and the final outcome; the hospital's internal
 * notes stay the hospital's. Manufacturers also enter complaints received by phone, e-mail, field service or from
 * the literature, and work every case from one inbox.
 *
 * <p>Regulatory basis: MDR 2017/745 Art. 87 (reporting, with the healthcare professional's cooperation), Art. 89(1)
 * and (3) (the manufacturer investigates, cooperating with users and authorities, and does not destroy the device
 * before telling the authority), Art. 10(9) and ISO 13485:2016 §8.2.2 (complaint handling), MDCG 2023-3 Q&A 21 (timely
 * communication with the reporter).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared cases")
package org.vigil.casework;
