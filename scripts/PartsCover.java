import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

import no.evidens.index.PassageSchema;

/**
 * How a word's entries in the compound-parts field cover its entries in the text, on a bench index (`evidens bench search
 * --dir DIR` keeps one):
 *
 *   java -Xmx1g -cp pipeline/target/evidens.jar scripts/PartsCover.java DIR [MIN]
 *
 * For every word with at least MIN (default 1,000) entries in a segment's text field, the entries it has in the text,
 * those of them without the word in the parts field, its entries in the parts field, and the union of its entries in
 * the text, the parts and the heading (the hits a one-word search counts), summed over the words and segments. Whether
 * one field could tell which entries a word matches; not how they score.
 */
public class PartsCover {
    public static void main(String[] args) throws Exception {
        int min = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long words = 0;
        long text = 0;
        long textOnly = 0;
        long parts = 0;
        long union = 0;
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
            for (LeafReaderContext leaf : reader.leaves()) {
                int maxDoc = Math.max(1, leaf.reader().maxDoc());
                TermsEnum inText = iterator(leaf.reader().terms(PassageSchema.TEXT));
                TermsEnum inParts = iterator(leaf.reader().terms(PassageSchema.PARTS));
                TermsEnum inHeading = iterator(leaf.reader().terms(PassageSchema.HEADING));
                if (inText == null) {
                    continue;
                }
                for (BytesRef word = inText.next(); word != null; word = inText.next()) {
                    if (inText.docFreq() < min) {
                        continue;
                    }
                    words++;
                    FixedBitSet t = entries(inText, maxDoc);
                    FixedBitSet p = inParts != null && inParts.seekExact(word) ? entries(inParts, maxDoc) : new FixedBitSet(maxDoc);
                    FixedBitSet all = p.clone();
                    all.or(t);
                    if (inHeading != null && inHeading.seekExact(word)) {
                        all.or(entries(inHeading, maxDoc));
                    }
                    FixedBitSet missing = t.clone();
                    missing.andNot(p);
                    text += t.cardinality();
                    textOnly += missing.cardinality();
                    parts += p.cardinality();
                    union += all.cardinality();
                }
            }
        }
        System.out.printf(Locale.ROOT, "words (per segment) with at least %,d text entries: %,d%n", min, words);
        System.out.printf(Locale.ROOT, "their text entries %,d, of which without the word in the parts %,d; parts entries %,d;"
                + " text, parts and heading together %,d%n", text, textOnly, parts, union);
    }

    private static TermsEnum iterator(Terms terms) throws IOException {
        return terms == null ? null : terms.iterator();
    }

    /** The entries of the term a terms enum stands on. */
    private static FixedBitSet entries(TermsEnum te, int maxDoc) throws IOException {
        FixedBitSet bits = new FixedBitSet(maxDoc);
        bits.or(te.postings(null, PostingsEnum.NONE));
        return bits;
    }
}
