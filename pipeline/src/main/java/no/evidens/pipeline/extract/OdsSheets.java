package no.evidens.pipeline.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The sheet names of an OpenDocument spreadsheet, in order, from its content.xml: Tika writes each sheet
 * as a table but leaves its name out, which an auditor needs to know what the rows are.
 */
final class OdsSheets {
    private static final String TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

    private OdsSheets() {
    }

    /** The names, or none when the file cannot be read that way (Tika still reads its tables). */
    static List<String> names(Path ods) {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(ods.toFile())) {
            ZipEntry content = zip.getEntry("content.xml");
            if (content == null) {
                return names;
            }
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            try (InputStream in = zip.getInputStream(content)) {
                XMLStreamReader r = factory.createXMLStreamReader(in);
                while (r.hasNext()) {
                    if (r.next() == XMLStreamReader.START_ELEMENT && TABLE_NS.equals(r.getNamespaceURI())
                            && "table".equals(r.getLocalName())) {
                        String name = r.getAttributeValue(TABLE_NS, "name");
                        names.add(name == null ? "" : name);
                    }
                }
                r.close();
            }
        } catch (IOException | XMLStreamException unreadable) {
            names.clear();
        }
        return names;
    }
}
