package no.evidens.models.indicator;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import no.evidens.models.codebook.Codebook;
import no.evidens.models.codebook.IndicatorDefinition;
import no.evidens.models.tag.IndicatorMention;

/**
 * The 17 paragraph-level categories supervisors file audit text under (the 2008 nationwide audit's
 * kjennetegn, widened), and the codebook indicators that count for each (an indicator's {@code category}).
 */
public final class IndicatorCategories {
    /** The categories, most frequent in real report text first. */
    public static final List<String> ALL = List.of("FUNN", "UTREDNING_OPPFOLGING", "LEDELSE", "SAMARBEIDSARENA",
            "MELDINGER", "BARN_SOM_PAARORENDE", "ETTERVERN", "FASTLEGE", "EVALUERING", "TAUSHETSPLIKT",
            "OPPLYSNINGSPLIKT", "RUTINER", "SAMTYKKE", "KUNNSKAP", "RISIKOATFERD", "TILTAKSPLAN", "INDIVIDUELL_PLAN");

    private IndicatorCategories() {
    }

    /** The categories the mentions count for, by the codebook's {@code category} of each indicator. */
    public static Set<String> of(Codebook codebook, Collection<IndicatorMention> mentions) {
        Set<String> out = new TreeSet<>();
        for (IndicatorMention m : mentions) {
            out.add(categoryOf(codebook, m.id()));
        }
        return out;
    }

    /** The category an indicator id counts for (its own id in upper case when the codebook has none). */
    public static String categoryOf(Codebook codebook, String id) {
        return codebook.indicator(id).map(IndicatorDefinition::category)
                .orElse(id.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * The indicator a category is shown as when only the classifier found it: the codebook's first
     * indicator of that category, or {@code null} when the codebook has none (a codebook of the user's own).
     */
    public static String indicatorOf(Codebook codebook, String category) {
        for (IndicatorDefinition d : codebook.indicators()) {
            if (d.category().equals(category)) {
                return d.id();
            }
        }
        return null;
    }
}
