package no.evidens.pipeline.group;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import no.evidens.corpus.NationwideSet;
import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.findings.LegalRequirement;
import no.evidens.findings.Stance;
import no.evidens.models.Municipalities;
import no.evidens.pipeline.Refusal;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.findings.Attachment;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.ingest.Receipt;

/**
 * Builds the generated nationwide audit in a home ({@link NationwideSet}): writes the 22 bundles (or a set of real
 * municipalities of any size up to Norway's 357), ingests
 * each into its case, makes each municipality's avvik and merknader with their quotations through the
 * findings service (as an auditor would, by searching the case), marks a few quotations per requirement
 * for the summary report, and makes the group with every case's municipality and county.
 */
public final class NationwideDemo {
    public static final String ACTOR = "demo";
    /** How many quotations per requirement are chosen for the report (avvik first, then merknader). */
    private static final int CHOSEN_PER_REQUIREMENT = 3;

    /** What was built. */
    public record Built(String groupId, int municipalities, int documents, int failed, int avvik, int merknader, int chosen) {
    }

    private NationwideDemo() {
    }

    /**
     * @param bundles where to write the bundles (a folder per case)
     * @param say     told of each municipality as it is done
     */
    public static Built build(Path bundles, Ingestion ingestion, FindingsService findings, GroupService groups, Consumer<String> say)
            throws Exception {
        return build(NationwideSet.municipalities(), bundles, ingestion, findings, groups, say);
    }

    /**
     * A set of another size: {@code count} of Norway's 357 municipalities ({@link Municipalities}), spread over the list
     * so that every county has its share, each in its real county ({@link NationwideSet#municipalities(List)}).
     */
    public static List<NationwideSet.Municipality> realMunicipalities(int count) {
        List<Municipalities.Municipality> all = Municipalities.all();
        // the command line refuses a count out of range in words (SurveyCommand); here it is a caller's mistake
        Objects.checkIndex(count - 1, all.size());
        List<NationwideSet.Place> places = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Municipalities.Municipality m = all.get((int) ((long) i * all.size() / count));
            places.add(new NationwideSet.Place(m.name(), m.county()));
        }
        return NationwideSet.municipalities(places);
    }

    /** Builds the set of the given municipalities (the 22 of the hand-made table, or {@link #realMunicipalities}). */
    public static Built build(List<NationwideSet.Municipality> municipalities, Path bundles, Ingestion ingestion, FindingsService findings,
                              GroupService groups, Consumer<String> say) throws Exception {
        if (groups.list().stream().anyMatch(g -> g.id().equals(NationwideSet.GROUP_ID))) {
            throw new Refusal("error.group.exists", "this home has the group " + NationwideSet.GROUP_ID + " already", NationwideSet.GROUP_ID);
        }
        List<NationwideSet.Bundle> written = NationwideSet.writeAll(bundles, municipalities);
        int documents = 0;
        int failed = 0;
        int avvik = 0;
        int merknader = 0;
        Map<NationwideSet.Topic, List<Chosen>> candidates = new EnumMap<>(NationwideSet.Topic.class);
        Map<NationwideSet.Topic, List<Chosen>> merknadCandidates = new EnumMap<>(NationwideSet.Topic.class);
        groups.create(NationwideSet.GROUP_ID, NationwideSet.GROUP_TITLE, ACTOR);
        for (NationwideSet.Bundle b : written) {
            NationwideSet.Municipality m = b.municipality();
            Receipt r = ingestion.ingest(m.caseId(), m.name(), b.dir(), ProgressListener.NONE);
            documents += r.counts().indexed();
            failed += r.counts().failed();
            for (NationwideSet.Topic t : NationwideSet.Topic.values()) {
                if (m.avvik().contains(t)) {
                    candidates.computeIfAbsent(t, k -> new ArrayList<>()).add(finding(findings, m, t, FindingKind.AVVIK, b.avvik()));
                    avvik++;
                } else if (m.merknad().contains(t)) {
                    merknadCandidates.computeIfAbsent(t, k -> new ArrayList<>()).add(finding(findings, m, t, FindingKind.MERKNAD, b.merknad()));
                    merknader++;
                }
            }
            groups.add(NationwideSet.GROUP_ID, m.caseId(), m.name(), m.county(), ACTOR);
            say.accept(m.name() + " (" + m.county() + "): " + r.counts().indexed() + " documents, " + m.avvik().size() + " avvik, "
                    + m.merknad().size() + " merknader");
        }
        int chosen = 0;
        for (NationwideSet.Topic t : NationwideSet.Topic.values()) {
            List<Chosen> pick = new ArrayList<>(candidates.getOrDefault(t, List.of()));
            pick.addAll(merknadCandidates.getOrDefault(t, List.of()));
            for (int i = 0; i < Math.min(CHOSEN_PER_REQUIREMENT, pick.size()); i++) {
                // Each pick another of its finding's quotations where it has several: the report shows more than one wording.
                List<Long> ids = pick.get(i).ids();
                groups.choose(NationwideSet.GROUP_ID, pick.get(i).caseId(), ids.get(i % ids.size()), true, ACTOR);
                chosen++;
            }
        }
        return new Built(NationwideSet.GROUP_ID, written.size(), documents, failed, avvik, merknader, chosen);
    }

    /** The quotations of a finding, any of which may be chosen for the report. */
    private record Chosen(String caseId, List<Long> ids) {
    }

    /** Makes one finding with its quotations; returns them. */
    private static Chosen finding(FindingsService findings, NationwideSet.Municipality m, NationwideSet.Topic t, FindingKind kind,
                                List<NationwideSet.Quote> quotes) throws Exception {
        List<NationwideSet.Quote> mine = quotes.stream().filter(q -> q.topic() == t).toList();
        String title = kind == FindingKind.AVVIK ? t.avvikTitle : t.merknadTitle;
        String text = (kind == FindingKind.AVVIK ? "Tilsynet fant at " : "Tilsynet merket seg at ") + m.name()
                + " kommune ikke fullt ut oppfyller kravet om " + t.label.toLowerCase(java.util.Locale.ROOT) + ".";
        FindingDraft draft = new FindingDraft(title, List.of(new LegalRequirement(t.law, List.of(t.section), t.requirement())), text, null);
        FindingOut f;
        try {
            f = findings.create(m.caseId(), kind, draft, attachment(mine.get(0), true), ACTOR);
        } catch (IllegalArgumentException notWordForWord) {
            f = findings.create(m.caseId(), kind, draft, attachment(mine.get(0), false), ACTOR);
        }
        for (NationwideSet.Quote q : mine.subList(1, mine.size())) {
            attach(findings, m.caseId(), f.ref(), q);
        }
        return new Chosen(m.caseId(), findings.show(m.caseId(), f.ref()).evidence().stream().map(e -> e.id()).toList());
    }

    private static void attach(FindingsService findings, String caseId, String ref, NationwideSet.Quote q) throws Exception {
        try {
            findings.attach(caseId, ref, attachment(q, true), ACTOR);
        } catch (IllegalArgumentException notWordForWord) {
            // The sentence as extracted differs from the template (a line break kept in a PDF, say): quote its passage.
            findings.attach(caseId, ref, attachment(q, false), ACTOR);
        }
    }

    private static Attachment attachment(NationwideSet.Quote q, boolean sentence) {
        return new Attachment(new Attachment.Search(q.phrase(), null, 1), null, null, null, sentence ? q.quote() : null,
                Stance.SUPPORTS, null, null);
    }
}
