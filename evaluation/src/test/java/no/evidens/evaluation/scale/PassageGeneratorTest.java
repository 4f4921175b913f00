package no.evidens.evaluation.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;

/** The bench's corpus is fixed: figures of different versions are measured on the same passages. */
class PassageGeneratorTest {
    /**
     * SHA-256 of what the first 300 documents of the bench's seed hold (see {@link #content}), as generated
     * before the generator was made faster: the same on that code and on this.
     */
    private static final String FIRST_300 = "0b362d1e5bd30fec9f2a2ccaf88486f639719576a188f48e67a5d924512252ba";

    @Test
    void theBenchGeneratesTheSameDocumentsAsBefore() throws Exception {
        PassageGenerator g = new PassageGenerator(CorpusVocabulary.ofSampleBundle(), SearchBench.SEED);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (long n = 0; n < 300; n++) {
            sha.update(content(g.document(n)).getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(FIRST_300, HexFormat.of().formatHex(sha.digest()));
    }

    /** What a generated document holds, field by field: not a record's toString, which grows with the record. */
    static String content(PassageGenerator.Generated g) {
        IndexedDocument d = g.document();
        StringBuilder out = new StringBuilder(String.join("|", d.docId(), d.caseId(), d.file(), d.type(), d.title(),
                d.sha256(), d.mediaType(), d.text(), d.pageStarts().toString())).append('\n');
        for (Passage p : g.passages()) {
            out.append(String.join("|", p.passageId(), p.heading(), String.valueOf(p.page()), String.valueOf(p.start()),
                    String.valueOf(p.end()), p.text(), p.quotes().toString(), p.indicators().toString(), p.laws().toString(),
                    new TreeMap<>(p.documentFacets()).toString())).append('\n');
        }
        return out.toString();
    }
}
