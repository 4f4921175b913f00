package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

import no.evidens.index.EvidenceIndexWriter;

/**
 * Camel's idempotent repository over the evidence index: a content hash is "seen" when the case
 * already holds a file with that hash, or when another file of the running batch claimed it first.
 */
final class IndexIdempotentRepository extends ServiceSupport implements IdempotentRepository {
    private final String caseId;
    private final EvidenceIndexWriter index;
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    IndexIdempotentRepository(String caseId, EvidenceIndexWriter index) {
        this.caseId = caseId;
        this.index = index;
    }

    @Override
    public boolean add(String sha256) {
        return !inIndex(sha256) && claimed.add(sha256);
    }

    @Override
    public boolean contains(String sha256) {
        return claimed.contains(sha256) || inIndex(sha256);
    }

    private boolean inIndex(String sha256) {
        try {
            return index.contains(caseId, sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean remove(String sha256) {
        return claimed.remove(sha256);
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
