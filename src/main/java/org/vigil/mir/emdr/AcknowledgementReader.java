package org.vigil.mir.emdr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.vigil.mir.EmdrAcknowledgement;
import org.vigil.mir.EmdrAcknowledgement.Kind;
import org.vigil.mir.EmdrAcknowledgement.Outcome;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.xml.HardenedStreamReader;
import org.vigil.shared.xml.HardenedXml;
import org.vigil.shared.xml.XmlRefusedException;

/**
 * Reads FDA's eMDR acknowledgements: ACK2, the plain-text receipt ({@code CoreId: …}, {@code CDRH has received your
 * submission}), and ACK3, the XML {@code submission} with a result per report. ACK3 is read by element name, not
 * against FDA's {@code Ack3Schema05142009.xsd}: FDA's own ACK3 files list {@code numReportFailed} before
 * {@code numReportPassed} and {@code reportId} before {@code detail}, the reverse of that schema, so validating
 * would refuse every real acknowledgement. XML goes through {@link HardenedXml}: a DTD or entity is refused.
 */
public final class AcknowledgementReader {

    private static final String ACK2_RECEIVED = "CDRH has received your submission";

    private AcknowledgementReader() {
    }

    /**
     * Reads one acknowledgement file.
     *
     * @throws InvalidInputException naming {@code file} when it is neither an ACK2 nor an ACK3
     * @throws XmlRefusedException when the XML is hostile, too large or too deep
     */
    public static EmdrAcknowledgement read(InputStream in, HardenedXml.Limits limits) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
        if (content.length > limits.maxBytes()) {
            throw new XmlRefusedException(XmlRefusedException.Reason.TOO_LARGE, "The acknowledgement is larger than "
                    + limits.maxBytes() + " bytes; FDA's acknowledgements are a few kilobytes.");
        }
        int first = 0;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF) {
            first = 3;
        }
        while (first < content.length && Character.isWhitespace(content[first])) {
            first++;
        }
        if (first < content.length && content[first] == '<') {
            return ack3(content, limits);
        }
        return ack2(new String(content, first, content.length - first, StandardCharsets.UTF_8));
    }

    private static EmdrAcknowledgement ack2(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        String coreId = fields.get("CoreId");
        if (coreId == null || !text.contains(ACK2_RECEIVED)) {
            throw InvalidInputException.of("file", "This is not an FDA eMDR acknowledgement: an ACK2 is text with "
                    + "a CoreId line and \"" + ACK2_RECEIVED + "\", an ACK3 is XML with the root submission.");
        }
        String messageId = fields.get("MessageId");
        if (messageId != null && messageId.startsWith("<") && messageId.endsWith(">")) {
            messageId = messageId.substring(1, messageId.length() - 1);
        }
        return new EmdrAcknowledgement(Kind.ACK2, messageId, coreId, null, fields.get("DateTime Receipt Generated"),
                Outcome.SUCCESS, null, null, List.of());
    }

    private static EmdrAcknowledgement ack3(byte[] content, HardenedXml.Limits limits) throws IOException {
        try {
            HardenedStreamReader xml = HardenedXml.streamReader(new ByteArrayInputStream(content), limits);
            try {
                return new Ack3().read(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw InvalidInputException.of("file", "The acknowledgement is not well-formed XML: " + e.getMessage());
        }
    }

    /** The fields of one ACK3, collected in one pass. */
    private static final class Ack3 {

        private final Map<String, String> header = new LinkedHashMap<>();
        private final Map<String, Boolean> status = new LinkedHashMap<>();
        private final Map<String, List<EmdrAcknowledgement.ReportError>> errors = new LinkedHashMap<>();

        EmdrAcknowledgement read(HardenedStreamReader xml) throws XMLStreamException {
            while (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
                if (!xml.hasNext()) {
                    throw InvalidInputException.of("file", "The acknowledgement holds no XML element.");
                }
                xml.next();
            }
            if (!"submission".equals(xml.getLocalName())) {
                throw InvalidInputException.of("file", "This is not an FDA eMDR ACK3: the root element is "
                        + xml.getLocalName() + ", expected submission.");
            }
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT || xml.depth() != 2) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "report" -> report(xml);
                    case "failure" -> failure(xml);
                    default -> header.put(xml.getLocalName(), text(xml));
                }
            }
            List<EmdrAcknowledgement.ReportResult> reports = new ArrayList<>();
            status.forEach((id, passed) -> reports.add(new EmdrAcknowledgement.ReportResult(id, passed,
                    errors.getOrDefault(id, List.of()))));
            errors.forEach((id, list) -> {
                if (!status.containsKey(id)) {
                    reports.add(new EmdrAcknowledgement.ReportResult(id, false, list));
                }
            });
            Integer passed = count("numReportPassed");
            Integer failed = count("numReportFailed");
            long passedReports = reports.stream().filter(EmdrAcknowledgement.ReportResult::passed).count();
            int accepted = passed != null ? passed : (int) passedReports;
            int rejected = failed != null ? failed : reports.size() - (int) passedReports;
            Outcome outcome = accepted == 0 ? Outcome.FAILURE : rejected == 0 ? Outcome.SUCCESS : Outcome.PARTIAL;
            return new EmdrAcknowledgement(Kind.ACK3, null, blankToNull(header.get("coreId")),
                    blankToNull(header.get("batchId")), blankToNull(header.get("dateEntered")), outcome, passed,
                    failed, reports);
        }

        private Integer count(String element) {
            String value = blankToNull(header.get(element));
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("file", "The ACK3 says " + element + " is " + value
                        + ", not a number.");
            }
        }

        private void report(HardenedStreamReader xml) throws XMLStreamException {
            String id = xml.getAttributeValue(null, "id");
            Boolean passed = null;
            while (!(xml.next() == XMLStreamConstants.END_ELEMENT && xml.depth() == 2)) {
                if (xml.getEventType() == XMLStreamConstants.START_ELEMENT && "status".equals(xml.getLocalName())) {
                    passed = "passed".equalsIgnoreCase(text(xml));
                }
            }
            status.put(id == null ? "" : id, passed != null && passed);
        }

        private void failure(HardenedStreamReader xml) throws XMLStreamException {
            List<String> ids = new ArrayList<>();
            List<EmdrAcknowledgement.ReportError> details = new ArrayList<>();
            while (!(xml.next() == XMLStreamConstants.END_ELEMENT && xml.depth() == 2)) {
                if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if ("reportId".equals(xml.getLocalName())) {
                    ids.add(text(xml));
                } else if ("detail".equals(xml.getLocalName())) {
                    details.add(detail(xml));
                }
            }
            for (String id : ids.isEmpty() ? List.of("") : ids) {
                errors.computeIfAbsent(id, key -> new ArrayList<>()).addAll(details);
            }
        }

        private static EmdrAcknowledgement.ReportError detail(HardenedStreamReader xml) throws XMLStreamException {
            int depth = xml.depth();
            Map<String, String> fields = new LinkedHashMap<>();
            while (!(xml.next() == XMLStreamConstants.END_ELEMENT && xml.depth() == depth)) {
                if (xml.getEventType() == XMLStreamConstants.START_ELEMENT) {
                    fields.put(xml.getLocalName(), text(xml));
                }
            }
            String message = blankToNull(fields.get("errorMessage"));
            return new EmdrAcknowledgement.ReportError(blankToNull(fields.get("section")),
                    message == null ? "FDA gave no message." : message, blankToNull(fields.get("messageValue")),
                    blankToNull(fields.get("xPath")));
        }

        /** The text inside the current element, child elements' text included, stripped. */
        private static String text(HardenedStreamReader xml) throws XMLStreamException {
            return xml.getElementText().strip();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
