package org.vigil.shared.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * A StAX reader made by {@link HardenedXml#streamReader}: it refuses a DTD and entity references as soon as they are
 * met, counts element depth against the limit, and knows the path of the current element
 * ({@link #elementPath()}), for messages that point at the place in the file.
 */
public final class HardenedStreamReader extends StreamReaderDelegate {

    private final HardenedXml.Limits limits;
    private final List<String> path = new ArrayList<>();
    private final Deque<Map<String, Integer>> siblings = new ArrayDeque<>();
    /** An end tag was the last event: the element leaves the path only when the reader moves on. */
    private boolean endPending;

    HardenedStreamReader(XMLStreamReader reader, HardenedXml.Limits limits) throws XMLStreamException {
        super(reader);
        this.limits = limits;
        siblings.push(new HashMap<>());
        check(reader.getEventType());
    }

    @Override
    public int next() throws XMLStreamException {
        if (endPending) {
            endPending = false;
            path.removeLast();
            siblings.pop();
        }
        int event = super.next();
        check(event);
        return event;
    }

    private void check(int event) {
        switch (event) {
            case XMLStreamConstants.DTD -> throw new XmlRefusedException(XmlRefusedException.Reason.DOCTYPE,
                    "The file declares a DTD (DOCTYPE); Vigil does not read DTDs, remove it.");
            case XMLStreamConstants.ENTITY_REFERENCE -> throw new XmlRefusedException(
                    XmlRefusedException.Reason.ENTITY, "The file uses the entity &" + getLocalName() + "; Vigil "
                            + "reads no entities other than the five predefined ones (&amp; &lt; &gt; &quot; "
                            + "&apos;), replace it with the text it stands for.");
            case XMLStreamConstants.START_ELEMENT -> enter();
            case XMLStreamConstants.END_ELEMENT -> endPending = true;
            default -> {
                // text, comments and processing instructions change nothing here
            }
        }
    }

    private void enter() {
        if (path.size() >= limits.maxDepth()) {
            throw new XmlRefusedException(XmlRefusedException.Reason.TOO_DEEP, "The file nests elements more than "
                    + limits.maxDepth() + " levels deep; no report needs that, so Vigil stops reading it.");
        }
        String prefix = getPrefix();
        String name = prefix == null || prefix.isEmpty() ? getLocalName() : prefix + ":" + getLocalName();
        int position = siblings.peek().merge(name, 1, Integer::sum);
        path.add(position == 1 ? name : name + "[" + position + "]");
        siblings.push(new HashMap<>());
    }

    /** Reads through {@link #next()}, so that skipped whitespace and comments are checked like everything else. */
    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.CHARACTERS && isWhiteSpace()
                || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("Expected a start or end tag", getLocation());
        }
        return event;
    }

    /** Reads through {@link #next()}, so that the end tag it consumes leaves the path. */
    @Override
    public String getElementText() throws XMLStreamException {
        if (getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new XMLStreamException("Not at a start tag", getLocation());
        }
        var text = new StringBuilder();
        int event = next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(getText());
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // not part of the text
                }
                default -> throw new XMLStreamException("Text-only element holds other content", getLocation());
            }
            event = next();
        }
        return text.toString();
    }

    /**
     * The path of the current element from the root, as the file spells the names, e.g.
     * {@code /incident/admin_info/reportType}; a second and later sibling of the same name carries its position
     * ({@code /a/b[2]}). At an end tag it is still the ending element's path.
     */
    public String elementPath() {
        return path.isEmpty() ? "/" : "/" + String.join("/", path);
    }

    /** The current element depth, the root being 1. */
    public int depth() {
        return path.size();
    }
}
