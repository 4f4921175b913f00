package no.evidens.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.lucene.analysis.Analyzer;

import no.evidens.index.EvidenceIndex;
import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexFormat;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.index.IndexHealth;
import no.evidens.index.IndexUnreachableException;
import no.evidens.solr.ClusterHealth;
import no.evidens.solr.SolrEvidenceIndex;
import no.evidens.solr.SolrEvidenceSink;
import no.evidens.solr.SolrTarget;

/**
 * Which engine holds a home's evidence index, chosen at start-up: the embedded Lucene index in the home
 * folder (the default), or a SolrCloud collection, named by {@code --solr ZK_HOST[/chroot][#collection]}
 * (the {@value #PROPERTY} system property) or by a {@code solr: …} line in the home's {@value #SETTINGS}.
 * Everything else (receipts, findings, work files) stays in the home folder either way.
 */
public record IndexBackend(EvidensHome home, SolrTarget solr) {
    /** The system property that {@code --solr} sets for the run. */
    public static final String PROPERTY = "evidens.solr";
    /** The home's settings file: {@code solr: zk1:2181,zk2:2181/solr}. */
    public static final String SETTINGS = "evidens.properties";
    /**
     * The home's note of the SolrCloud nodes that did not answer in time (a hung node), so that the next commands try them
     * after the others for the rest of their while instead of each waiting on them again (round 55).
     */
    public static final String NODES_ASIDE = "solr-nodes-set-aside.txt";

    /** The home's engine: {@code --solr}, else the home's setting, else the embedded index. */
    public static IndexBackend of(EvidensHome home) {
        String address = System.getProperty(PROPERTY);
        if (address == null || address.isBlank()) {
            address = setting(home.root().resolve(SETTINGS));
        }
        return new IndexBackend(home, address == null || address.isBlank() ? null
                : SolrTarget.parse(address).rememberingNodesAsideIn(home.root().resolve(NODES_ASIDE)));
    }

    private static String setting(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the settings " + file + ": " + e.getMessage(), e);
        }
        return p.getProperty("solr");
    }

    /** Whether there may be an index to read: a SolrCloud collection, or an index folder in the home. */
    public boolean mayHaveIndex() {
        return isSolr() || Files.isDirectory(home.index());
    }

    public boolean isSolr() {
        return solr != null;
    }

    /** Where the index is, for messages: the folder, or {@code SolrCloud ZK#collection}. */
    public String describe() {
        return isSolr() ? "SolrCloud " + solr : home.index().toString();
    }

    /** What queries are read with: the shipped synonyms, or the home's {@value EvidensHome#SYNONYMS}. */
    public Analyzer queryAnalyzer() {
        Path synonyms = home.root().resolve(EvidensHome.SYNONYMS);
        return NorwegianAnalysis.queryAnalyzer(Files.isRegularFile(synonyms) ? synonyms : null);
    }

    /**
     * The index, to search it now.
     *
     * @throws no.evidens.index.NoIndexException when there is no index yet
     */
    public EvidenceIndex open() {
        if (!isSolr()) {
            return current(new EvidenceSearcher(home.index(), queryAnalyzer()));
        }
        SolrEvidenceIndex index = new SolrEvidenceIndex(solr, queryAnalyzer());
        if (!index.hasIndex()) {
            try {
                index.close();
            } catch (IOException ignored) {
                // the missing index is what to report
            }
            throw new no.evidens.index.NoIndexException("SolrCloud " + solr + " (run evidens solr init, then ingest)");
        }
        return current(index);
    }

    /** Search as it shows a case: the earlier versions of corrected files left out unless asked for. */
    private EvidenceIndex current(EvidenceIndex index) {
        return new no.evidens.pipeline.search.CurrentVersions(index, home.root());
    }

    /**
     * The index for a server: it answers once there is one (until then {@link EvidenceIndex#hasIndex()} is false); on
     * SolrCloud it opens without ZooKeeper and connects once ZooKeeper answers (searches answer 503 meanwhile).
     */
    public EvidenceIndex whenIndexed() {
        return current(isSolr() ? SolrEvidenceIndex.connectingInTheBackground(solr, queryAnalyzer())
                : EvidenceSearcher.whenIndexed(home.index(), queryAnalyzer()));
    }

    /**
     * Refuses an ingestion at the door when a look at the cluster finds a part it writes through failing (a shard without a
     * leader that answers, a core stuck, no live node): said at once, with what to do, where the ingestion would read the
     * bundle and then wait on its first write for a minute. A ZooKeeper that cannot be reached is said as a connection to
     * it always says it (after the connect wait); the embedded index is refused only when a newer Evidens wrote it (round
     * 52: before, after the bundle was read, its files counted and a "Stopped" line). On a cluster that is well the look takes a few
     * milliseconds beside the connection; it is bounded (about 5 s) however the cluster fails.
     *
     * @throws IndexUnreachableException carrying the look ({@link IndexUnreachableException#healthIn}): nothing was read
     * @throws IllegalStateException caused by an {@link IndexUnreachableException} when ZooKeeper cannot be reached
     */
    public void requireWritable() throws IndexUnreachableException {
        requireWritable("a bundle");
    }

    /** {@link #requireWritable()}, saying what the cluster cannot take ({@code a bundle}, {@code a reindex}). */
    public void requireWritable(String what) throws IndexUnreachableException {
        if (!isSolr()) {
            try {
                // an index a newer Evidens wrote is said at once, not after the bundle is read and its files counted
                IndexFormat.requireKnown(home.index(), formatMemory());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        IndexHealth h = ClusterHealth.lookOnce(solr);
        if (h.state().holdsWrites()) {
            throw IndexUnreachableException.found("SolrCloud " + solr + " cannot take " + what + " now (" + h.state().code() + "): "
                    + ClusterWords.said(h), h);
        }
    }

    /**
     * Looks at the embedded index's last commit once its writer has made it and is closed (Lucene's classes are loaded by
     * then), so that the next ingest's {@link #requireWritable()} finds it remembered and does not read it: an unchanged
     * bundle's re-ingest right after its first ingest. A look that fails is only a look not saved; that ingest says why.
     */
    public void rememberFormat() {
        if (!isSolr()) {
            try {
                IndexFormat.requireKnown(home.index(), formatMemory());
            } catch (IOException | RuntimeException e) {
                // the next ingest looks at the commit itself, and refuses it in its own words if it must
            }
        }
    }

    /** The last commit found known, beside the cases' hashes (a name no case's file has: theirs end in .txt). */
    private Path formatMemory() {
        return home.root().resolve("hashes").resolve("index-format");
    }

    /** The writer of an ingestion. */
    public EvidenceSink openSink() {
        return isSolr() ? new SolrEvidenceSink(solr) : embeddedWriter(home);
    }

    /**
     * A writer of the home's embedded index. Every writer of it is opened here (an ingestion, {@code case delete-records}),
     * so that each leaves the release mark when closed ({@link IndexReleases}): an upload waiting for the index goes on at
     * once, whichever command held it.
     */
    public static EvidenceIndexWriter embeddedWriter(EvidensHome home) {
        return new EvidenceIndexWriter(home.index(), () -> IndexReleases.mark(home.root()));
    }
}
