package no.evidens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;

import no.evidens.index.IndexedDocument;
import no.evidens.index.IndicatorReason;
import no.evidens.index.Passage;
import no.evidens.index.PassageSchema;

/** The config set that {@code evidens solr init} uploads, and the entries the sink writes into it. */
class ConfigSetTest {
    private static Map<String, String> files() throws IOException {
        return files(null);
    }

    private static Map<String, String> files(java.nio.file.Path synonyms) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(SolrSetup.configSetZip(synonyms)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void holdsTheConfigTheSchemaAndTheShippedWordLists() throws IOException {
        Map<String, String> files = files();
        assertEquals(SolrSetup.FILES.size(), files.size());
        assertTrue(files.get("compound-parts.txt").lines().anyMatch("vern"::equals), "the compound lexicon");
        assertTrue(files.get("synonyms.txt").contains("=>") || files.get("synonyms.txt").contains(","), "the synonyms");
        assertTrue(files.get("solrconfig.xml").contains(no.evidens.solr.plugin.EvidensQParserPlugin.class.getName()));
        assertTrue(files.get("schema.xml").contains(no.evidens.solr.plugin.SynonymEntryAnalyzer.class.getName()));
    }

    @Test
    void aHomesOwnSynonymsReplaceTheShippedOnes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path own = dir.resolve("synonyms.txt");
        java.nio.file.Files.writeString(own, "kommuneoverlege, smittevernlege\n", StandardCharsets.UTF_8);
        Map<String, String> files = files(own);
        assertEquals("kommuneoverlege, smittevernlege\n", files.get("synonyms.txt"));
        assertEquals(files().get("schema.xml"), files.get("schema.xml"), "only the synonyms change");
    }

    @Test
    void theSchemaDeclaresEveryFieldTheSinkWrites() throws IOException {
        String schema = files().get("schema.xml");
        IndexedDocument doc = new IndexedDocument("d1", "c1", "a/b.txt", "journal", "T", "ab12", "text/plain",
                "Barneverntjenesten svarte.", List.of(0), "3");
        Passage p = new Passage("c1/d1/0", "c1", "d1", "a/b.txt", "Journal", "T", "H", 1, 0, 26, "Barneverntjenesten svarte.",
                List.of("svarte"), List.of("Taushetsplikt"), List.of("Barnevernloven"),
                Map.of(PassageSchema.MUNICIPALITY, "Fjordvik", PassageSchema.SERVICE, "barnevern", PassageSchema.YEAR, "2025",
                        PassageSchema.DATE, "2025-10-07"),
                List.of(new IndicatorReason("Taushetsplikt", IndicatorReason.PATTERN, 1, List.of("taushetsplikt"), List.of())));
        for (SolrInputDocument d : SolrFields.block(doc, List.of(p))) {
            for (String field : d.getFieldNames()) {
                assertTrue(schema.contains("name=\"" + field + "\""), "schema.xml declares " + field);
            }
        }
    }

    @Test
    void aHitCarriesWhyItsPassageHasEachIndicatorAndAnOlderEntryNone() {
        IndicatorReason why = new IndicatorReason("taushetsplikt", IndicatorReason.MODEL, 0.62, List.of("taushe…", "barn nevnt"),
                List.of());
        Passage p = new Passage("c1/d1/0", "c1", "d1", "a.txt", "Journal", "T", "", 1, 0, 5, "Tekst", List.of(),
                List.of("taushetsplikt"), List.of(), Map.of(), List.of(why));
        org.apache.solr.common.SolrDocument stored = new org.apache.solr.common.SolrDocument();
        SolrFields.passage(p).forEach(f -> stored.setField(f.getName(), f.getValues()));
        assertEquals(List.of(why), SolrFields.toHit(stored).indicatorReasons());
        stored.removeFields(PassageSchema.INDICATOR_WHY);
        assertEquals(List.of("taushetsplikt"), SolrFields.toHit(stored).indicators());
        assertEquals(List.of(), SolrFields.toHit(stored).indicatorReasons());
    }

    @Test
    void passagesRouteByCaseAndKeepTheEmbeddedLabels() {
        Passage p = new Passage("c1/d1/0", "c1", "d1", "a.txt", "Journal", "T", "", 1, 0, 5, "Tekst", List.of(),
                List.of("Taushetsplikt"), List.of("Barnevernloven"), Map.of(PassageSchema.DATE, "2025-10-07"));
        SolrInputDocument d = SolrFields.passage(p);
        assertEquals("c1!c1/d1/0", d.getFieldValue(SolrFields.UID), "compositeId: the case before the !");
        assertEquals("journal", d.getFieldValue(PassageSchema.TYPE));
        assertEquals("Journal", d.getFieldValue("f_type"), "facet labels as the embedded index counts them");
        assertEquals("barnevernloven", d.getFieldValue(PassageSchema.LAW));
        assertEquals("Barnevernloven", d.getFieldValue("f_lov"));
        assertEquals("taushetsplikt", d.getFieldValue(PassageSchema.INDICATOR_QUERY).toString().toLowerCase(Locale.ROOT));
        assertEquals(java.time.LocalDate.of(2025, 10, 7).toEpochDay(), d.getFieldValue(PassageSchema.SORT_DATE));
        assertEquals(PassageSchema.NO, d.getFieldValue(PassageSchema.HAS_QUOTE));
    }
}
