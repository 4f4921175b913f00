package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.index.IndexUnreachableException;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.IngestionStopped;
import no.evidens.pipeline.ingest.KeptWorkers;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptNotSaved;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest a bundle (a folder or a .zip) into a case and print its receipt.",
                "Document type comes from the top folder (styringsdokumenter/, journaler/, klientdokumentasjon/; "
                        + "else annet), or from manifest.csv (path,type,title,date[,service,municipality], or in Norwegian "
                        + "fil,type,tittel,dato[,tjeneste,kommune]) in the bundle."})
final class IngestCommand implements Callable<Integer> {
    /**
     * What the command returns when it was stopped. Only a signal stops it, and the JVM then ends with the signal's own
     * status, not this one: 130 after Ctrl-C (SIGINT), 143 after SIGTERM ({@code kill}, {@code systemctl stop}), as the
     * README says; this value, the shell's for SIGINT, is what a caller running the command in its own JVM sees.
     */
    static final int STOPPED = 130;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "The bundle: a folder or a .zip file.")
    Path bundle;

    @Option(names = "--case", required = true, paramLabel = "CASE", description = "The audit case, e.g. fjordvik-2026.")
    String caseId;

    @Option(names = "--municipality", paramLabel = "NAME",
            description = "The municipality the case concerns (a search facet; a manifest's municipality column wins).")
    String municipality;

    @Option(names = "--retry-failed", description = "Read again the files that failed before (same bytes, same "
            + "extractor version); without it they are reported failed again without being read.")
    boolean retryFailed;

    @Option(names = "--json", description = "Print the receipt as JSON.")
    boolean json;

    @Mixin
    HomeOption home;

    @Mixin
    TagsCommand.CodebookOption codebook;

    /** The exit code when the SolrCloud cluster cannot take a bundle now (nothing ingested: run the command again later). */
    static final int NOT_NOW = 4;

    /** The Tika worker kept across the commands of one JVM ({@link EvidensCli#commandLine(KeptWorkers)}); null: one of its own. */
    private final KeptWorkers kept;

    IngestCommand() {
        this(null);
    }

    IngestCommand(KeptWorkers kept) {
        this.kept = kept;
    }

    @Override
    public Integer call() throws Exception {
        Ingestion.checkCaseId(caseId);
        // A path that is not there is the user's slip, like a bad case id: a usage error (exit 2), as for analyze.
        if (!Files.exists(bundle)) {
            throw new IllegalArgumentException("no such folder or .zip file: " + bundle);
        }
        // so is one file that is not a .zip (a PDF given for its folder, say)
        if (!Files.isDirectory(bundle) && !bundle.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            throw new IllegalArgumentException("a bundle is a folder or a .zip file: " + bundle + " (give the folder it lies in)");
        }
        ConsoleProgress progress = new ConsoleProgress(System.err, System.console() != null);
        AtomicBoolean stopAsked = new AtomicBoolean();
        // Ctrl-C: the files begun are finished and committed, the process ends once it has said so (bounded)
        StopHook hook = new StopHook(() -> stopAsked.set(true), WatchCommand.STOP_WAIT);
        try {
            return ingest(stopAsked, progress);
        } finally {
            hook.close();
        }
    }

    private int ingest(AtomicBoolean stopAsked, ConsoleProgress progress) throws Exception {
        Receipt receipt;
        String notSaved = null;
        try {
            EvidensHome h = home.resolve();
            Ingestion ingestion = kept == null ? new Ingestion(h, codebook.forIngestion(h)) : kept.ingestion(h, codebook.forIngestion(h));
            receipt = ingestion.retryFailed(retryFailed).stopWhen(stopAsked::get).ingest(caseId, municipality, bundle, progress);
        } catch (ReceiptNotSaved e) {
            // the account is shown all the same, and the failure to keep it after it
            receipt = e.receipt();
            notSaved = e.getMessage();
        } catch (IndexUnreachableException e) {
            if (IndexUnreachableException.healthIn(e).isEmpty()) {
                throw e;
            }
            // refused at the door by a look at the cluster: nothing was read or written; run the same command again later
            PrintWriter err = spec.commandLine().getErr();
            err.println("evidens: " + e.getMessage());
            err.flush();
            return NOT_NOW;
        } catch (IngestionStopped e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("evidens: " + e.getMessage() + "; run the same command again to go on: the files done come out as"
                    + " duplicates, the rest is read");
            err.flush();
            return STOPPED;
        }
        progress.notSavedAfter(receipt);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(receipt));
            out.flush();
        } else {
            new Output(out, false).receipt(receipt);
        }
        if (notSaved != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("evidens: " + notSaved);
            err.flush();
        }
        return receipt.counts().failed() > 0 ? 3 : notSaved != null ? 1 : 0;
    }
}
