package no.evidens.pipeline.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The house rule that keeps the web layer a thin adapter: one small handler per resource, no class in
 * {@code no.evidens.pipeline.web} over about 300 lines. The limit checked is 330 source lines, so that
 * "about" stays about; a class that grows past it should be split along its jobs, not the limit raised.
 */
class WebLayerSizeTest {
    static final int LIMIT = 330;
    private static final Path WEB = Path.of("src/main/java/no/evidens/pipeline/web");

    @Test
    void noWebClassIsOverTheLimit() throws IOException {
        List<Path> sources = sources();
        assertTrue(sources.size() >= 20, "the web layer's sources were not found under " + WEB.toAbsolutePath());
        List<String> over = sources.stream()
                .map(p -> new Sized(p, lines(p)))
                .filter(c -> c.lines() > LIMIT)
                .map(c -> c.path().getFileName() + " (" + c.lines() + " lines)")
                .collect(Collectors.toList());
        assertEquals(List.of(), over, "web classes over " + LIMIT + " lines: split them by job");
    }

    private record Sized(Path path, long lines) {
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(WEB)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
