package org.vigil.shared.xml;

import org.vigil.shared.InvalidInputException;

/**
 * An XML file Vigil refuses to read because it could be turned against the server: it declares a DTD, uses entities,
 * is larger or deeper than allowed, or asks for a schema or file from outside. The message says plainly what was found
 * and what to do; as bad input of the field {@code file} it answers 400 on the web and exit status 1 on the command
 * line, never a 500.
 */
public class XmlRefusedException extends InvalidInputException {

    /** What made the file unacceptable. */
    public enum Reason {
        /** A document type declaration: the door to external entities and entity expansion. */
        DOCTYPE,
        /** An entity reference other than the five predefined ones. */
        ENTITY,
        /** More bytes than {@link HardenedXml.Limits#maxBytes()}. */
        TOO_LARGE,
        /** Elements nested deeper than {@link HardenedXml.Limits#maxDepth()}. */
        TOO_DEEP,
        /** A schema, DTD or other resource outside Vigil's own schemas. */
        EXTERNAL_REFERENCE
    }

    private final Reason reason;

    public XmlRefusedException(Reason reason, String message) {
        super(java.util.List.of(new FieldError("file", message)));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The plain message alone, without the field name. */
    public String plainMessage() {
        return errors().getFirst().message();
    }
}
