package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.evidens.access.Permission;
import no.evidens.findings.trail.AuditEntry;
import no.evidens.findings.trail.AuditEvent;
import no.evidens.findings.trail.TrailCheck;
import no.evidens.findings.trail.TrailProblem;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.IndexUnreachableException;
import no.evidens.index.IndexedDocument;
import no.evidens.pipeline.findings.AuditCsv;
import no.evidens.pipeline.findings.AuditService;
import no.evidens.pipeline.findings.AuditTime;
import no.evidens.pipeline.lang.Texts;

/**
 * {@code GET /api/cases/{case}/audit[?user=&since=&format=csv]}: the audit trail of a case (who was
 * shown which record, searched, exported, changed which finding), oldest first, with whether the
 * whole chain is intact.
 */
final class AuditResource implements Routes.Resource {
    /** Kept among an answer's file names once the index did not answer: no document is looked up after it. */
    private static final String UNANSWERED = "";
    private final AuditService audit;
    private final SharedIndex index;

    AuditResource(AuditService audit, SharedIndex index) {
        this.audit = audit;
        this.index = index;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/cases/{case}/audit", (x, p) -> {
            // The trail of a case is its lead's to read (an administrator sees nothing of a case by being one).
            String caseId = x.access().require(Params.caseId(p.get("case")), Permission.MANAGE_MEMBERS);
            String user = x.param("user");
            Instant since;
            try {
                since = x.param("since") == null ? null : AuditTime.since(x.param("since"));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("error.param.date", "since", x.param("since"));
            }
            List<AuditEntry> entries = audit.entries(caseId, user, since);
            String format = x.param("format");
            Texts texts = Texts.of(ErrorTexts.language(x));
            if ("csv".equals(format)) {
                // for the auditors: each entry as recorded (the hashes cover it), and its detail in today's words of the
                // reader's language last (Bokmål or Nynorsk)
                x.send(200, "text/csv; charset=utf-8", AuditCsv.write(entries, (action, detail) -> TrailWording.shown(texts, action, detail))
                        .getBytes(StandardCharsets.UTF_8),
                        "revisjonsspor-" + caseId + ".csv");
                return;
            }
            if (format != null && !"json".equals(format)) {
                throw ApiError.badRequest("error.param.choice", "format", "json, csv", format);
            }
            TrailCheck check = audit.verify();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("case", caseId);
            out.put("intact", check.intact());
            out.put("problems", check.problems());
            out.put("problemsText", problemsText(texts, check));
            out.put("unconfirmed", check.unconfirmed());
            out.put("intactText", intactText(texts, check, audit.shared()));
            Map<String, String> names = new HashMap<>();
            List<Map<String, Object>> shown = new ArrayList<>();
            for (AuditEntry e : entries) {
                Map<String, Object> m = json(e);
                m.put("name", name(caseId, e, names));
                m.put("detailText", TrailWording.withFiles(e.action(), (String) m.get("detailText"), id -> fileOf(caseId, id, names)));
                // as the reader's workspace shows it: its fixed words in the reader's language, a file beside its id
                m.put("detailShown", TrailWording.withFiles(e.action(), TrailWording.shown(texts, e.action(), e.detail()),
                        id -> fileOf(caseId, id, names)));
                shown.add(m);
            }
            out.put("entries", shown);
            x.json(200, out);
        });
    }

    /**
     * The file a document or passage entry names, for the lead who reads the trail (the trail itself
     * keeps the document's id only); null for other entries, and for documents no longer in the index.
     */
    private String name(String caseId, AuditEntry e, Map<String, String> names) {
        String docId;
        if (AuditEvent.FILE.equals(e.targetKind())) {
            docId = e.target();
        } else if (AuditEvent.PASSAGE.equals(e.targetKind()) && e.target() != null && e.target().split("/").length == 3) {
            docId = e.target().split("/")[1];
        } else {
            return null;
        }
        return fileOf(caseId, docId, names);
    }

    /**
     * A document's file, looked up once per answer; null when the index is not open or no longer holds it, and for the
     * rest of the answer once the index does not answer (a SolrCloud cluster down): the trail is in the home and is read
     * all the same, with the documents' ids as recorded, rather than refused for want of their names.
     */
    private String fileOf(String caseId, String docId, Map<String, String> names) {
        EvidenceIndex s = index.searcherIfAny();
        if (s == null || docId == null || names.containsKey(UNANSWERED)) {
            return null;
        }
        if (!names.containsKey(docId)) {
            try {
                names.put(docId, s.document(caseId, docId).map(IndexedDocument::file).orElse(null));
            } catch (IOException e) {
                if (!IndexUnreachableException.in(e)) {
                    throw new UncheckedIOException(e);
                }
                names.put(UNANSWERED, null);
                return null;
            }
        }
        return names.get(docId);
    }

    /**
     * The trail's problems in the user's language, for the workspace ({@code problems} keeps the English lines
     * the command line prints); an action an entry names is given its name in the catalogue.
     */
    static List<String> problemsText(Texts t, TrailCheck check) {
        List<String> out = new ArrayList<>();
        for (TrailProblem p : check.keyed()) {
            List<String> args = new ArrayList<>(p.args());
            if ("trail.changed".equals(p.key()) && args.size() == 4 && t.has("ui.audit.action." + args.get(3))) {
                args.set(3, t.get("ui.audit.action." + args.get(3)));
            }
            out.add(t.get(p.key(), args));
        }
        return out;
    }

    /**
     * What the page says of an intact trail, in the user's language (null when it is not intact): that every entry holds,
     * and which entries the chain file lacks, if any (the page said the file confirmed every entry all the same). On a store
     * server those are mostly the other homes' entries, and the page says so rather than suggesting a crash.
     */
    static String intactText(Texts t, TrailCheck check, boolean shared) {
        if (!check.intact()) {
            return null;
        }
        return check.unconfirmed().isEmpty() ? t.get("ui.audit.intact")
                : t.get(shared ? "ui.audit.intactUnconfirmedShared" : "ui.audit.intactUnconfirmed",
                        List.of(String.join(", ", check.unconfirmedRuns())));
    }

    /** An entry as JSON (its time as an ISO instant: the API's mapper has no java.time module). */
    private static Map<String, Object> json(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", e.at().toString());
        m.put("actor", e.actor());
        m.put("action", e.action());
        m.put("case", e.caseId());
        m.put("targetKind", e.targetKind());
        m.put("target", e.target());
        m.put("detail", e.detail());
        // the detail as the workspace shows it: an entry an earlier version wrote in English, in Bokmål
        m.put("detailText", TrailWording.today(e.action(), e.detail()));
        m.put("hash", e.hash());
        return m;
    }
}
