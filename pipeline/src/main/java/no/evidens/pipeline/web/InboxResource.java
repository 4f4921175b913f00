package no.evidens.pipeline.web;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.inbox.InboxState;

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
}
