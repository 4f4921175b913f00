package no.evidens.index;

/** TRIAL ONLY (round 59): a setting read from a system property on every use, so one JVM can sweep settings. */
final class Trial {
    private Trial() {
    }

    static float f(String name, float dflt) {
        String v = System.getProperty("evidens.trial." + name);
        return v == null ? dflt : Float.parseFloat(v);
    }
}
