package org.vigil.device.importing.read;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.vigil.device.BasicUdiDiData;
import org.vigil.device.DeviceImportRow;
import org.vigil.device.ImportProblem;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.PackageLevel;
import org.vigil.device.UdiDiData;
import org.vigil.shared.xml.HardenedXml;
import org.vigil.shared.xml.XmlRefusedException;
import org.vigil.udi.BasicUdiDi;
import org.vigil.udi.Gs1;
import org.vigil.udi.IssuingEntity;

/**
 * Reads FDA GUDID device records (namespace {@code http://www.fda.gov/cdrh/gudid}; 21 CFR 830 Subpart E, GUDID Data
 * Elements Reference Table), streaming one {@code device} element at a time. Each device becomes one row:
 * <ul>
 *   <li>the {@code Primary} identifier is the UDI-DI, {@code Package} identifiers its package levels;</li>
 *   <li>{@code brandName} is the device and trade name, {@code versionModelNumber} the model,
 *       {@code catalogNumber} the reference, {@code deviceDescription} the intended purpose (GUDID has no intended
 *       purpose of its own), {@code deviceHCTP} human tissues or cells, a GMDN term marked implantable makes the
 *       device implantable;</li>
 *   <li>the market is {@code US} from {@code devicePublishDate} until {@code deviceCommDistributionEndDate};</li>
 *   <li>the legislation is {@link Legislation#UNKNOWN}: GUDID records FDA classification, not EU legislation.</li>
 * </ul>
 * GUDID has no Basic UDI-DI. For a GS1 primary DI Vigil derives a GS1 GMN from it (the GTIN's company prefix and item
 * reference, without indicator and check digit, followed by the GMN check pair), so that every GUDID device gets a
 * well-formed, stable Basic UDI-DI; each derivation is reported as a notice, because the manufacturer's registered
 * Basic UDI-DI may differ. Other issuers' DIs cannot be turned into a Basic UDI-DI and are reported per record.
 *
 * <p>Package levels are put in containment order (each after the DI it contains), as the register requires (MDR Annex
 * VI Part C 3.5). A package whose {@code containsDINumber} is neither the primary DI nor another package of the same
 * record cannot be placed in the device's packaging hierarchy: it is left out with a notice, and the device itself is
 * still imported (FDA's own GUDID test record is such a case).
 */
public final class GudidXmlReader {

    public static final String NAMESPACE = "http://www.fda.gov/cdrh/gudid";
    /**
     * The limits for device import files: uploads are already capped by the multipart limit, so the size here is a
     * backstop for files handed over otherwise; GUDID and EUDAMED records are a handful of levels deep.
     */
    static final HardenedXml.Limits IMPORT_LIMITS = new HardenedXml.Limits(512L * 1024 * 1024,
            HardenedXml.DEFAULT_MAX_DEPTH);

    private GudidXmlReader() {
    }

    /** What was read, and the notices about derived values (rows that were stored but deserve a look). */
    public record Result(ReadResult read, List<ImportProblem> notices) {
    }

    public static Result read(InputStream in) {
        List<DeviceImportRow> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> notices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int record = 0;
        try {
            XMLStreamReader xml = HardenedXml.streamReader(in, IMPORT_LIMITS);
            try {
                boolean rootSeen = false;
                while (xml.hasNext()) {
                    xml.next();
                    if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    if (!rootSeen) {
                        rootSeen = true;
                        if (!isDevice(xml) && !xml.getLocalName().equals("data")
                                && !NAMESPACE.equals(xml.getNamespaceURI())) {
                            return new Result(ReadResult.fatal(null, "This is not a GUDID device file: its root "
                                    + "element is <" + xml.getLocalName() + ">, not GUDID <device> records."), List.of());
                        }
                    }
                    if (isDevice(xml)) {
                        record++;
                        var device = Device.read(xml);
                        var row = device.toRow(record, problems, notices);
                        if (row != null && !seen.add(row.udiDi().udiDi())) {
                            problems.add(new ImportProblem(record, "deviceId", "Primary DI " + row.udiDi().udiDi()
                                    + " appears in an earlier record of this file."));
                        } else if (row != null) {
                            rows.add(row);
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XmlRefusedException e) {
            return new Result(ReadResult.fatal(null, e.plainMessage()), List.of());
        } catch (XMLStreamException e) {
            return new Result(ReadResult.fatal(null, "The file is not well-formed XML"
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNumber() + ")" : "") + ": "
                    + plain(e.getMessage())), List.of());
        }
        if (record == 0) {
            return new Result(ReadResult.fatal(null, "The file holds no GUDID <device> records (namespace "
                    + NAMESPACE + ")."), List.of());
        }
        return new Result(new ReadResult(rows, List.of(), problems, record, null), notices);
    }

    private static boolean isDevice(XMLStreamReader xml) {
        return "device".equals(xml.getLocalName()) && NAMESPACE.equals(xml.getNamespaceURI());
    }

    static String plain(String message) {
        if (message == null) {
            return "unreadable";
        }
        int detail = message.indexOf("Message: ");
        return detail >= 0 ? message.substring(detail + "Message: ".length()) : message;
    }

    /** The fields of one {@code device} element that Vigil keeps. */
    private static final class Device {
        String brandName;
        String model;
        String catalogNumber;
        String description;
        String publishDate;
        String distributionEnd;
        boolean hctp;
        boolean implantable;
        final List<String[]> identifiers = new ArrayList<>();

        static Device read(XMLStreamReader xml) throws XMLStreamException {
            var device = new Device();
            int depth = 1;
            String[] identifier = null;
            while (depth > 0 && xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = xml.getLocalName();
                    if (name.equals("identifier")) {
                        identifier = new String[6];
                        device.identifiers.add(identifier);
                        continue;
                    }
                    if (name.equals("identifiers") || name.equals("gmdnTerms") || name.equals("gmdn")) {
                        // Containers: their children are read one by one.
                        continue;
                    }
                    String text = elementText(xml);
                    depth--;
                    if (identifier != null && depth == 3) {
                        // A field of an identifier (device > identifiers > identifier > field).
                        switch (name) {
                            case "deviceId" -> identifier[0] = text;
                            case "deviceIdType" -> identifier[1] = text;
                            case "deviceIdIssuingAgency" -> identifier[2] = text;
                            case "containsDINumber" -> identifier[3] = text;
                            case "pkgQuantity" -> identifier[4] = text;
                            default -> { }
                        }
                        continue;
                    }
                    switch (name) {
                        case "brandName" -> device.brandName = text;
                        case "versionModelNumber" -> device.model = text;
                        case "catalogNumber" -> device.catalogNumber = text;
                        case "deviceDescription" -> device.description = text;
                        case "devicePublishDate" -> device.publishDate = text;
                        case "deviceCommDistributionEndDate" -> device.distributionEnd = text;
                        case "deviceHCTP" -> device.hctp = "true".equalsIgnoreCase(text);
                        case "implantable" -> device.implantable |= "true".equalsIgnoreCase(text);
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (xml.getLocalName().equals("identifier")) {
                        identifier = null;
                    }
                }
            }
            return device;
        }

        /** The text of a simple element, or the text of its descendants joined; {@code null} when empty. */
        private static String elementText(XMLStreamReader xml) throws XMLStreamException {
            var text = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(xml.getText());
                }
            }
            String value = text.toString().replaceAll("\\s+", " ").strip();
            return value.isEmpty() ? null : value;
        }

        DeviceImportRow toRow(int record, List<ImportProblem> problems, List<ImportProblem> notices) {
            int before = problems.size();
            String[] primary = identifiers.stream().filter(i -> "Primary".equalsIgnoreCase(i[1])).findFirst()
                    .orElse(null);
            if (primary == null || primary[0] == null) {
                problems.add(new ImportProblem(record, "identifiers", "The record has no Primary device "
                        + "identifier."));
                return null;
            }
            IssuingEntity issuer = issuer(primary[2]);
            if (issuer == null) {
                problems.add(new ImportProblem(record, "deviceIdIssuingAgency", "\"" + primary[2]
                        + "\" is not an issuing agency: GS1, HIBCC or ICCBBA."));
                return null;
            }
            String di = primary[0];
            if (issuer == IssuingEntity.GS1 && !validGtin(di)) {
                problems.add(new ImportProblem(record, "deviceId", "\"" + di + "\" is not a valid GTIN-14 (14 "
                        + "digits with the GS1 check digit)."));
                return null;
            }
            String basicUdiDi = null;
            if (issuer == IssuingEntity.GS1) {
                var derived = BasicUdiDi.addCheckCharacters(IssuingEntity.GS1, di.substring(1, 13));
                if (derived.succeeded()) {
                    basicUdiDi = derived.value();
                    notices.add(new ImportProblem(record, "basicUdiDi", "GUDID has no Basic UDI-DI: Vigil derived "
                            + basicUdiDi + " (GS1 GMN) from primary DI " + di + ". Replace it with the Basic UDI-DI "
                            + "registered in EUDAMED if they differ."));
                }
            }
            if (basicUdiDi == null) {
                problems.add(new ImportProblem(record, "basicUdiDi", "GUDID has no Basic UDI-DI and none can be "
                        + "derived from " + issuer + " DI " + di + "; import this device from a CSV with its Basic "
                        + "UDI-DI."));
                return null;
            }
            List<PackageLevel> listed = new ArrayList<>();
            for (String[] identifier : identifiers) {
                if (!"Package".equalsIgnoreCase(identifier[1]) || identifier[0] == null) {
                    continue;
                }
                int quantity;
                try {
                    quantity = Integer.parseInt(identifier[4]);
                } catch (NumberFormatException e) {
                    quantity = 0;
                }
                if (quantity < 1) {
                    problems.add(new ImportProblem(record, "pkgQuantity", "Package " + identifier[0]
                            + " has no package quantity of at least 1."));
                    continue;
                }
                listed.add(new PackageLevel(identifier[0], identifier[3] == null ? di : identifier[3], quantity));
            }
            List<PackageLevel> packages = containedFirst(di, listed);
            List<ImportProblem> dropped = new ArrayList<>();
            for (PackageLevel level : listed) {
                if (!packages.contains(level)) {
                    dropped.add(new ImportProblem(record, "containsDINumber", "Package " + level.udiDi()
                            + " contains DI " + level.contains() + ", which is neither the primary DI " + di
                            + " nor another package of this record, so the package level was not imported; the "
                            + "device was. Add the package level once the contained DI is registered."));
                }
            }
            LocalDate from = date(record, "devicePublishDate", publishDate, problems);
            LocalDate until = date(record, "deviceCommDistributionEndDate", distributionEnd, problems);
            if (brandName == null) {
                problems.add(new ImportProblem(record, "brandName", "The record has no brand name."));
            }
            if (problems.size() > before) {
                return null;
            }
            notices.addAll(dropped);
            var basic = new BasicUdiDiData(basicUdiDi, brandName, description, Legislation.UNKNOWN, false, null,
                    implantable, false, false, false, MedicinalSubstance.NONE, hctp, false, null, List.of(), null, null);
            var udi = new UdiDiData(basicUdiDi, di, issuer, brandName, model, catalogNumber, null, null, null, packages,
                    from == null ? List.of() : List.of(new MarketPlacement("US", from, until)));
            return new DeviceImportRow(record, basic, udi);
        }

        /**
         * The package levels in the order the register needs them: each after what it contains, starting from the
         * primary DI (GUDID lists identifiers in any order). A level whose contained DI is neither the primary DI nor
         * another package of the record (or that is part of a loop) is left out; the caller reports it.
         */
        static List<PackageLevel> containedFirst(String primaryDi, List<PackageLevel> listed) {
            List<PackageLevel> ordered = new ArrayList<>();
            Set<String> known = new HashSet<>();
            known.add(primaryDi);
            List<PackageLevel> waiting = new ArrayList<>(listed);
            boolean progress = true;
            while (progress && !waiting.isEmpty()) {
                progress = false;
                for (var it = waiting.iterator(); it.hasNext(); ) {
                    PackageLevel level = it.next();
                    if (known.contains(level.contains()) && !level.contains().equals(level.udiDi())) {
                        ordered.add(level);
                        known.add(level.udiDi());
                        it.remove();
                        progress = true;
                    }
                }
            }
            return ordered;
        }

        private static LocalDate date(int record, String field, String text, List<ImportProblem> problems) {
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problems.add(new ImportProblem(record, field, "\"" + text + "\" is not a date (YYYY-MM-DD)."));
                return null;
            }
        }

        private static IssuingEntity issuer(String agency) {
            if (agency == null) {
                return null;
            }
            return switch (agency.strip().toUpperCase(Locale.ROOT)) {
                case "GS1" -> IssuingEntity.GS1;
                case "HIBCC", "HIBC" -> IssuingEntity.HIBCC;
                case "ICCBBA" -> IssuingEntity.ICCBBA;
                default -> null;
            };
        }

        private static boolean validGtin(String di) {
            return di.length() == 14 && di.chars().allMatch(Character::isDigit)
                    && Gs1.parseBracketed("(01)" + di).valid();
        }
    }
}
