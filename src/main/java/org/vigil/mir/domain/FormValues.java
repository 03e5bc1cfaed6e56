package org.vigil.mir.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.vigil.shared.InvalidInputException;
import org.vigil.shared.xml.HardenedStreamReader;
import org.vigil.shared.xml.HardenedXml;

/**
 * A MIR 7.3.1 form as the editor's flat values: one value per field of {@link FormFields}, keyed by the field's path
 * with the row number of a repeated group ({@code admin_info/fscaReferences/fsca[0]/mfrRefFSCA}); IMDRF codes of a
 * numbered field joined by ", ", a repeated element's values one per line. The same values compare two report
 * versions field by field ({@link #diff}).
 */
public final class FormValues {

    private static final Pattern ROW = Pattern.compile("\\[(\\d+)]");
    private static final Pattern CODE_SEPARATOR = Pattern.compile("[\\s,;]+");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[\\n,;]+\\s*");

    /** One field that differs between two versions. */
    public record Change(String key, String item, String label, String before, String after) {
    }

    private final FormFields catalogue;
    private final Node root;
    /** Each field's place in the form, to put values in the form's order. */
    private final Map<String, Integer> order = new HashMap<>();

    public FormValues(FormFields catalogue) {
        this.catalogue = catalogue;
        this.root = new Node("incident", null);
        for (var field : catalogue.all()) {
            order.put(field.path(), order.size());
            if (field.path().startsWith("@")) {
                continue;
            }
            Node node = root;
            String[] segments = field.path().split("/");
            for (int i = 0; i < segments.length - 1; i++) {
                node = node.child(segments[i]);
            }
            node.leaf(segments[segments.length - 1], field);
        }
    }

    // ------------------------------------------------------------------------------------------ document → values

    /** The values of a form document (as {@code MirForm.write} writes it). */
    public Map<String, String> read(byte[] formXml) {
        var values = new LinkedHashMap<String, String>();
        var lists = new LinkedHashMap<String, List<String>>();
        try {
            HardenedStreamReader xml = HardenedXml.streamReader(new ByteArrayInputStream(formXml));
            try {
                readDocument(xml, values, lists);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw InvalidInputException.of("file", "The form is not well-formed XML: " + e.getMessage());
        }
        lists.forEach((key, list) -> values.put(key, String.join(key.endsWith("#") ? ", " : "\n", list)));
        return sorted(values);
    }

    private void readDocument(HardenedStreamReader xml, Map<String, String> values, Map<String, List<String>> lists)
            throws XMLStreamException {
        record Frame(Node node, String key, Map<String, Integer> rows) {
        }
        var stack = new ArrayList<Frame>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (stack.isEmpty()) {
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        String attribute = "@" + xml.getAttributeLocalName(i);
                        if (catalogue.byPath(attribute).isPresent()) {
                            values.put(attribute, xml.getAttributeValue(i));
                        }
                    }
                    stack.add(new Frame(root, "", new HashMap<>()));
                    continue;
                }
                Frame frame = stack.getLast();
                Node node = frame.node();
                Node group = node.children.get(name + "[]");
                Node container = node.children.get(name);
                if (group != null) {
                    int row = frame.rows().merge(name, 1, Integer::sum) - 1;
                    stack.add(new Frame(group, frame.key() + name + "[" + row + "]/", new HashMap<>()));
                } else if (container != null && container.field == null) {
                    stack.add(new Frame(container, frame.key() + name + "/", new HashMap<>()));
                } else {
                    String text = xml.getElementText().strip();
                    Leaf leaf = node.leafFor(name);
                    if ("formVersion".equals(name) && "admin_info/".equals(frame.key())) {
                        continue; // structure, not a value: it is written with every form
                    }
                    if (leaf == null) {
                        values.put(frame.key() + name, text);
                    } else if (leaf.repeated) {
                        lists.computeIfAbsent(frame.key() + leaf.segment, key -> new ArrayList<>()).add(text);
                    } else {
                        values.put(frame.key() + leaf.segment, text);
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && !stack.isEmpty()) {
                stack.removeLast();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ values → document

    /**
     * The form document holding {@code values} (blank values are left out), for the form reader to check: root
     * {@code incident version="7.3.1"}, elements in the form's order.
     */
    public byte[] write(Map<String, String> values) {
        var out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("incident");
            xml.writeAttribute("version", "7.3.1");
            String language = values.get("@sFormLanguage");
            if (language != null && !language.isBlank()) {
                xml.writeAttribute("sFormLanguage", language.strip());
            }
            writeChildren(xml, root, "", values);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing the form from the editor's values failed", e);
        }
        return out.toByteArray();
    }

    private void writeChildren(XMLStreamWriter xml, Node node, String key, Map<String, String> values)
            throws XMLStreamException {
        for (var entry : node.children.entrySet()) {
            String segment = entry.getKey();
            Node child = entry.getValue();
            if (child.field != null) {
                writeLeaf(xml, segment, values.get(key + segment));
            } else if (segment.endsWith("[]")) {
                String name = segment.substring(0, segment.length() - 2);
                for (int row : rows(values, key + name + "[")) {
                    String rowKey = key + name + "[" + row + "]/";
                    if (hasValue(values, rowKey)) {
                        xml.writeStartElement(name);
                        writeChildren(xml, child, rowKey, values);
                        xml.writeEndElement();
                    }
                }
            } else if (hasValue(values, key + segment + "/") || "admin_info".equals(segment)) {
                // the form version opens admin_info, as the EC's form writes it
                xml.writeStartElement(segment);
                if ("admin_info".equals(segment)) {
                    xml.writeStartElement("formVersion");
                    xml.writeCharacters("7.3.1");
                    xml.writeEndElement();
                }
                writeChildren(xml, child, key + segment + "/", values);
                xml.writeEndElement();
            }
        }
    }

    private static void writeLeaf(XMLStreamWriter xml, String segment, String value)
            throws XMLStreamException {
        if (value == null || value.isBlank()) {
            return;
        }
        if (segment.endsWith("#")) {
            String name = segment.substring(0, segment.length() - 1);
            int n = 0;
            for (String code : CODE_SEPARATOR.split(value.strip())) {
                if (!code.isEmpty()) {
                    element(xml, name + (++n), code);
                }
            }
        } else if (segment.endsWith("*")) {
            String name = segment.substring(0, segment.length() - 1);
            for (String item : LIST_SEPARATOR.split(value.strip())) {
                if (!item.isBlank()) {
                    element(xml, name, item.strip());
                }
            }
        } else {
            element(xml, segment, value.strip());
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static TreeSet<Integer> rows(Map<String, String> values, String prefix) {
        var rows = new TreeSet<Integer>();
        for (String key : values.keySet()) {
            if (key.startsWith(prefix)) {
                Matcher matcher = ROW.matcher(key.substring(prefix.length() - 1));
                if (matcher.lookingAt()) {
                    rows.add(Integer.parseInt(matcher.group(1)));
                }
            }
        }
        return rows;
    }

    private static boolean hasValue(Map<String, String> values, String prefix) {
        return values.entrySet().stream()
                .anyMatch(entry -> entry.getKey().startsWith(prefix) && entry.getValue() != null
                        && !entry.getValue().isBlank());
    }

    // ------------------------------------------------------------------------------------------ comparing

    /** The fields whose values differ between {@code before} and {@code after}, in the form's order. */
    public List<Change> diff(Map<String, String> before, Map<String, String> after) {
        var keys = new LinkedHashSet<String>();
        keys.addAll(before.keySet());
        keys.addAll(after.keySet());
        var changes = new ArrayList<Change>();
        for (String key : sortedKeys(keys)) {
            String a = blankToEmpty(before.get(key));
            String b = blankToEmpty(after.get(key));
            if (!a.equals(b)) {
                var field = fieldOf(key);
                String label = field.map(FormFields.Field::label).orElse(key);
                Matcher row = ROW.matcher(key);
                if (row.find()) {
                    label = label + " (row " + (Integer.parseInt(row.group(1)) + 1) + ")";
                }
                changes.add(new Change(key, field.map(FormFields.Field::item).orElse(""), label, a, b));
            }
        }
        return changes;
    }

    /** The catalogue field a value key belongs to. */
    public Optional<FormFields.Field> fieldOf(String key) {
        return catalogue.byPath(ROW.matcher(key).replaceAll("[]"));
    }

    private Map<String, String> sorted(Map<String, String> values) {
        var sorted = new LinkedHashMap<String, String>();
        sortedKeys(values.keySet()).forEach(key -> sorted.put(key, values.get(key)));
        return sorted;
    }

    private List<String> sortedKeys(java.util.Collection<String> keys) {
        return keys.stream().sorted(Comparator
                .comparingInt((String key) -> order.getOrDefault(ROW.matcher(key).replaceAll("[]"), Integer.MAX_VALUE))
                .thenComparingInt(FormValues::rowOf).thenComparing(Comparator.naturalOrder())).toList();
    }

    private static int rowOf(String key) {
        Matcher row = ROW.matcher(key);
        return row.find() ? Integer.parseInt(row.group(1)) : -1;
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    // ------------------------------------------------------------------------------------------ the field tree

    private static final class Leaf {
        final String segment;
        final boolean repeated;

        Leaf(String segment) {
            this.segment = segment;
            this.repeated = segment.endsWith("#") || segment.endsWith("*");
        }
    }

    private static final class Node {
        final String name;
        final FormFields.Field field;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String name, FormFields.Field field) {
            this.name = name;
            this.field = field;
        }

        Node child(String segment) {
            return children.computeIfAbsent(segment, name -> new Node(name, null));
        }

        void leaf(String segment, FormFields.Field field) {
            children.put(segment, new Node(segment, Objects.requireNonNull(field)));
        }

        /** The leaf an element of this name fills: itself, its numbered field or its repeated field. */
        Leaf leafFor(String element) {
            if (children.get(element) != null && children.get(element).field != null) {
                return new Leaf(element);
            }
            if (children.containsKey(element + "*")) {
                return new Leaf(element + "*");
            }
            String base = element.replaceAll("\\d+$", "");
            if (!base.equals(element) && children.containsKey(base + "#")) {
                return new Leaf(base + "#");
            }
            return null;
        }
    }
}
