import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import no.evidens.evaluation.scale.CorpusVocabulary;
import no.evidens.evaluation.scale.PassageGenerator;

/**
 * Processor time of the search bench's passage generator alone (seed 6, as {@code bench search}), for comparing two
 * versions of it: generates DOCS documents on one thread, REPS times, and prints the thread's CPU time per 100,000
 * passages (the first reps include the JIT's warm-up) and a checksum of the text, equal when the documents are.
 * Run from the repository root after a build:
 * <pre>
 * java -Xmx1g -cp "pipeline/target/evidens.jar:evaluation/target/evidens-evaluation.jar" scripts/GeneratorCpu.java 4800 6
 * </pre>
 */
public class GeneratorCpu {
    public static void main(String[] args) {
        int docs = Integer.parseInt(args[0]);
        int reps = Integer.parseInt(args[1]);
        PassageGenerator generator = new PassageGenerator(CorpusVocabulary.ofSampleBundle(), 6);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long checksum = 0;
        for (int rep = 0; rep < reps; rep++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long passages = 0;
            for (long n = 0; n < docs; n++) {
                PassageGenerator.Generated g = generator.document(n);
                passages += g.passages().size();
                checksum = 31 * checksum + g.document().text().hashCode();
            }
            System.out.printf(Locale.ROOT, "rep %d: %.3f CPU-s per 100,000 passages (%,d passages)%n", rep,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e9 * 1e5 / passages, passages);
        }
        System.out.println("checksum of the documents' text: " + checksum);
    }
}
