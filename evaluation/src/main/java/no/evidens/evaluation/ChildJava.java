package no.evidens.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs a main class of this JVM's class path in a JVM of its own, on this JVM's Java: what the
 * benches start beside themselves (Tika alone and Evidens's sides, the bare baseline, the web server).
 */
public final class ChildJava {
    private ChildJava() {
    }

    /** {@code java OPTIONS -cp CLASS_PATH MAIN_CLASS ARGS}. */
    public static List<String> command(List<String> options, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(args);
        return cmd;
    }

    /** This JVM's largest heap as an option for another: {@code -Xmx…m}. */
    public static String sameHeap() {
        return "-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m";
    }
}
