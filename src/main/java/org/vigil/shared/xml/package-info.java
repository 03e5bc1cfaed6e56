/**
 * Hardened XML reading for every module that accepts XML from outside (device imports, manufacturer incident
 * reports): no DTD at all, so neither external entities nor entity expansion (OWASP XML External Entity Prevention
 * Cheat Sheet), no schema or XInclude fetched on the document's say-so, and bounded size and element depth checked
 * while reading. Schemas are compiled from Vigil's own classpath only.
 */
@org.springframework.modulith.NamedInterface("xml")
package org.vigil.shared.xml;
