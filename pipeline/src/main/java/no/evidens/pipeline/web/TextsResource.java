package no.evidens.pipeline.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import no.evidens.models.codebook.Codebook;
import no.evidens.models.codebook.IndicatorDefinition;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;

/**
 * The workspace's words in the user's language: {@code GET /api/tekster} ({@code sprak}, {@code tekster}:
 * key → text of the workspace's own words and facet names and values, {@code indikatorer}: indicator id →
 * its label in the codebook, {@code grunner}: a receipt's reason as stored → the reason in the language);
 * {@code POST /api/tekster/sprak} ({@code {"sprak": "nb"|"nn"}}) chooses the language: kept with a signed-in
 * user's account, and in a cookie (all there is when sign-in is off).
 */
final class TextsResource implements Routes.Resource {
    /** Open without sign-in, so the sign-in page speaks the language too (without the case codebook's labels). */
    static final String PATH = "/api/tekster";

    private final EvidensHome home;
    private final Accounts accounts;

    /** @param accounts where a signed-in user's choice is kept (with sign-in off only the cookie keeps it) */
    TextsResource(EvidensHome home, Accounts accounts) {
        this.home = home;
        this.accounts = accounts;
    }

    @Override
    public void register(Routes routes) {
        routes.get(PATH, (x, p) -> x.json(200, texts(ErrorTexts.language(x), x.signedIn())))
                .post("/api/tekster/sprak", (x, p) -> {
                    String code = new JsonFields(x.jsonBody(), "sprak").required("sprak");
                    if (!Language.known(code)) {
                        throw ApiError.badRequest("error.param.choice", "sprak", "nb, nn", code);
                    }
                    Language l = Language.of(code);
                    if (x.signedIn() && !x.access().allCases()) {
                        accounts.setLanguage(x.access().user(), l.code());
                    }
                    x.cookie(ErrorTexts.cookie(l, x.secure()));
                    x.json(200, Map.of("sprak", l.code()));
                });
    }

    private Map<String, Object> texts(Language l, boolean signedIn) throws java.io.IOException {
        Texts t = Texts.of(l);
        Map<String, String> words = new TreeMap<>(t.startingWith("ui."));
        words.putAll(t.startingWith("facet."));
        words.putAll(t.startingWith("value."));
        Map<String, String> indicators = new LinkedHashMap<>();
        if (signedIn) {
            for (IndicatorDefinition d : Codebook.resolve(null, home.root()).indicators()) {
                indicators.put(d.id(), d.label());
            }
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Reason r : Reason.values()) {
            reasons.put(r.text(), t.get("reason." + r.code()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sprak", l.code());
        out.put("tekster", words);
        out.put("indikatorer", indicators);
        out.put("grunner", reasons);
        return out;
    }
}
