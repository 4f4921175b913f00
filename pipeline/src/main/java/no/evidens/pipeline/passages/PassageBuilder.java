package no.evidens.pipeline.passages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.evidens.index.Passage;
import no.evidens.pipeline.analyse.DocumentAnalysis;
import no.evidens.pipeline.analyse.Spans;
import no.evidens.pipeline.normalise.NormalisedText;

/**
 * Groups the sentences of a document into evidence passages: up to {@link #MAX_SENTENCES}
 * consecutive sentences of one paragraph, and no more than about {@link #MAX_CHARS} characters, so
 * a hit is short enough to quote and long enough to read in context. Headings with body text under
 * them are not passages of their own: they are the context of the passages under them (searchable,
 * with less weight).
 */
public final class PassageBuilder {
    public static final int MAX_SENTENCES = 3;
    public static final int MAX_CHARS = 800;
    /**
     * A sentence longer than this is no sentence a reader quotes (a text without full stops, a table read as one line):
     * it is cut at spaces into pieces of at most {@link #MAX_CHARS}, so that no passage, hit or snippet runs to megabytes.
     * Real report text stays under it (the longest sentence of the development excerpts is under 900 characters), so
     * their passages are as before.
     */
    static final int LONGEST_SENTENCE = 2_000;
    /** The longest paragraph that can be a heading. */
    static final int MAX_HEADING_CHARS = 120;

    /** Where the passages of one document belong. */
    public record Source(String caseId, String docId, String file, String type, String title,
                         Map<String, String> facets) {
        public Source(String caseId, String docId, String file, String type, String title) {
            this(caseId, docId, file, type, title, Map.of());
        }
    }

    /**
     * The document's passages, in order: where each lies is settled here, and each passage is made when it is read (an
     * unmodifiable {@link PassageList}, which keeps the text and the quotations, indicators and legal references it cuts
     * them from), so that a huge text's passages are never all held at once.
     */
    public List<Passage> build(Source src, DocumentAnalysis doc) {
        String text = doc.text();
        List<int[]> paragraphs = NormalisedText.paragraphs(text);
        List<Spans.Sentence> sentences = pieces(text, doc.sentences());
        PassageList out = new PassageList(src, doc);
        int lastBody = -1;
        for (int k = 0; k < paragraphs.size(); k++) {
            if (!isHeading(text, paragraphs.get(k))) {
                lastBody = k;
            }
        }
        // Consecutive headings (title, chapter, section) together make the context of the body under them.
        List<String> headings = new ArrayList<>();
        boolean afterBody = false;
        int si = 0;
        for (int k = 0; k < paragraphs.size(); k++) {
            int[] para = paragraphs.get(k);
            List<Spans.Sentence> inPara = new ArrayList<>();
            while (si < sentences.size() && sentences.get(si).start() < para[1]) {
                if (sentences.get(si).start() >= para[0]) {
                    inPara.add(sentences.get(si));
                }
                si++;
            }
            if (k < lastBody && isHeading(text, para)) {
                if (afterBody) {
                    headings.clear();
                    afterBody = false;
                }
                headings.add(text.substring(para[0], para[1]));
                continue;
            }
            afterBody = true;
            window(String.join(" › ", headings), inPara, out);
        }
        return out;
    }

    /** The sentences, each longer than {@link #LONGEST_SENTENCE} cut at spaces into pieces of at most {@link #MAX_CHARS}. */
    static List<Spans.Sentence> pieces(String text, List<Spans.Sentence> sentences) {
        if (sentences.stream().noneMatch(s -> s.end() - s.start() > LONGEST_SENTENCE)) {
            return sentences;
        }
        List<Spans.Sentence> out = new ArrayList<>();
        for (Spans.Sentence s : sentences) {
            if (s.end() - s.start() <= LONGEST_SENTENCE) {
                out.add(s);
                continue;
            }
            int start = s.start();
            while (s.end() - start > MAX_CHARS) {
                int cut = start + MAX_CHARS;
                int space = cut;
                while (space > start + MAX_CHARS / 2 && !Character.isWhitespace(text.charAt(space))) {
                    space--;
                }
                if (Character.isWhitespace(text.charAt(space))) {
                    cut = space;
                } else if (Character.isLowSurrogate(text.charAt(cut))) {
                    cut--; // no space near: cut anyway, but never between the halves of one character
                }
                int end = cut;
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                if (end > start) {
                    out.add(new Spans.Sentence(start, end, s.page()));
                }
                start = cut;
                while (start < s.end() && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
            }
            if (start < s.end()) {
                out.add(new Spans.Sentence(start, s.end(), s.page()));
            }
        }
        return out;
    }

    /** Short, and not ended like a sentence or a list item: a heading or a title. */
    static boolean isHeading(String text, int[] para) {
        if (para[1] - para[0] > MAX_HEADING_CHARS) {
            return false;
        }
        char last = text.charAt(para[1] - 1);
        char first = text.charAt(para[0]);
        return ".!?;:,»”\"›)".indexOf(last) < 0 && "•◦▪‣⁃∙●-–*«".indexOf(first) < 0;
    }

    private static void window(String heading, List<Spans.Sentence> sentences, PassageList out) {
        int start = -1;
        int end = -1;
        int page = 1;
        int count = 0;
        for (Spans.Sentence s : sentences) {
            if (start >= 0 && (count >= MAX_SENTENCES || s.end() - start > MAX_CHARS)) {
                out.append(start, end, page, heading);
                start = -1;
            }
            if (start < 0) {
                start = s.start();
                page = s.page();
                count = 0;
            }
            end = s.end();
            count++;
        }
        if (start >= 0) {
            out.append(start, end, page, heading);
        }
    }
}
