package no.evidens.evaluation.relevance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

import no.evidens.evaluation.extraction.ExtractionEval;
import no.evidens.evaluation.extraction.ReportDocx;
import no.evidens.index.PassageSchema;

/**
 * The real report excerpts of {@code ../shared/eval-dev} as a searchable collection: each excerpt rendered
 * as a Word report ({@link ReportDocx}, as {@code evidens eval extraction --texts} renders it) into a bundle
 * folder {@code rapporter/NNN.docx}, ingested as case {@value #CASE_ID}; and the indexed passages read back
 * with their offsets, so that judgements (file number and offset) resolve to passages.
 */
public final class EvalDevCollection {
    public static final String CASE_ID = "eval-dev";
    static final String FOLDER = "rapporter/";

    /** An indexed passage: its id, the excerpt's file number, its span in the document's normalised text. */
    public record IndexedPassage(String id, String file, int start, int end, String text) {
    }

    private final List<IndexedPassage> passages;
    private final Map<String, String> texts;

    private EvalDevCollection(List<IndexedPassage> passages, Map<String, String> texts) {
        this.passages = List.copyOf(passages);
        this.texts = Map.copyOf(texts);
    }

    /** Renders every {@code .txt} of {@code evalDev} as a Word report under {@code bundle/rapporter/}. */
    public static int writeBundle(Path evalDev, Path bundle) throws IOException {
        if (!Files.isDirectory(evalDev)) {
            throw new IllegalArgumentException("no eval-dev folder at " + evalDev.toAbsolutePath().normalize()
                    + " (give it with --eval-dev DIR)");
        }
        Path folder = Files.createDirectories(bundle.resolve(FOLDER));
        int n = 0;
        try (Stream<Path> s = Files.list(evalDev)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String name = f.getFileName().toString();
                ReportDocx.Rendered docx = ReportDocx.render(ExtractionEval.withoutHeader(Files.readString(f, StandardCharsets.UTF_8)));
                Files.write(folder.resolve(name.substring(0, name.length() - 4) + ".docx"), docx.bytes());
                n++;
            }
        }
        return n;
    }

    /** The passages and document texts of the collection in the index at {@code index}. */
    public static EvalDevCollection read(Path index) throws IOException {
        List<IndexedPassage> passages = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if (live != null && !live.get(i)) {
                        continue;
                    }
                    Document d = stored.document(i);
                    if (!CASE_ID.equals(d.get(PassageSchema.CASE))) {
                        continue;
                    }
                    String file = fileNumber(d.get(PassageSchema.FILE));
                    if (d.get(PassageSchema.DOC_TEXT) != null) {
                        texts.put(file, d.get(PassageSchema.DOC_TEXT));
                    } else if (d.get(PassageSchema.TEXT) != null) {
                        passages.add(new IndexedPassage(d.get(PassageSchema.ID), file,
                                d.getField(PassageSchema.START).numericValue().intValue(),
                                d.getField(PassageSchema.END).numericValue().intValue(), d.get(PassageSchema.TEXT)));
                    }
                }
            }
        }
        return new EvalDevCollection(passages, texts);
    }

    /** {@code rapporter/072.docx} → {@code 072}. */
    static String fileNumber(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    public List<IndexedPassage> passages() {
        return passages;
    }

    /** The passage of {@code file} whose span holds {@code offset}, or null. */
    public IndexedPassage at(String file, int offset) {
        for (IndexedPassage p : passages) {
            if (p.file().equals(file) && p.start() <= offset && offset < p.end()) {
                return p;
            }
        }
        return null;
    }

    /** The check of a judgement at {@code offset} of {@code file}: 8 hex digits of the SHA-1 of 32 characters from there. */
    public String check(String file, int offset) {
        String text = texts.get(file);
        if (text == null || offset < 0 || offset >= text.length()) {
            return "--------";
        }
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1")
                    .digest(text.substring(offset, Math.min(text.length(), offset + 32)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
