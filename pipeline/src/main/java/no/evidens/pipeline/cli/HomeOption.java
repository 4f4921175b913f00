package no.evidens.pipeline.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import no.evidens.index.EvidenceIndex;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.UserNotes;

/** The {@code --home} and {@code --solr} options shared by the commands that use local data. */
final class HomeOption {
    /** Where the home's notes go: the command line's stderr ({@link EvidensCli} makes each so), else the log. */
    private final UserNotes notes;

    HomeOption() {
        this(UserNotes.LOG);
    }

    HomeOption(UserNotes notes) {
        this.notes = notes;
    }

    @Option(names = "--home", paramLabel = "DIR",
            description = "Home folder for the index and receipts (default: $EVIDENS_HOME, else ./evidens-data).")
    Path home;

    /** Chosen for the whole run: every part of the command (and a server it starts) uses the same index. */
    @Option(names = "--solr", paramLabel = "ZK_HOST[/chroot][#collection]",
            description = "Use the evidence index on this SolrCloud (default: a 'solr:' line in <home>/evidens.properties, "
                    + "else the embedded index in the home folder). The collection defaults to 'evidens'.")
    void solr(String address) {
        System.setProperty(IndexBackend.PROPERTY, address);
    }

    /** Chosen for the whole run, as {@code --solr}: every part of the command (and a server it starts) uses the same stores. */
    @Option(names = "--store", paramLabel = "tcp://HOST[:PORT]",
            description = "Keep the findings and accounts on this store server (evidens store serve; default: a 'store:' line in "
                    + "<home>/evidens.properties, else the home folder). Its password: $EVIDENS_STORE_PASSWORD, else <home>/store.password.")
    void store(String address) {
        // parsed now, so that a mistyped address is said before the command does anything
        no.evidens.pipeline.store.StoreServer.parse(address);
        System.setProperty(no.evidens.pipeline.store.HomeStores.PROPERTY, address);
    }

    /** The home, its notes said as the command line's ({@code evidens: …} on stderr). */
    EvidensHome resolve() {
        return EvidensHome.resolve(home).withNotes(notes);
    }

    /** The home's index (embedded or on SolrCloud), with the home's synonyms.txt when it has one. */
    EvidenceIndex openSearcher() {
        return IndexBackend.of(resolve()).open();
    }
}
