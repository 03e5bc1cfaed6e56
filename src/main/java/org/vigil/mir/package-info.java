/**
 * Manufacturer incident reports (MDR Art. 87 and IVDR Art. 82; MDCG 2023-3): the documents a manufacturer sends the
 * competent authority about a serious incident. This first part checks MIR documents before they are sent or after
 * they are received: the EUDAMED vigilance exchange format ({@code mir_2Type} of the DTX 3.0.25 schemas) and the
 * European Commission's MIR form 7.3.1 XML, each problem named by its element path and MIR section, through
 * {@link org.vigil.mir.MirValidation} and {@code java -jar vigil.jar mir validate FILE}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Manufacturer incident reports")
package org.vigil.mir;
