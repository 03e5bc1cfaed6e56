package org.vigil.mir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.vigil.mir.emdr.AcknowledgementReader;
import org.vigil.mir.emdr.EmdrSchemaCheck;
import org.vigil.mir.emdr.EmdrWriter;
import org.vigil.shared.xml.HardenedXml;

/**
 * FDA electronic medical device reporting (eMDR; 21 CFR 803.12(a) requires electronic submission): a US-reportable
 * event (21 CFR 803.50, contents per 803.52, supplemental reports per 803.56) as Form FDA 3500A in FDA's HL7 v3
 * Individual Case Safety Report format, message {@code PORR_IN040001UV01}, and the acknowledgements FDA sends back.
 * The event, patient, device and manufacturer come from the {@link MirReport}; the US-only blocks of the 3500A from
 * {@link EmdrDetails}, whose F10 and H6 codes {@link FdaEventCodes#fromImdrf} derives from the MIR's IMDRF codes.
 */
public final class Emdr {

    private Emdr() {
    }

    /**
     * The eMDR (one batch holding one report) of {@code report} and {@code details}, UTF-8 XML, created now: the
     * batch id FDA's gateway expects is the registration number and this moment in UTC.
     */
    public static byte[] write(MirReport report, EmdrDetails details) {
        return write(report, details, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** The eMDR of {@code report} and {@code details} as a batch created at {@code created} (batch id and time). */
    public static byte[] write(MirReport report, EmdrDetails details, OffsetDateTime created) {
        return EmdrWriter.write(report, details, created);
    }

    /**
     * Validates an eMDR against FDA's schema {@code coreschemas/Con061019.xsd} (with the HL7 v3 core schemas it
     * includes) in {@code schemaFolder}, the folder of FDA's eMDR implementation package that holds
     * {@code coreschemas/}. Vigil does not ship these schemas: HL7's free licence (2013) lets each user use the core
     * schemas but does not clearly allow passing them on, so they stay with the operator (and Vigil's tests).
     *
     * @return every problem, each with its element path and a plain message; empty when the document is valid
     * @throws org.vigil.shared.InvalidInputException naming {@code schemaFolder} when the schema is not there
     * @throws org.vigil.shared.xml.XmlRefusedException when the document is hostile, too large or too deep
     */
    public static List<EmdrProblem> validate(byte[] document, Path schemaFolder) {
        return EmdrSchemaCheck.check(document, schemaFolder, HardenedXml.Limits.DEFAULT);
    }

    /**
     * Reads an acknowledgement from FDA: an ACK2 (plain text) or an ACK3 (XML), within the default XML limits.
     *
     * @throws org.vigil.shared.InvalidInputException naming {@code file} when it is neither
     * @throws org.vigil.shared.xml.XmlRefusedException when the XML declares a DTD or entities or is too large
     */
    public static EmdrAcknowledgement readAcknowledgement(InputStream in) throws IOException {
        return AcknowledgementReader.read(in, HardenedXml.Limits.DEFAULT);
    }
}
