package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * The runnable jar's manifest {@code Class-Path} (what the launcher runs every command with) names picocli's jar and
 * then Jackson's before any other library. A class a command's class-data archive lacks is looked for in the class
 * path's jars in that order, and each jar on the way is opened: picocli's classes are built for Java 5 and never
 * archived, so every command loads them from the jar; an unchanged bundle's re-ingest reads its versions register
 * with Jackson parser classes that the first ingest, which wrote the archive, never loaded. Named behind Tika, Camel,
 * Solr and Jetty, each look-up opened some 150 jars.
 */
class RunnableJarClassPathIT {
    @Test
    void picocliAndJacksonsJarsLeadTheClassPath() throws Exception {
        List<String> classPath;
        try (JarFile jar = new JarFile(Path.of("target", "evidens.jar").toFile())) {
            classPath = Arrays.asList(jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH).trim()
                    .split("\\s+"));
        }
        assertTrue(classPath.size() > 100, "the libraries are named in the manifest: " + classPath.size());
        List<String> leading = new ArrayList<>();
        for (String prefix : List.of("picocli-", "jackson-databind-", "jackson-annotations-", "jackson-core-")) {
            for (String entry : classPath) {
                String name = Path.of(entry).getFileName().toString();
                if (name.startsWith(prefix)) {
                    leading.add(name);
                }
            }
        }
        assertEquals(4, leading.size(), leading.toString());
        List<String> first = classPath.subList(0, 4).stream().map(e -> Path.of(e).getFileName().toString()).toList();
        assertEquals(leading, first, "picocli's jar, then Jackson's, come first");
    }
}
