package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

import no.evidens.index.EvidenceSink;

/**
 * Camel's idempotent repository over the evidence index: a content hash is "seen" when the case
 * already holds a file with that hash (but for an incomplete container read again), or when another file of the
 * running batch claimed it first.
 */
final class IndexIdempotentRepository extends ServiceSupport implements IdempotentRepository {
    private final String caseId;
    private final EvidenceSink index;
    private final IncompleteContainers incomplete;
    /** Content hash → path of the file of this batch that claimed it. */
    private final Map<String, String> claimed = new ConcurrentHashMap<>();

    IndexIdempotentRepository(String caseId, EvidenceSink index, IncompleteContainers incomplete) {
        this.caseId = caseId;
        this.index = index;
        this.incomplete = incomplete;
    }

    /**
     * Claims the hash for the file in the exchange's body (a {@link HashedFile}) unless it is seen already; a container
     * in the case with documents missing that is to be read again is not seen ({@link IncompleteContainers}).
     */
    @Override
    public boolean add(Exchange exchange, String sha256) {
        HashedFile file = exchange.getIn().getBody(HashedFile.class);
        String path = file == null ? null : file.entry().path();
        if (!inIndex(sha256)) {
            return claimed.putIfAbsent(sha256, path == null ? "" : path) == null;
        }
        if (path != null && incomplete.readAgain(sha256) && claimed.putIfAbsent(sha256, path) == null) {
            incomplete.readingAgain(path, sha256);
            return true;
        }
        return false;
    }

    @Override
    public boolean add(String sha256) {
        return !inIndex(sha256) && claimed.putIfAbsent(sha256, "") == null;
    }

    /** The file of this batch that holds the same content, or null when it was ingested earlier. */
    String claimedBy(String sha256) {
        String path = claimed.get(sha256);
        return path == null || path.isEmpty() ? null : path;
    }

    @Override
    public boolean contains(String sha256) {
        return claimed.containsKey(sha256) || inIndex(sha256);
    }

    /**
     * Whether the case holds the hash. Camel's idempotent consumer asks on the file's thread and takes exceptions only:
     * an error here (out of memory while the index is looked up) is the file's failure, not an exchange left unfinished.
     */
    private boolean inIndex(String sha256) {
        try {
            return index.contains(caseId, sha256);
        } catch (IOException e) {
            throw new IndexUnreachable(e);
        } catch (Error e) {
            throw new StepErrors.Failed(e);
        }
    }

    /**
     * The index could not say whether the case holds the file (on SolrCloud: no node answered), so the file is not
     * stored: its receipt line says so ({@code not stored}, the engine's message in {@code detail}), and the next
     * ingest of the bundle takes it up. Not a fault of ours, so no stack trace in the log.
     */
    static final class IndexUnreachable extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        IndexUnreachable(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Override
    public boolean remove(String sha256) {
        return claimed.remove(sha256) != null;
    }

    @Override
    public boolean confirm(String sha256) {
        return true;
    }

    @Override
    public void clear() {
        claimed.clear();
    }
}
