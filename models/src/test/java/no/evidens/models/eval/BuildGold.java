package no.evidens.models.eval;

import java.nio.file.Path;

/** Test helper: names a gold folder of a test's own, and puts back the one the build names (the checkout's gold/). */
final class BuildGold {
    private static final String BUILD = System.getProperty("evidens.gold");

    private BuildGold() {
    }

    static void use(Path dir) {
        System.setProperty("evidens.gold", dir.toString());
    }

    static void restore() {
        if (BUILD == null) {
            System.clearProperty("evidens.gold");
        } else {
            System.setProperty("evidens.gold", BUILD);
        }
    }
}
