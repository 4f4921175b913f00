package no.evidens.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout both judged query sets ({@link RelevanceJudgements}, {@link EvalDevRelevance}) are written in:
 * blocks of a {@code query a | b | …} line, an optional {@code need:} line and judgement lines of cells
 * separated by '|'; blank lines and {@code #} comments skipped. What the cells mean is the caller's.
 */
final class JudgementFile {
    /** A line's cells, with where it stands ({@code name line n: }) for the caller's messages. */
    record Line(List<String> cells, String text, String where) {
        String cell(int i) {
            return cells.get(i);
        }
    }

    /** One query as written: its head (the cells after {@code query}), its need ("" when none) and its judgement lines. */
    record Block(Line head, String need, List<Line> judgements) {
        Block {
            judgements = List.copyOf(judgements);
        }
    }

    private JudgementFile() {
    }

    /** The text of a resource on the classpath. */
    static String read(String resource) {
        try (InputStream in = JudgementFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * The blocks of a judgement file; throws with the line number on a line before the first query or with
     * the wrong number of cells.
     *
     * @param headCells  cells of a {@code query} line
     * @param rowCells   cells of a judgement line
     * @param headFormat the {@code query} line as the message on a stray line shows it
     */
    static List<Block> blocks(String name, String content, int headCells, int rowCells, String headFormat) {
        List<Block> out = new ArrayList<>();
        Line head = null;
        String need = "";
        List<Line> rows = new ArrayList<>();
        String[] lines = content.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            String where = name + " line " + (n + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("query ")) {
                if (head != null) {
                    out.add(new Block(head, need, rows));
                }
                head = new Line(cells(line.substring("query ".length()), headCells, where), line, where);
                need = "";
                rows = new ArrayList<>();
            } else if (head == null) {
                throw new IllegalArgumentException(where + "expected '" + headFormat + "'");
            } else if (line.startsWith("need:")) {
                need = line.substring("need:".length()).strip();
            } else {
                rows.add(new Line(cells(line, rowCells, where), line, where));
            }
        }
        if (head != null) {
            out.add(new Block(head, need, rows));
        }
        return List.copyOf(out);
    }

    /** Splits on '|' into exactly {@code count} non-empty cells (the last may itself hold '|'). */
    private static List<String> cells(String line, int count, String where) {
        String[] c = line.split("\\|", count);
        if (c.length != count) {
            throw new IllegalArgumentException(where + "expected " + count + " cells separated by '|', got " + line);
        }
        for (int i = 0; i < c.length; i++) {
            c[i] = c[i].strip();
            if (c[i].isEmpty()) {
                throw new IllegalArgumentException(where + "cell " + (i + 1) + " is empty");
            }
        }
        return List.of(c);
    }
}
