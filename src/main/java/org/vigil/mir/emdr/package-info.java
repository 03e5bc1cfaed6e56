/**
 * FDA electronic medical device reports (eMDR, 21 CFR 803.12 and 803.50 to 803.56; Form FDA 3500A) in HL7 v3 ICSR
 * form: {@link org.vigil.mir.emdr.EmdrWriter} writes the {@code PORR_IN040001UV01} message,
 * {@link org.vigil.mir.emdr.EmdrSchemaCheck} validates it against FDA's schema, and
 * {@link org.vigil.mir.emdr.AcknowledgementReader} reads FDA's ACK2 and ACK3 answers. Internal to the MIR module;
 * callers use {@link org.vigil.mir.Emdr}.
 */
package org.vigil.mir.emdr;
