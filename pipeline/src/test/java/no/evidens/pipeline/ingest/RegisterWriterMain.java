package no.evidens.pipeline.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * A second process for {@link RegisterProcessIT}: {@code HOME TAG COUNT} records COUNT bundles of case {@code sak} into the
 * home's version register ({@code TAG-1} … {@code TAG-COUNT}, one file each), as COUNT ingestions one after another would,
 * once the file {@code HOME/go} is there (so that two such processes start together, whatever their JVMs' start took).
 */
public final class RegisterWriterMain {
    private RegisterWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String tag = args[1];
        int count = Integer.parseInt(args[2]);
        CaseVersions versions = new CaseVersions(home);
        while (!java.nio.file.Files.exists(home.resolve("go"))) {
            Thread.sleep(2);
        }
        for (int i = 1; i <= count; i++) {
            String sha = String.format("%064x", tag.hashCode() * 1000L + i);
            versions.record(new Receipt("sak", "/b/" + tag + "-" + i, null,
                    List.of(new ReceiptFile("notat.txt", sha, "journal", "indexed", null, null, 0, 0)), new Receipt.Counts(1, 0, 0, 0)),
                    tag + "-" + i, home.resolve("receipts"));
        }
    }
}
