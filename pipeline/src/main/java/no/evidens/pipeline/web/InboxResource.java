package no.evidens.pipeline.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.inbox.InboxSaving;
import no.evidens.pipeline.inbox.InboxState;
import no.evidens.pipeline.lang.Texts;

/**
 * {@code GET /api/inbox}: the queue of {@code evidens watch --inbox} (read-only): the bundles waiting, the one
 * being ingested and those finished. Someone who sees every case sees every bundle; anyone else sees the
 * running and finished bundles of their own cases, and only how many others wait (an administrator, who manages
 * accounts and not the cases' contents, too).
 */
final class InboxResource implements Routes.Resource {
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
            out.put("finished", state.finished().stream()
                    .filter(f -> all || (f.caseId() != null && access.role(f.caseId()).isPresent())).toList());
            x.json(200, out);
        });
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
