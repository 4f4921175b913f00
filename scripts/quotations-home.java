// A home with the generated nationwide audit's findings at full size, made in a minute rather than half an hour: the 357
// municipalities' bundles are written as `survey demo --municipalities 357` writes them, but not ingested; each avvik
// and merknad is put straight into the findings store with its quotations (the same sentences, from the same documents
// and types), and the report's choices made as the demo makes them. For measuring the group quotations page (round 55):
// it reads the findings store only, not the index.
//
// Run (after ./mvnw -B -ntp -o -q package -DskipTests):
//   java -cp "pipeline/target/evidens.jar:sample/target/classes" scripts/quotations-home.java /tmp/home-357 [357]
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import no.evidens.corpus.NationwideSet;
import no.evidens.findings.EvidenceDraft;
import no.evidens.findings.EvidenceItem;
import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.findings.FindingStore;
import no.evidens.findings.LegalRequirement;
import no.evidens.findings.Provenance;
import no.evidens.findings.Stance;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.group.GroupService;
import no.evidens.pipeline.group.NationwideDemo;
import no.evidens.pipeline.store.HomeStores;

class QuotationsHome {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 357;
        EvidensHome home = new EvidensHome(root);
        FindingsService findings = new FindingsService(home, null, Duration.ofSeconds(60));
        GroupService groups = new GroupService(home, null, findings, Duration.ofSeconds(60));
        groups.create(NationwideSet.GROUP_ID, NationwideSet.GROUP_TITLE, NationwideDemo.ACTOR);
        Map<NationwideSet.Topic, List<long[]>> candidates = new EnumMap<>(NationwideSet.Topic.class);
        Map<NationwideSet.Topic, List<long[]>> merknadCandidates = new EnumMap<>(NationwideSet.Topic.class);
        List<String> caseOf = new ArrayList<>();
        int avvik = 0;
        int merknader = 0;
        int quotations = 0;
        Path bundles = Files.createDirectories(root.resolve("nationwide-bundles"));
        for (NationwideSet.Municipality m : NationwideDemo.realMunicipalities(count)) {
            NationwideSet.Bundle b = NationwideSet.write(m, bundles.resolve(m.caseId()));
            try (FindingStore store = HomeStores.of(home).findings(Duration.ofSeconds(60))) {
                for (NationwideSet.Topic t : NationwideSet.Topic.values()) {
                    boolean isAvvik = m.avvik().contains(t);
                    if (!isAvvik && !m.merknad().contains(t)) {
                        continue;
                    }
                    List<NationwideSet.Quote> mine = (isAvvik ? b.avvik() : b.merknad()).stream().filter(q -> q.topic() == t).toList();
                    FindingKind kind = isAvvik ? FindingKind.AVVIK : FindingKind.MERKNAD;
                    FindingDraft draft = new FindingDraft(isAvvik ? t.avvikTitle : t.merknadTitle,
                            List.of(new LegalRequirement(t.law, List.of(t.section), t.requirement())),
                            "Tilsynet fant at " + m.name() + " kommune ikke fullt ut oppfyller kravet.", null);
                    List<Long> ids = new ArrayList<>();
                    EvidenceItem first = store.createWithEvidence(m.caseId(), kind, draft, draft(m, mine.get(0), 0), NationwideDemo.ACTOR);
                    ids.add(first.id());
                    for (int i = 1; i < mine.size(); i++) {
                        ids.add(store.attach(store.findingById(first.findingId()).orElseThrow(), draft(m, mine.get(i), i), NationwideDemo.ACTOR).id());
                    }
                    quotations += ids.size();
                    long[] pick = new long[ids.size() + 1];
                    pick[0] = caseOf.size();
                    for (int i = 0; i < ids.size(); i++) {
                        pick[i + 1] = ids.get(i);
                    }
                    (isAvvik ? candidates : merknadCandidates).computeIfAbsent(t, k -> new ArrayList<>()).add(pick);
                    if (isAvvik) {
                        avvik++;
                    } else {
                        merknader++;
                    }
                }
            }
            caseOf.add(m.caseId());
            groups.add(NationwideSet.GROUP_ID, m.caseId(), m.name(), m.county(), NationwideDemo.ACTOR);
        }
        int chosen = 0;
        for (NationwideSet.Topic t : NationwideSet.Topic.values()) {
            List<long[]> pick = new ArrayList<>(candidates.getOrDefault(t, List.of()));
            pick.addAll(merknadCandidates.getOrDefault(t, List.of()));
            for (int i = 0; i < Math.min(3, pick.size()); i++) {
                long[] p = pick.get(i);
                int n = p.length - 1;
                groups.choose(NationwideSet.GROUP_ID, caseOf.get((int) p[0]), p[1 + i % n], true, NationwideDemo.ACTOR);
                chosen++;
            }
        }
        System.out.println(count + " municipalities, " + avvik + " avvik, " + merknader + " merknader, " + quotations + " quotations, "
                + chosen + " chosen");
    }

    /**
     * The quotation as the demo's search would find it: the i-th quotation of a finding from a governance document
     * (the routine) first, then the records (a journal or a client record), as the bundle's documents hold them.
     */
    private static EvidenceDraft draft(NationwideSet.Municipality m, NationwideSet.Quote q, int i) {
        boolean record = i > 0;
        String folder = record ? (q.topic().ordinal() % 2 == 0 ? "journaler" : "klientdokumentasjon") : "styringsdokumenter";
        String type = record ? (folder.equals("journaler") ? "journal" : "klientdokumentasjon") : "styringsdokument";
        String doc = (record ? "d" + (2 + q.topic().ordinal() % 3) : "d1");
        String file = folder + "/" + (record ? "notat" : "rutine-samarbeid") + ".pdf";
        String title = record ? "Journalnotat" : "Rutine for samarbeid om barn og unge i " + m.name() + " kommune";
        String text = q.quote();
        return new EvidenceDraft(m.caseId() + "/" + doc + "/3", m.caseId() + "/" + doc + "/3", doc, 100, 100 + text.length(), text, title,
                file, type, 1, 1, "0".repeat(64), "/bundles/" + m.caseId(), Stance.SUPPORTS, null, new Provenance(q.phrase(), Map.of()), null);
    }
}
