package no.evidens.pipeline.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.NoSuchFileException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import no.evidens.index.DocumentPart;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.IndexHealth;
import no.evidens.index.IndexedDocument;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.index.SettledRead;
import no.evidens.pipeline.ingest.CaseVersions;

/**
 * The index as search shows it: the passages of earlier versions of corrected files ({@link CaseVersions}) are left
 * out of every search (its hits, count and facet counts) unless the request asks for all versions; reading a document,
 * a passage or its context, and checking a quotation, see every version as before. The register of each case is read
 * again when its file may have changed (an ingest in another process): when its time or size differs, or it was
 * written within a coarse file clock's tick of the last reading ({@link SettledRead}).
 */
public final class CurrentVersions implements EvidenceIndex {
    /** The most like passages asked for to fill a page without earlier versions. */
    private static final int MAX_LIKE_ASKED = 2_000;
    private final EvidenceIndex index;
    private final CaseVersions versions;
    /** A case's register file → its documents left out, as last read ({@link SettledRead}: read again after every write). */
    private final Map<Path, SettledRead<Set<String>>> read = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public CurrentVersions(EvidenceIndex index, Path home) {
        this(index, home, System::currentTimeMillis);
    }

    /** @param clock this machine's time in milliseconds, compared with the registers' file times */
    CurrentVersions(EvidenceIndex index, Path home, LongSupplier clock) {
        this.index = index;
        this.versions = new CaseVersions(home);
        this.clock = clock;
    }

    /** The documents a search of {@code caseId} (null: every case) leaves out, each as {@code case/docId}. */
    public Set<String> leftOut(String caseId) throws IOException {
        if (caseId != null) {
            return leftOut(caseId, versions.file(caseId));
        }
        if (!Files.isDirectory(versions.folder())) {
            return Set.of();
        }
        Set<String> all = new HashSet<>();
        try (Stream<Path> files = Files.list(versions.folder())) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                String name = f.getFileName().toString();
                all.addAll(leftOut(name.substring(0, name.length() - ".json".length()), f));
            }
        }
        return all;
    }

    private Set<String> leftOut(String caseId, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        try {
            return read.computeIfAbsent(file, f -> new SettledRead<>(f, () -> superseded(caseId), clock)).get();
        } catch (NoSuchFileException gone) {
            return Set.of(); // taken away since it was looked for (a case deleted)
        }
    }

    private Set<String> superseded(String caseId) {
        Set<String> keys = new HashSet<>();
        versions.of(caseId).superseded().keySet().forEach(doc -> keys.add(caseId + "/" + doc));
        return Set.copyOf(keys);
    }

    /**
     * The newest version of a document that a corrected bundle replaced, when {@code index} knows the case's versions and
     * the document is an earlier one.
     */
    public static Optional<CaseVersions.Replaced> newerVersion(EvidenceIndex index, String caseId, String docId) {
        return index instanceof CurrentVersions current ? CaseVersions.newest(current.versions.of(caseId), docId) : Optional.empty();
    }

    private SearchRequest current(SearchRequest request) throws IOException {
        return request.allVersions() || !request.leftOut().isEmpty() ? request : request.leavingOut(leftOut(request.caseId()));
    }

    @Override
    public boolean hasIndex() {
        return index.hasIndex();
    }

    @Override
    public boolean writable() {
        return index.writable();
    }

    @Override
    public Optional<IndexHealth> health() {
        return index.health();
    }

    @Override
    public SearchResult search(SearchRequest request) throws IOException {
        return index.search(current(request));
    }

    @Override
    public SearchResult searchForGrouping(SearchRequest request, int groupedHits, int perDocument) throws IOException {
        return index.searchForGrouping(current(request), groupedHits, perDocument);
    }

    @Override
    public Optional<SearchHit> passage(String passageId) throws IOException {
        return index.passage(passageId);
    }

    @Override
    public List<SearchHit> passagesOf(String caseId, String docId) throws IOException {
        return index.passagesOf(caseId, docId);
    }

    @Override
    public List<SearchHit> passagesIn(String caseId, String docId, int from, int to) throws IOException {
        return index.passagesIn(caseId, docId, from, to);
    }

    @Override
    public List<SearchHit> context(String passageId, int before, int after) throws IOException {
        return index.context(passageId, before, after);
    }

    @Override
    public SearchResult moreLikeThis(String passageId, String documentType, int limit) throws IOException {
        Optional<SearchHit> of = index.passage(passageId);
        Set<String> out = of.isEmpty() ? Set.of() : leftOut(of.get().caseId());
        if (out.isEmpty()) {
            return index.moreLikeThis(passageId, documentType, limit);
        }
        // "Like this" takes no search request to leave them out by: the earlier versions' passages are taken off the
        // like passages found, asking for more until the page is full or the index has no more (bounded).
        for (int asked = limit * 2 + 20; ; asked *= 4) {
            SearchResult like = index.moreLikeThis(passageId, documentType, asked);
            List<SearchHit> current = like.hits().stream().filter(h -> !out.contains(h.caseId() + "/" + h.docId())).toList();
            if (current.size() >= limit || like.hits().size() < asked || asked >= MAX_LIKE_ASKED) {
                List<SearchHit> page = current.subList(0, Math.min(limit, current.size()));
                return new SearchResult(like.query(), current.size(), like.tookMs(), page, Map.of(), like.relaxed());
            }
        }
    }

    @Override
    public List<Mark> marks(String caseId, String docId, String queryText) throws IOException {
        return index.marks(caseId, docId, queryText);
    }

    @Override
    public List<Mark> marksIn(String caseId, String docId, String queryText, int from, int to) throws IOException {
        return index.marksIn(caseId, docId, queryText, from, to);
    }

    @Override
    public List<Integer> matchStarts(String caseId, String docId, String queryText) throws IOException {
        return index.matchStarts(caseId, docId, queryText);
    }

    @Override
    public Optional<IndexedDocument> document(String caseId, String docId) throws IOException {
        return index.document(caseId, docId);
    }

    @Override
    public Optional<DocumentPart> documentPart(String caseId, String docId, int from, int to) throws IOException {
        return index.documentPart(caseId, docId, from, to);
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
