package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import no.evidens.access.Role;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.findings.CaseService;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.Receipts;

/**
 * {@code GET /api/cases}: the cases the user may read (all of the home's, from the ingestion receipts and
 * the findings store, in the single-user mode); {@code POST /api/cases} ({@code {"case"}}) starts a new,
 * empty case with its creator as lead.
 */
final class CasesResource implements Routes.Resource {
    private final Receipts receipts;
    private final FindingsService findings;
    private final Accounts accounts;
    private final CaseService lifecycle;

    CasesResource(EvidensHome home, FindingsService findings, Accounts accounts) {
        this.receipts = new Receipts(home.receipts());
        this.lifecycle = new CaseService(home, java.time.Duration.ofSeconds(20));
        this.findings = findings;
        this.accounts = accounts;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/cases", (x, p) -> x.json(200, Map.of("cases", cases(x.access()))))
                .post("/api/cases", (x, p) -> {
                    String caseId = Params.caseId(new JsonFields(x.jsonBody(), "case").required("case"));
                    if (!claim(x.access(), caseId)) {
                        throw new ApiError(409, "error.case-exists", caseId);
                    }
                    x.json(201, Map.of("case", caseId, "role", Role.LEAD.id()));
                });
    }

    /**
     * Makes the user lead of a case that holds nothing and has no members yet; false when it exists. (A
     * case ingested from the command line has data but no members: an administrator adds its lead.)
     */
    boolean claim(CaseAccess access, String caseId) throws IOException {
        if (access.allCases()) {
            return true;
        }
        return !existing().contains(caseId) && accounts.claim(caseId, access.user());
    }

    /** Gives back a case {@link #claim} started, when what it was started for (an upload) did not happen. */
    void release(String caseId, String user) {
        accounts.removeMember(caseId, user);
    }

    /** Whether the case holds anything (ingested documents or findings), or was closed. */
    boolean exists(String caseId) {
        try {
            return existing().contains(caseId) || lifecycle.closed(caseId).isPresent();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether the case exists at all: it holds anything, was closed, or has a member (a case prepared before its first bundle). */
    boolean known(String caseId) {
        return exists(caseId) || !accounts.members(caseId).isEmpty();
    }

    /** Every case of the home: those holding anything and those with a member (an administrator's suggestions). */
    List<String> all() throws IOException {
        TreeSet<String> all = new TreeSet<>(existing());
        all.addAll(accounts.memberCases());
        return List.copyOf(all);
    }

    private Set<String> existing() throws IOException {
        TreeSet<String> cases = new TreeSet<>(receipts.cases());
        cases.addAll(findings.cases());
        return cases;
    }

    private List<String> cases(CaseAccess access) throws IOException {
        Set<String> readable = access.readableCases();
        return List.copyOf(readable == null ? existing() : readable);
    }
}
