package no.evidens.pipeline.web;

/**
 * Run by {@link BindingIT} in a JVM of its own whose host names come from a hosts file of the test's: for each address
 * given, {@code open} when the workspace would bind to it without sign-in, else {@code refused}.
 */
public final class BindingChild {
    private BindingChild() {
    }

    public static void main(String[] hosts) {
        for (String host : hosts) {
            String said;
            try {
                new Exposure(host, false, null, null, null, false, null);
                said = "open";
            } catch (IllegalArgumentException e) {
                said = "refused";
            }
            System.out.println(host + " " + said);
        }
    }
}
