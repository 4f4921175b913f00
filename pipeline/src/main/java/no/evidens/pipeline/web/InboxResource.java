package no.evidens.pipeline.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.inbox.InboxSaving;
import no.evidens.pipeline.inbox.InboxState;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;
import no.evidens.pipeline.lang.Texts;

/**
 * {@code GET /api/inbox}: the queue of {@code evidens watch --inbox} (read-only): the bundles waiting, the one
 * being ingested and those finished. Someone who sees every case sees every bundle; anyone else sees the
 * running and finished bundles of their own cases, and only how many others wait (an administrator, who manages
 * accounts and not the cases' contents, too). A bundle with files that failed names them and why.
 */
final class InboxResource implements Routes.Resource {
    /** The most files that failed listed for one bundle (its receipt lists them all). */
    static final int FAILED_SHOWN = 20;

    private final EvidensHome home;

    InboxResource(EvidensHome home) {
        this.home = home;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/inbox", (x, p) -> {
            InboxState state = InboxState.read(home);
            CaseAccess access = x.access();
            boolean all = access.allCases();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("watching", state != null);
            if (state == null) {
                out.put("waiting", List.of());
                out.put("finished", List.of());
                x.json(200, out);
                return;
            }
            out.put("alive", InboxState.watcherAlive(home));
            // a state the watcher could not save (its home's disk full): the lists below are as last saved
            Optional<InboxSaving.NotSaved> notSaved = InboxSaving.read(home);
            out.put("stateSaved", notSaved.isEmpty());
            out.put("stateNotSaved", notSaved.map(n -> notSaved(n, Texts.of(ErrorTexts.language(x)))).orElse(null));
            List<String> waiting = InboxState.waiting(Path.of(state.inbox()));
            InboxState.Running running = state.running();
            boolean showRunning = running != null && (all || (running.caseId() != null && access.role(running.caseId()).isPresent()));
            if (all) {
                out.put("inbox", state.inbox());
            }
            out.put("waiting", all ? waiting.stream().filter(w -> running == null || !w.equals(running.bundle())).toList() : List.of());
            out.put("waitingCount", waiting.size() - (running != null && waiting.contains(running.bundle()) ? 1 : 0));
            out.put("running", showRunning ? running : null);
            Texts texts = Texts.of(ErrorTexts.language(x));
            out.put("finished", state.finished().stream()
                    .filter(f -> all || (f.caseId() != null && access.role(f.caseId()).isPresent()))
                    .map(f -> finished(f, Path.of(state.inbox()), texts)).toList());
            x.json(200, out);
        });
    }

    /**
     * A finished bundle as the watcher saved it and, when files of it failed, which ({@code failedList}: at most
     * {@value #FAILED_SHOWN}, each {@code path} and {@code reasonText} in the user's language), read from its receipt: the
     * receipt lies beside the bundle in {@code done/}, where a team's auditor, who has only the workspace, cannot look.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> finished(InboxState.Finished f, Path inbox, Texts t) {
        Map<String, Object> out = Json.mapper().convertValue(f, LinkedHashMap.class);
        if (f.failedFiles() > 0 && f.receipt() != null) {
            List<Map<String, String>> failed = new ArrayList<>();
            try {
                for (ReceiptFile file : Json.mapper().readValue(inbox.resolve(f.receipt()).toFile(), Receipt.class).files()) {
                    if (ReceiptFile.FAILED.equals(file.status()) && failed.size() < FAILED_SHOWN) {
                        Map<String, String> line = new LinkedHashMap<>();
                        line.put("path", file.path());
                        line.put("reasonText", ReceiptWords.reason(file, t));
                        failed.add(line);
                    }
                }
            } catch (IOException e) {
                // the receipt was moved or deleted since: the count stays, the list is left out
                return out;
            }
            out.put("failedList", failed);
        }
        return out;
    }

    /** Since when the state has not been saved, why (its code), and the page's sentence in the user's language. */
    private static Map<String, String> notSaved(InboxSaving.NotSaved n, Texts t) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("since", n.since());
        out.put("errorCode", n.errorCode());
        out.put("text", t.get("ui.inbox.notSaved." + n.errorCode(), ServerTime.words(Instant.parse(n.since()))));
        return out;
    }
}
