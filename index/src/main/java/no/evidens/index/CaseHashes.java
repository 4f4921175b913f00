package no.evidens.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;


/**
 * The content hashes of a case's documents in the embedded index as last committed, read once with a plain
 * reader (no writer, no lock): the same answers as the writer's "is this hash already in the case?" (a
 * document entry of the case with that hash), for every file of a bundle at the cost of one pass over the
 * hash field's terms instead of one search per file.
 *
 * <p>They can also be kept in a file beside the index ({@link #read(Path, String, Path)}), written for one commit
 * and named by it: while the index's last commit is that one, the hashes are taken from the file and Lucene is not
 * used at all. Opening a reader starts Lucene's lookup of its codecs among the services of every jar on the class
 * path, which in a re-ingest of an unchanged bundle cost more than the rest of the look at the index.
 */
public final class CaseHashes {
    /** The first line of a file of hashes; another first line (an older format) is not trusted. */
    private static final String FORMAT = "evidens case hashes 1";

    private CaseHashes() {
    }

    /**
     * The hashes of the case's documents as {@link #read(Path, String)} gives them, taken from {@code memory} when
     * that file was written for the index's last commit; else read from the index, and the file written again for
     * the commit read (not when the commit is gone by then: a newer one has been made meanwhile).
     *
     * <p>A commit is named by its {@code segments_N} file, its name and a SHA-256 of its bytes: Lucene never writes
     * a commit's file twice under one name, and a file of the same name in an index made again differs in its bytes
     * (each commit holds ids drawn at random), so hashes kept for one commit are never taken for another.
     */
    public static Set<String> read(Path indexDir, String caseId, Path memory) throws IOException {
        String commit = lastCommit(indexDir);
        if (commit == null) {
            return read(indexDir, caseId);
        }
        Set<String> remembered = remembered(memory, commit);
        if (remembered != null) {
            return remembered;
        }
        Set<String> out = new HashSet<>();
        try (Directory dir = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                addHashes(leaf.reader(), caseId, out);
            }
            String read = commitName(dir, reader.getIndexCommit().getSegmentsFileName());
            if (read != null) {
                remember(memory, read, out);
            }
        }
        return out;
    }

    /**
     * The index's last commit as {@link #commitName} names it, found as Lucene finds it (the {@code segments_N} file of
     * the highest generation), without Lucene's reader; null when there is no index or no commit.
     */
    static String lastCommit(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return null;
        }
        String[] names;
        try (Stream<Path> files = Files.list(indexDir)) {
            names = files.map(f -> f.getFileName().toString()).toArray(String[]::new);
        }
        String last = SegmentInfos.getLastCommitSegmentsFileName(names);
        if (last == null) {
            return null;
        }
        try {
            return last + " " + sha256(Files.readAllBytes(indexDir.resolve(last)));
        } catch (NoSuchFileException e) {
            return null; // replaced by a newer commit meanwhile: read through Lucene, as before
        }
    }

    /** A commit's name: its segments file's name and the SHA-256 of its bytes; null when the file is gone. */
    private static String commitName(Directory dir, String segmentsFile) throws IOException {
        try (IndexInput in = dir.openInput(segmentsFile, IOContext.READONCE)) {
            byte[] bytes = new byte[Math.toIntExact(in.length())];
            in.readBytes(bytes, 0, bytes.length);
            return segmentsFile + " " + sha256(bytes);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The hashes in the file when it was written whole for this commit; null otherwise (or when it cannot be read). */
    private static Set<String> remembered(Path memory, String commit) {
        try {
            List<String> lines = Files.readAllLines(memory, StandardCharsets.UTF_8);
            // The format, the commit, the count of hashes, then the hashes: a file cut short is not trusted.
            if (lines.size() < 3 || !FORMAT.equals(lines.get(0)) || !commit.equals(lines.get(1))
                    || Integer.parseInt(lines.get(2)) != lines.size() - 3) {
                return null;
            }
            return new HashSet<>(lines.subList(3, lines.size()));
        } catch (IOException | RuntimeException e) {
            return null; // none yet, or broken: the index is read instead
        }
    }

    /** Writes the file for this commit, whole or not at all (a new file moved over the old). */
    private static void remember(Path memory, String commit, Set<String> hashes) {
        List<String> lines = new ArrayList<>(hashes.size() + 3);
        lines.add(FORMAT);
        lines.add(commit);
        lines.add(String.valueOf(hashes.size()));
        lines.addAll(hashes);
        Path part = memory.resolveSibling(memory.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        try {
            Files.createDirectories(memory.toAbsolutePath().getParent());
            Files.write(part, lines, StandardCharsets.UTF_8);
            try {
                Files.move(part, memory, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, memory, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // Not kept: the next ingest reads the index, as it did before such files existed.
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
