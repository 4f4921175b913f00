package no.evidens.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;


/**
 * The content hashes of a case's documents in the embedded index as last committed, read once with a plain
 * reader (no writer, no lock): the same answers as the writer's "is this hash already in the case?" (a
 * document entry of the case with that hash), for every file of a bundle at the cost of one pass over the
 * hash field's terms instead of one search per file.
 */
public final class CaseHashes {
    private CaseHashes() {
    }

    /** The hashes of the case's documents (files and the documents inside them); empty when there is no index yet. */
    public static Set<String> read(Path indexDir, String caseId) throws IOException {
        Set<String> out = new HashSet<>();
        if (!Files.isDirectory(indexDir)) {
            return out;
        }
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return out;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    addHashes(leaf.reader(), caseId, out);
                }
            }
        }
        return out;
    }

    private static void addHashes(LeafReader r, String caseId, Set<String> out) throws IOException {
        FixedBitSet inCase = docs(r, new Term(PassageSchema.CASE, caseId));
        FixedBitSet documents = docs(r, new Term(PassageSchema.KIND, PassageSchema.KIND_DOCUMENT));
        Terms hashes = r.terms(PassageSchema.SHA256);
        if (inCase == null || documents == null || hashes == null) {
            return;
        }
        inCase.and(documents);
        Bits live = r.getLiveDocs();
        TermsEnum terms = hashes.iterator();
        PostingsEnum postings = null;
        for (BytesRef hash = terms.next(); hash != null; hash = terms.next()) {
            postings = terms.postings(postings, PostingsEnum.NONE);
            for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                if (inCase.get(d) && (live == null || live.get(d))) {
                    out.add(hash.utf8ToString());
                    break;
                }
            }
        }
    }

    /** The segment's documents holding the term, or null when none does. */
    private static FixedBitSet docs(LeafReader r, Term term) throws IOException {
        PostingsEnum postings = r.postings(term, PostingsEnum.NONE);
        if (postings == null) {
            return null;
        }
        FixedBitSet bits = new FixedBitSet(r.maxDoc());
        for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
            bits.set(d);
        }
        return bits;
    }
}
