/**
 * The device register: a manufacturer's device master data as registered in EUDAMED (MDR Art. 29, Annex VI Part A
 * section 2 and Part B) and the FDA GUDID (21 CFR 830 Subpart E): Basic UDI-DIs, the UDI-DIs under them, where each is
 * placed on the market and how many units were placed per country and month. Manufacturers write their own devices;
 * hospitals and authorities read every device, because incidents are reported against other organisations' devices.
 * A scanned UDI (any issuing entity) finds its device and shows the lot, serial and expiry it carries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Device register")
package org.vigil.device;
