package no.evidens.pipeline.findings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.extract.Sha256;

/**
 * A small indexed case, without Tika or models: one fictional routine of two pages, its file in a
 * bundle folder, its passages in the index and a receipt naming the bundle.
 */
public final class CaseFixture {
    public static final String CASE = "testvik-2026";
    public static final String FILE = "styringsdokumenter/rutine.txt";
    public static final String TITLE = "Rutine for samarbeid om barn med ansvarsgruppe";
    static final String P1 = "Koordinator Kari Nordmann følger opp ansvarsgruppen. Nordmann ringer foreldrene hver uke.";
    static final String P2 = "Det finnes ingen samlet oversikt over ansvarsgrupper i kommunen.";
    static final String P3 = "Rutinen er ikke evaluert siden den ble vedtatt.";
    public static final String TEXT = "Rutine for samarbeid\n\n" + P1 + "\n\n" + P2 + "\n\n" + P3;

    public final Path home;
    public final Path bundle;
    public final String sha256;
    public final String docId;
    public final String type;

    private CaseFixture(Path home, Path bundle, String sha256, String type) {
        this.home = home;
        this.bundle = bundle;
        this.sha256 = sha256;
        this.docId = sha256.substring(0, 16);
        this.type = type;
    }

    public static CaseFixture create(Path root) throws IOException {
        return create(root, "styringsdokument");
    }

    /** The case with its one document indexed as this type ({@code journal}, {@code klientdokumentasjon} …). */
    public static CaseFixture create(Path root, String type) throws IOException {
        Path home = root.resolve("home");
        Path bundle = root.resolve("bundle");
        Path source = bundle.resolve(FILE);
        Files.createDirectories(source.getParent());
        Files.writeString(source, TEXT, StandardCharsets.UTF_8);
        String sha = Sha256.of(source);
        CaseFixture f = new CaseFixture(home, bundle, sha, type);
        int s1 = TEXT.indexOf(P1);
        int s2 = TEXT.indexOf(P2);
        int s3 = TEXT.indexOf(P3);
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(home.resolve("index"))) {
            w.add(new IndexedDocument(f.docId, CASE, FILE, type, TITLE, sha, "text/plain", TEXT, List.of(0, s3)),
                    List.of(f.passage(1, 1, s1, P1), f.passage(2, 1, s2, P2), f.passage(3, 2, s3, P3)));
            w.commit();
        }
        Json.write(Map.of("case", CASE, "bundle", bundle.toString(),
                "files", List.of(Map.of("path", FILE, "sha256", sha, "type", type, "status", "indexed"))),
                home.resolve("receipts").resolve(CASE + "-20260101-000000-000.json"));
        return f;
    }

    private Passage passage(int n, int page, int start, String text) {
        return new Passage(passageId(n), CASE, docId, FILE, type, TITLE, "", page, start, start + text.length(), text,
                List.of(), List.of());
    }

    /** Runs the command line on this fixture's home ({@code --home} added). */
    public no.evidens.pipeline.fixture.CliRun cli(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.toString());
        return no.evidens.pipeline.fixture.CliRun.of(all);
    }

    /** Creates {@code avvik-1} and attaches the words of the second passage to it; true when both commands succeeded. */
    public boolean quoteTheSecondPassage() {
        return cli("finding", "create", "--case", CASE, "--kind", "avvik", "--title", "Ingen oversikt").code() == 0
                && cli("finding", "attach", "--case", CASE, "avvik-1", "--passage", passageId(2),
                "--quote", "Det finnes ingen samlet oversikt over ansvarsgrupper").code() == 0;
    }

    public String passageId(int n) {
        return CASE + "/" + docId + "/" + n;
    }

    public static int offsetOf(String words) {
        return TEXT.indexOf(words);
    }
}
