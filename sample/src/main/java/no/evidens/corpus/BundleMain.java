package no.evidens.corpus;

import java.io.IOException;
import java.nio.file.Path;

/** What the bundles' {@code main} methods share: the usage line, quiet POI logging, and the writing. */
final class BundleMain {
    /** Writes a bundle into a folder and says what it wrote. */
    @FunctionalInterface
    interface Writer {
        String write(Path dir) throws IOException;
    }

    private BundleMain() {
    }

    static void run(String program, String[] args, Writer writer) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: " + program + " <output folder>");
            System.exit(2);
        }
        // POI logs through the Log4j API; without a provider it complains on stderr. The CLI needs no logging.
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory",
                "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        System.out.println(writer.write(Path.of(args[0])));
    }
}
