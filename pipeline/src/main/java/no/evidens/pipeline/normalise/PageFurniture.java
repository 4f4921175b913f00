package no.evidens.pipeline.normalise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds running headers, footers and page numbers, once for every later step: lines at the top or the
 * foot of a page that repeat, digits aside, on most pages (or that a PDF sets in its margins) are
 * removed so that a sentence or quotation crossing a page break reads whole ({@link #find}); short
 * paragraphs that open or close more than one page but were not sure enough to remove stay in the text,
 * marked for the taggers ({@link #remaining}).
 */
final class PageFurniture {
    /** How many lines at each end of a page may be furniture. */
    private static final int EDGE_LINES = 2;
    /** The share of pages a line must stand on to count as furniture. */
    private static final double MIN_SHARE = 0.6;

    /** A line of a page that is not blank: where it starts and ends (its line break not included). */
    private record Line(int start, int end) {
    }

    /**
     * A line at a page's top or foot with its key ({@link #key}): made for these lines only, the only ones whose
     * keys are compared (a key was made for every line of every page before, and for every line of the text again).
     */
    private record EdgeLine(int start, int end, String key) {
    }

    /** A page number standing alone: "3", "Side 3 av 12", "- 3 -", "3/12", "s. 3". */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?iu)(side|s\\.|page)?\\s*\\d{1,4}(\\s*(av|/|of)\\s*\\d{1,4})?|[-–]\\s*\\d{1,4}\\s*[-–]");

    /**
     * Edits that remove the furniture lines (with their line break) from {@code text}; {@code laidOut}
     * says the text comes from a page layout (PDF), where a lone page number of a single page counts too.
     */
    static TextEdits find(String text, List<Integer> pageStarts, boolean laidOut, List<List<String>> marginLines) {
        TextEdits edits = new TextEdits();
        java.util.TreeMap<Integer, Integer> byPosition = new java.util.TreeMap<>();
        byPosition(text, pageStarts, marginLines, byPosition);
        java.util.TreeMap<Integer, Integer> remove = new java.util.TreeMap<>();
        byRepetition(text, pageStarts, laidOut, remove);
        keepOnlyBodyLines(text, pageStarts, byPosition, remove);
        remove.putAll(byPosition);
        if (lines(text, 0, text.length()).stream().allMatch(l -> remove.containsKey(l.start()))) {
            return edits; // a document is never all furniture: its only lines are its text
        }
        for (Map.Entry<Integer, Integer> r : remove.entrySet()) {
            edits.replace(r.getKey(), r.getValue(), "");
        }
        return edits;
    }

    /**
     * Drops from {@code byPosition} the lines of each page where, with them and the repeated lines gone,
     * nothing would be left: standing in a margin alone is not evidence enough to empty a page, unless
     * the line is a page number.
     */
    private static void keepOnlyBodyLines(String text, List<Integer> pageStarts, Map<Integer, Integer> byPosition,
                                          Map<Integer, Integer> repeated) {
        for (int p = 0; p < pageStarts.size(); p++) {
            int from = pageStarts.get(p);
            int to = p + 1 < pageStarts.size() ? pageStarts.get(p + 1) : text.length();
            List<Line> lines = lines(text, from, to);
            boolean bodyLeft = lines.stream().anyMatch(l -> !byPosition.containsKey(l.start()) && !repeated.containsKey(l.start()));
            if (!bodyLeft) {
                for (Line l : lines) {
                    if (!PAGE_NUMBER.matcher(text.substring(l.start(), l.end()).strip()).matches()) {
                        byPosition.remove(l.start());
                    }
                }
            }
        }
    }

    /** Lines at the top or foot of most pages that are the same but for their numbers. */
    private static void byRepetition(String text, List<Integer> pageStarts, boolean laidOut, Map<Integer, Integer> remove) {
        int pages = pageStarts.size();
        if (pages < 2) {
            // One page: nothing repeats, but a page number at its top or foot is still furniture.
            List<Line> lines = lines(text, 0, text.length());
            if (laidOut && pages == 1 && !lines.isEmpty()) {
                Line last = lines.get(lines.size() - 1);
                if (lines.size() > 1 && PAGE_NUMBER.matcher(text.substring(last.start(), last.end()).strip()).matches()) {
                    remove.put(last.start(), last.end());
                }
            }
            return;
        }
        List<List<EdgeLine>> edges = new ArrayList<>();
        Map<String, Integer> pagesWithKey = new HashMap<>();
        for (int p = 0; p < pages; p++) {
            int from = pageStarts.get(p);
            int to = p + 1 < pages ? pageStarts.get(p + 1) : text.length();
            List<Line> lines = lines(text, from, to);
            List<EdgeLine> edge = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (i < EDGE_LINES || i >= lines.size() - EDGE_LINES) {
                    Line l = lines.get(i);
                    edge.add(new EdgeLine(l.start(), l.end(), key(text.substring(l.start(), l.end()).strip())));
                }
            }
            edges.add(edge);
            edge.stream().map(EdgeLine::key).distinct().forEach(k -> pagesWithKey.merge(k, 1, Integer::sum));
        }
        int needed = Math.max(2, (int) Math.ceil(pages * MIN_SHARE));
        for (List<EdgeLine> edge : edges) {
            for (EdgeLine l : edge) {
                if (pagesWithKey.getOrDefault(l.key(), 0) >= needed) {
                    int end = l.end() < text.length() && text.charAt(l.end()) == '\n' ? l.end() + 1 : l.end();
                    remove.put(l.start(), end);
                }
            }
        }
    }

    /**
     * Where the layout says which lines stand in the margins: the first and last lines of each page that
     * are such lines go. Repetition is not needed, so a single page loses its letterhead and page number too.
     */
    private static void byPosition(String text, List<Integer> pageStarts, List<List<String>> marginLines,
                                   Map<Integer, Integer> remove) {
        for (int p = 0; p < pageStarts.size() && p < marginLines.size(); p++) {
            java.util.Set<String> margin = new java.util.HashSet<>();
            for (String m : marginLines.get(p)) {
                margin.add(collapse(m));
            }
            if (margin.isEmpty()) {
                continue;
            }
            int from = pageStarts.get(p);
            int to = p + 1 < pageStarts.size() ? pageStarts.get(p + 1) : text.length();
            List<Line> lines = lines(text, from, to);
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                boolean edge = i < EDGE_LINES || i >= lines.size() - EDGE_LINES;
                if (edge && margin.contains(collapse(text.substring(l.start(), l.end())))) {
                    int end = l.end() < text.length() && text.charAt(l.end()) == '\n' ? l.end() + 1 : l.end();
                    remove.put(l.start(), end);
                }
            }
        }
    }

    private static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static List<Line> lines(String text, int from, int to) {
        List<Line> out = new ArrayList<>();
        int start = from;
        while (start < to) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 || nl > to ? to : nl;
            String line = text.substring(start, end).strip();
            if (!line.isEmpty() && line.length() <= 200) {
                out.add(new Line(start, end));
            }
            start = end + 1;
        }
        return out;
    }

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * Lines that differ only in their numbers (page numbers, dates) are the same furniture. The patterns compiled
     * once ({@code String.replaceAll} compiled both for every line of every page).
     */
    private static String key(String line) {
        return SPACES.matcher(DIGITS.matcher(line.toLowerCase(Locale.ROOT)).replaceAll("#")).replaceAll(" ");
    }

    /**
     * Running headers and footers left in the normalised text: a paragraph of at most 100 characters that
     * opens or closes a page and, with its digits masked, opens or closes another page too.
     */
    static List<int[]> remaining(NormalisedText doc) {
        if (doc.pages() < 2) {
            return List.of();
        }
        Map<String, List<int[]>> byKey = new HashMap<>();
        Map<String, Set<Integer>> pagesByKey = new HashMap<>();
        List<int[]> paragraphs = doc.paragraphs();
        for (int k = 0; k < paragraphs.size(); k++) {
            int[] para = paragraphs.get(k);
            int page = doc.pageOf(para[0]);
            boolean first = k == 0 || doc.pageOf(paragraphs.get(k - 1)[0]) != page;
            boolean last = k == paragraphs.size() - 1 || doc.pageOf(paragraphs.get(k + 1)[0]) != page;
            if ((first || last) && para[1] - para[0] <= 100) {
                String key = doc.text().substring(para[0], para[1]).replaceAll("\\d+", "#").strip();
                byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(para);
                pagesByKey.computeIfAbsent(key, x -> new HashSet<>()).add(page);
            }
        }
        List<int[]> out = new ArrayList<>();
        byKey.forEach((key, paras) -> {
            if (pagesByKey.get(key).size() >= 2) {
                out.addAll(paras);
            }
        });
        return out;
    }
}
