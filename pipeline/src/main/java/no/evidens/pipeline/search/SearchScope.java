package no.evidens.pipeline.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Refusal;
import no.evidens.pipeline.bundle.DocumentTypes;
import no.evidens.pipeline.findings.NotFound;
import no.evidens.pipeline.findings.Receipts;

/**
 * What a search is narrowed to, checked alike by the command line ({@code search --type/--case}) and the web API
 * ({@code GET /api/search?type=&case=&filter=case:}): a document type the index can hold, and a case a bundle was
 * ingested into.
 * Either mistake (a folder name as type, a mistyped case) would otherwise answer "0 hits", as if the case held
 * nothing on the subject.
 */
public final class SearchScope {
    /** The message key of a type no document has: a parameter with a fixed set of values. */
    private static final String TYPE_KEY = "error.param.choice";
    /** The message key of a case no bundle was ingested into. */
    public static final String CASE_KEY = "error.unknown-case";

    private final EvidensHome home;
    private final Receipts receipts;

    public SearchScope(EvidensHome home) {
        this.home = home;
        this.receipts = new Receipts(home.receipts());
    }

    /**
     * The type as the index keeps it (lower case), or null when none is given; a {@link Refusal} for a type no
     * document can have.
     */
    public static String documentType(String type) {
        if (type == null) {
            return null;
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (!DocumentTypes.ALL.contains(t)) {
            throw new Refusal(TYPE_KEY, "--type is styringsdokument, journal, klientdokumentasjon or annet, not '" + type + "'",
                    "type", "styringsdokument, journal, klientdokumentasjon, annet", type);
        }
        return t;
    }

    /**
     * Refuses a case no bundle was ingested into ({@link NotFound} with {@link #CASE_KEY}). It reads the receipts, so
     * callers ask only when a search in the case found nothing: a search that finds costs nothing more.
     */
    public void requireIngested(String caseId) throws IOException {
        List<String> cases = receipts.cases();
        if (!cases.contains(caseId)) {
            throw new NotFound("there is no case " + caseId + " in " + home.root() + ": no bundle was ingested into it"
                    + (cases.isEmpty() ? "" : " (the cases: " + String.join(", ", cases) + ")"), CASE_KEY, caseId);
        }
    }

    /**
     * As {@link #requireIngested(String)} for each case of a filter ({@code filter=case:…}, any of which may match),
     * given the search's counts of hits by case: only a case with no hit is looked up, so a filter whose cases all
     * found something costs nothing more.
     */
    public void requireIngested(Collection<String> cases, Map<String, Integer> hitsByCase) throws IOException {
        for (String caseId : cases) {
            if (hitsByCase.getOrDefault(caseId, 0) == 0) {
                requireIngested(caseId);
            }
        }
    }
}
