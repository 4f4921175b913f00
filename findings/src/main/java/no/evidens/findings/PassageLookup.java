package no.evidens.index.findings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

import no.evidens.index.EvidenceSearcher;
import no.evidens.index.IndexedDocument;
import no.evidens.index.PassageSchema;

/** Looks up passages and whole documents of the evidence index by id, to cite and to check quotations. */
public final class PassageLookup implements AutoCloseable {
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final EvidenceSearcher documents;

    /**
     * Opens the index read-only.
     *
     * @throws IllegalStateException when there is no index at {@code dir}
     */
    public PassageLookup(Path dir) {
        this.documents = new EvidenceSearcher(dir);
        try {
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("there is no evidence index at " + dir);
            }
            this.reader = DirectoryReader.open(FSDirectory.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index at " + dir + ": " + e.getMessage(), e);
        }
        this.searcher = new IndexSearcher(reader);
    }

    /** The passage with this id ({@code case/docId/n}), if the index has it. */
    public Optional<CitedPassage> passage(String passageId) throws IOException {
        int slash = passageId.lastIndexOf('/');
        if (slash < 0 || passageId.indexOf('/') == slash) {
            throw new IllegalArgumentException("'" + passageId + "' is not a passage id: it looks like case/docId/n (see: evidens search --json)");
        }
        int number;
        try {
            number = Integer.parseInt(passageId.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + passageId + "' is not a passage id: it ends in the passage's number");
        }
        BooleanQuery q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageSchema.ID, passageId)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(PassageSchema.KIND, PassageSchema.KIND_PASSAGE)), BooleanClause.Occur.FILTER)
                .build();
        TopDocs top = searcher.search(q, 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        Document d = searcher.storedFields().document(top.scoreDocs[0].doc);
        return Optional.of(new CitedPassage(passageId, d.get(PassageSchema.CASE), d.get(PassageSchema.DOC), number,
                d.get(PassageSchema.FILE), d.get(PassageSchema.TYPE), d.get(PassageSchema.TITLE),
                intValue(d, PassageSchema.PAGE), intValue(d, PassageSchema.START), intValue(d, PassageSchema.END),
                d.get(PassageSchema.TEXT)));
    }

    /** The whole indexed document. */
    public Optional<IndexedDocument> document(String caseId, String docId) throws IOException {
        return documents.document(caseId, docId);
    }

    private static int intValue(Document d, String field) {
        return d.getField(field).numericValue().intValue();
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            documents.close();
        }
    }
}
