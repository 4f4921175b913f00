package no.evidens.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * {@code evidens solr init}: uploads the Evidens config set to a SolrCloud and creates the collection,
 * routed by case (compositeId: the unique key {@code case!id} keeps a case's passages on one shard).
 */
public final class SolrSetup {
    /** The config set's name on the cluster. */
    public static final String CONFIG_SET = "evidens";
    /** The files of the config set, under {@code no/evidens/solr/configset/} in this module. */
    static final List<String> FILES = List.of("solrconfig.xml", "schema.xml", "stopwords_nn.txt", "compound-parts.txt",
            "synonyms.txt");

    /** How long a new collection may take to have every replica active. */
    private static final long CREATE_TIMEOUT_MS = 120_000;

    /** What init did. */
    public record Outcome(String configSet, String collection, boolean created, int shards, int replicas, List<String> liveNodes) {
    }

    private SolrSetup() {
    }

    /**
     * Uploads (or replaces) the config set and creates the collection unless it exists.
     *
     * @param shards   shards of a new collection
     * @param replicas replicas of each shard
     */
    public static Outcome init(SolrTarget target, int shards, int replicas) throws IOException {
        return init(target, shards, replicas, null);
    }

    /**
     * Uploads (or replaces) the config set, with {@code synonyms} (a home's own {@code synonyms.txt}, or null
     * for the shipped one), and creates the collection unless it exists; an existing collection is reloaded so
     * that its nodes analyse with the new files.
     */
    public static Outcome init(SolrTarget target, int shards, int replicas, Path synonyms) throws IOException {
        try (SolrNodes nodes = new SolrNodes(target)) {
            ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload()
                    .setConfigSetName(CONFIG_SET)
                    .setOverwrite(true)
                    .setCleanup(true);
            upload.setUploadStream(new ContentStreamBase.ByteArrayStream(configSetZip(synonyms), "configset.zip", "application/zip"));
            nodes.request(upload, null);
            boolean created = false;
            if (!nodes.hasCollection()) {
                CollectionAdminRequest.Create create = CollectionAdminRequest
                        .createCollection(target.collection(), CONFIG_SET, shards, replicas)
                        .setRouterName("compositeId");
                nodes.request(create, null);
                nodes.awaitActive(CREATE_TIMEOUT_MS);
                created = true;
            } else {
                nodes.request(CollectionAdminRequest.reloadCollection(target.collection()), null);
            }
            return new Outcome(CONFIG_SET, target.collection(), created, shards, replicas, nodes.liveNodes());
        }
    }

    /** The config set as the zip that Solr's config set API takes. */
    static byte[] configSetZip(Path synonyms) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : FILES) {
                boolean own = synonyms != null && "synonyms.txt".equals(file);
                try (InputStream in = own ? Files.newInputStream(synonyms) : SolrSetup.class.getResourceAsStream("configset/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("the config set file " + file + " is missing from the solr module");
                    }
                    zip.putNextEntry(new ZipEntry(file));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
