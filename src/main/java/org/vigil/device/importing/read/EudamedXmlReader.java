package org.vigil.device.importing.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;

import org.vigil.device.BasicUdiDiData;
import org.vigil.device.DeviceImportRow;
import org.vigil.device.ImportProblem;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.PackageLevel;
import org.vigil.device.RiskClass;
import org.vigil.device.UdiDiData;
import org.vigil.device.domain.RegisterRules;
import org.vigil.shared.xml.HardenedXml;
import org.vigil.shared.xml.XmlRefusedException;
import org.vigil.udi.IssuingEntity;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads EUDAMED device registrations: a DTX 3.0.25 message ({@code Push} or {@code PullResponse} of the
 * {@code service/Message.xsd} schema, vendored under {@code eudamed/dtx-3.0.25}) whose payload holds
 * {@code device:Device} elements, each a Basic UDI-DI with one UDI-DI ({@code MDRDeviceType}, {@code IVDRDeviceType}).
 * The file is first validated against the schema as a whole; a file that is not valid is fatal and nothing of it is
 * imported. Each device then becomes one row (MDR Annex VI Part A section 2 and Part B):
 * <ul>
 *   <li>{@code xsi:type} gives the legislation (MDR or IVDR); {@code riskClass} the class ({@code CLASS_I} under the
 *       MDR becomes Im with a measuring function, Ir when reusable, Is when the UDI-DI is sterile, otherwise I);</li>
 *   <li>{@code modelName/name} (or {@code model}) the device name, {@code identifier} the Basic UDI-DI,
 *       {@code MFActorCode}/{@code ARActorCode} the SRNs, the tissue, active, implantable, measuring and reusable flags
 *       as they are; {@code medicinalProductCheck} means a medicinal substance, with the EMA consulted when
 *       {@code humanProductCheck} says it is derived from human blood or plasma (MDR Annex IX section 5.2),
 *       otherwise a national authority;</li>
 *   <li>the UDI-DI's {@code identifier}, first {@code tradeNames} text (English first), {@code referenceNumber}, first
 *       {@code MDNCodes} entry (EMDN), {@code packages} and {@code marketInfos} (country, start and end date).</li>
 *   <li>the Basic UDI-DI's certificates ({@code deviceCertificateLinks}, and the {@code certificateLinks} of a pull
 *       response) give the certificate numbers and the notified body ({@code NBActorCode}, its four-digit NANDO
 *       number, MDR Art. 42). A class whose conformity assessment involves a notified body (MDR Art. 52, IVDR Art. 48)
 *       without any certificate is reported; certificates of several notified bodies keep the first body, with a
 *       notice.</li>
 * </ul>
 * EUDAMED keeps no intended purpose in the device message; it is left empty.
 */
public final class EudamedXmlReader {

    public static final String SCHEMA = "/eudamed/dtx-3.0.25/service/Message.xsd";
    static final String SCHEMA_FOLDER = "/eudamed/dtx-3.0.25";
    static final String DEVICE_NS = "https://ec.europa.eu/tools/eudamed/dtx/datamodel/Entity/Device/v1";
    static final String MESSAGE_NS = "https://ec.europa.eu/tools/eudamed/dtx/servicemodel/Message/v1";
    private static final int MAX_REPORTED_SCHEMA_ERRORS = 5;

    private static volatile Schema schema;

    private EudamedXmlReader() {
    }

    /** The compiled DTX schema, compiled once; its imports resolve only inside the vendored folder. */
    public static Schema schema() {
        Schema compiled = schema;
        if (compiled == null) {
            synchronized (EudamedXmlReader.class) {
                if (schema == null) {
                    schema = HardenedXml.compileClasspathSchema(SCHEMA_FOLDER, "service/Message.xsd");
                }
                compiled = schema;
            }
        }
        return compiled;
    }

    /** What was read, and the notices about rows stored with a simplification worth a look. */
    public record Result(ReadResult read, List<ImportProblem> notices) {
    }

    public static ReadResult read(InputStream in) {
        return readWithNotices(in).read();
    }

    public static Result readWithNotices(InputStream in) {
        byte[] content;
        try {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, GudidXmlReader.IMPORT_LIMITS.maxBytes() + 1));
            if (content.length > GudidXmlReader.IMPORT_LIMITS.maxBytes()) {
                return new Result(ReadResult.fatal(null, "The file is larger than "
                        + GudidXmlReader.IMPORT_LIMITS.maxBytes() / (1024 * 1024) + " MB; Vigil does not read larger "
                        + "XML files."), List.of());
            }
        } catch (IOException e) {
            return new Result(ReadResult.fatal(null, "The file could not be read: " + e.getMessage()), List.of());
        }
        ImportProblem invalid = validate(content);
        if (invalid != null) {
            return new Result(new ReadResult(List.of(), List.of(), List.of(), 0, invalid), List.of());
        }
        List<DeviceImportRow> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> notices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int record = 0;
        try {
            XMLStreamReader xml = HardenedXml.streamReader(new ByteArrayInputStream(content),
                    GudidXmlReader.IMPORT_LIMITS);
            try {
                while (xml.hasNext()) {
                    xml.next();
                    if (xml.getEventType() == XMLStreamConstants.START_ELEMENT && "Device".equals(xml.getLocalName())
                            && DEVICE_NS.equals(xml.getNamespaceURI())) {
                        record++;
                        String type = xml.getAttributeValue(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type");
                        Node device = Node.read(xml);
                        DeviceImportRow row = toRow(record, type, device, problems, notices);
                        if (row != null && !seen.add(row.udiDi().udiDi())) {
                            problems.add(new ImportProblem(record, "identifier", "UDI-DI " + row.udiDi().udiDi()
                                    + " appears in an earlier device of this file."));
                        } else if (row != null) {
                            rows.add(row);
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            return new Result(ReadResult.fatal(null, "The file is not well-formed XML: "
                    + GudidXmlReader.plain(e.getMessage())), List.of());
        }
        if (record == 0) {
            return new Result(ReadResult.fatal(null, "The message holds no device registrations (device:Device "
                    + "elements)."), List.of());
        }
        return new Result(new ReadResult(rows, List.of(), problems, record, null), notices);
    }

    /** The schema's verdict: {@code null} when valid, otherwise the first errors with their lines. */
    static ImportProblem validate(byte[] content) {
        List<String> errors = new ArrayList<>();
        try {
            var xml = HardenedXml.streamReader(new ByteArrayInputStream(content), GudidXmlReader.IMPORT_LIMITS);
            try {
                HardenedXml.validate(xml, schema(), new ErrorHandler() {
                    @Override
                    public void warning(SAXParseException e) {
                    }

                    @Override
                    public void error(SAXParseException e) {
                        if (errors.size() < MAX_REPORTED_SCHEMA_ERRORS) {
                            errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
                        }
                    }

                    @Override
                    public void fatalError(SAXParseException e) throws SAXException {
                        throw e;
                    }
                }, null);
            } finally {
                xml.close();
            }
        } catch (XmlRefusedException e) {
            return new ImportProblem(0, null, e.plainMessage());
        } catch (XMLStreamException e) {
            return new ImportProblem(0, null, "The file is not well-formed XML"
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNumber() + ")" : "") + ": "
                    + GudidXmlReader.plain(e.getMessage()));
        } catch (SAXException e) {
            return new ImportProblem(0, null, "The file could not be read as XML: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            return new ImportProblem(0, null, "The file is not valid against the EUDAMED DTX 3.0.25 schema, so "
                    + "nothing was imported: " + String.join("; ", errors));
        }
        return null;
    }

    private static DeviceImportRow toRow(int record, String type, Node device, List<ImportProblem> problems,
            List<ImportProblem> notices) {
        String localType = type == null ? "" : type.substring(type.indexOf(':') + 1);
        Legislation legislation = switch (localType) {
            case "MDRDeviceType" -> Legislation.MDR;
            case "IVDRDeviceType" -> Legislation.IVDR;
            default -> null;
        };
        if (legislation == null) {
            problems.add(new ImportProblem(record, "Device", "Device type \"" + localType + "\" is not imported: "
                    + "Vigil reads MDR and IVDR device registrations (MDRDeviceType, IVDRDeviceType)."));
            return null;
        }
        Node basic = device.child(legislation == Legislation.MDR ? "MDRBasicUDI" : "IVDRBasicUDI");
        Node udi = device.child(legislation == Legislation.MDR ? "MDRUDIDIData" : "IVDRUDIDIData");
        int before = problems.size();
        String basicUdiDi = basic.text("identifier", "DICode");
        String name = basic.text("modelName", "name");
        String model = basic.text("modelName", "model") != null ? basic.text("modelName", "model") : basic.text("model");
        boolean measuring = bool(basic.text("measuringFunction"));
        boolean reusable = bool(basic.text("reusable"));
        boolean sterile = bool(udi.text("sterile"));
        String riskCode = basic.text("riskClass");
        RiskClass riskClass = riskClass(legislation, riskCode, measuring, reusable, sterile);
        if (riskClass == null) {
            problems.add(new ImportProblem(record, "riskClass", "Risk class " + riskCode + " does not exist under "
                    + legislation + "."));
        }
        MedicinalSubstance substance = !bool(basic.text("medicinalProductCheck")) ? MedicinalSubstance.NONE
                : bool(basic.text("humanProductCheck")) ? MedicinalSubstance.EMA_CONSULTED
                : MedicinalSubstance.NATIONAL_AUTHORITY_CONSULTED;
        var certificates = Certificates.of(basic);
        String notifiedBody = certificates.notifiedBodies().isEmpty() ? null
                : certificates.notifiedBodies().getFirst();
        if (notifiedBody == null && riskClass != null && RegisterRules.needsNotifiedBody(riskClass)) {
            problems.add(new ImportProblem(record, "deviceCertificateLinks", "Class " + riskClass.label() + " under "
                    + legislation + " is certified by a notified body, but the device names no certificate: give "
                    + "deviceCertificateLinks/deviceCertificateLink with the notified body's NBActorCode (EUDAMED "
                    + "BR-UDID-109; MDR Art. 52, IVDR Art. 48)."));
        }
        var basicData = new BasicUdiDiData(basicUdiDi, name != null ? name : model, null, legislation, false,
                riskClass, bool(basic.text("implantable")), bool(basic.text("active")), measuring, reusable,
                substance, bool(basic.text("humanTissuesCells")), bool(basic.text("animalTissuesCells")),
                notifiedBody, certificates.numbers(), basic.text("MFActorCode"), basic.text("ARActorCode"));

        String di = udi.text("identifier", "DICode");
        IssuingEntity issuer = issuer(udi.text("identifier", "issuingEntityCode"));
        if (issuer == null) {
            problems.add(new ImportProblem(record, "issuingEntityCode", "UDI-DI " + di + " was assigned by "
                    + udi.text("identifier", "issuingEntityCode") + ", not by an issuing entity (GS1, HIBCC, ICCBBA, "
                    + "IFA)."));
        }
        List<PackageLevel> packages = new ArrayList<>();
        Node packageList = udi.child("packages");
        for (Node pkg : packageList.children("package")) {
            String child = pkg.text("child", "DICode");
            packages.add(new PackageLevel(pkg.text("identifier", "DICode"), child == null ? di : child,
                    Integer.parseInt(pkg.text("numberOfItems"))));
        }
        List<MarketPlacement> markets = new ArrayList<>();
        for (Node market : udi.child("marketInfos").children("marketInfo")) {
            LocalDate start = date(market.text("startDate"));
            if (start == null) {
                problems.add(new ImportProblem(record, "marketInfo", "Market " + market.text("country")
                        + " has no start date."));
                continue;
            }
            markets.add(new MarketPlacement(market.text("country"), start, date(market.text("endDate"))));
        }
        String emdn = udi.text("MDNCodes");
        if (emdn != null) {
            emdn = emdn.strip().split("\\s+")[0];
        }
        if (problems.size() > before) {
            return null;
        }
        if (certificates.notifiedBodies().size() > 1) {
            notices.add(new ImportProblem(record, "NBActorCode", "The certificates of Basic UDI-DI " + basicUdiDi
                    + " were issued by notified bodies " + String.join(", ", certificates.notifiedBodies())
                    + "; Vigil records one notified body per Basic UDI-DI and kept " + notifiedBody + ", the issuer "
                    + "of the first certificate. All certificate numbers were kept."));
        }
        var udiData = new UdiDiData(basicUdiDi, di, issuer, tradeName(udi.child("tradeNames")), model,
                udi.text("referenceNumber"), emdn, null, null, packages, markets);
        return new DeviceImportRow(record, basicData, udiData);
    }

    /**
     * The certificates a Basic UDI-DI names: first the manufacturer's {@code deviceCertificateLinks} (FLD-UDID-60 to
     * 64: certificate number, revision, the notified body's {@code NBActorCode}, which the schema restricts to its
     * four-digit NANDO number), then the {@code certificateLinks} EUDAMED itself links to the device in a pull
     * response ({@code certificate/certificateNumber}, {@code certificateRevisionNumber}, {@code NBActorCode}).
     * A certificate named in both is kept once; a revision is kept as {@code NUMBER rev. REVISION}.
     */
    private record Certificates(List<String> numbers, List<String> notifiedBodies) {

        static Certificates of(Node basic) {
            var numbers = new java.util.LinkedHashSet<String>();
            var bodies = new java.util.LinkedHashSet<String>();
            for (Node link : basic.child("deviceCertificateLinks").children("deviceCertificateLink")) {
                add(link, numbers, bodies);
            }
            for (Node link : basic.child("certificateLinks").children("certificateLink")) {
                add(link.child("certificate"), numbers, bodies);
            }
            return new Certificates(List.copyOf(numbers), List.copyOf(bodies));
        }

        private static void add(Node certificate, Set<String> numbers, Set<String> bodies) {
            String number = certificate.text("certificateNumber");
            String revision = certificate.text("certificateRevisionNumber");
            if (number != null) {
                numbers.add(revision == null ? number : number + " rev. " + revision);
            }
            String body = certificate.text("NBActorCode");
            if (body != null) {
                bodies.add(body);
            }
        }
    }

    private static RiskClass riskClass(Legislation legislation, String code, boolean measuring, boolean reusable,
            boolean sterile) {
        if (legislation == Legislation.MDR && "CLASS_I".equals(code)) {
            return measuring ? RiskClass.MDR_IM : reusable ? RiskClass.MDR_IR : sterile ? RiskClass.MDR_IS
                    : RiskClass.MDR_I;
        }
        return RiskClass.under(legislation).stream().filter(c -> c.eudamedCode().equals(code)).findFirst()
                .orElse(null);
    }

    private static String tradeName(Node names) {
        String first = null;
        for (Node name : names.children("name")) {
            if ("EN".equals(name.text("language"))) {
                return name.text("textValue");
            }
            if (first == null) {
                first = name.text("textValue");
            }
        }
        return first;
    }

    private static IssuingEntity issuer(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "GS1" -> IssuingEntity.GS1;
            case "HIBCC" -> IssuingEntity.HIBCC;
            case "ICCBBA" -> IssuingEntity.ICCBBA;
            case "IFA" -> IssuingEntity.IFA;
            default -> null;
        };
    }

    private static boolean bool(String text) {
        return "true".equals(text) || "1".equals(text);
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** One device element as a small tree: a device registration is a few kilobytes, never the whole file. */
    private record Node(String name, StringBuilder text, List<Node> children) {

        private static final Node EMPTY = new Node("", new StringBuilder(), List.of());

        static Node read(XMLStreamReader xml) throws XMLStreamException {
            Node node = new Node(xml.getLocalName(), new StringBuilder(), new ArrayList<>());
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    node.children.add(read(xml));
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    node.text.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    return node;
                }
            }
            return node;
        }

        Node child(String wanted) {
            return children.stream().filter(c -> c.name.equals(wanted)).findFirst().orElse(EMPTY);
        }

        List<Node> children(String wanted) {
            return children.stream().filter(c -> c.name.equals(wanted)).toList();
        }

        String text(String... path) {
            Node node = this;
            for (String step : path) {
                node = node.child(step);
            }
            String value = node.text.toString().strip();
            return node == EMPTY || value.isEmpty() ? null : value;
        }
    }
}
