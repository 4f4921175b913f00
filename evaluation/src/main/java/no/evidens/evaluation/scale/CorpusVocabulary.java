package no.evidens.evaluation.scale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.corpus.SampleBundle;
import no.evidens.corpus.SampleDocument;

/**
 * The word statistics of the sample corpus that the benchmark's generated passages are drawn from:
 * word frequencies, which word follows which, how many words a sentence has and how many sentences a
 * passage has (a paragraph cut into chunks of at most three sentences, as the passage builder does).
 */
public final class CorpusVocabulary {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}§-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?»])\\s+(?=[\\p{Lu}«\\d])");

    private final String[] words;
    private final long[] cumulative;
    /**
     * The word each draw gives ({@code wordAt[r]} is the index {@link #word} finds for {@code r} by binary search),
     * when the corpus is small enough (the sample's is): a look-up instead of a search per word, the generator's
     * hottest step, with the same words drawn.
     */
    private final int[] wordAt;
    private final Map<String, String[]> followers;
    /**
     * The followers of {@code words[i]} as indexes into {@code words} (null where none followed it): the generator
     * walks sentences by index, without a hash look-up per word (nearly half of its samples in a profile).
     */
    private final int[][] followerIds;
    /** Corpora of more words than this draw by binary search (the table would take more than 16 MB). */
    private static final long MAX_TABLE = 4_000_000;
    private final int[] sentenceLengths;
    private final int[] passageSentences;

    private CorpusVocabulary(Map<String, Long> counts, Map<String, List<String>> next, List<Integer> sentenceLengths,
                             List<Integer> passageSentences) {
        List<Map.Entry<String, Long>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        this.words = new String[byCount.size()];
        this.cumulative = new long[byCount.size()];
        long sum = 0;
        for (int i = 0; i < byCount.size(); i++) {
            words[i] = byCount.get(i).getKey();
            sum += byCount.get(i).getValue();
            cumulative[i] = sum;
        }
        this.wordAt = sum <= MAX_TABLE ? drawTable(cumulative) : null;
        // Keys and followers are the very strings of the word list, so that a look-up of a drawn word is
        // answered by identity rather than by comparing characters (the generator's hottest step).
        Map<String, String> same = new HashMap<>();
        for (String w : words) {
            same.put(w, w);
        }
        this.followers = new HashMap<>();
        next.forEach((w, list) -> followers.put(same.getOrDefault(w, w),
                list.stream().map(f -> same.getOrDefault(f, f)).toArray(String[]::new)));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            index.put(words[i], i);
        }
        this.followerIds = new int[words.length][];
        followers.forEach((w, list) -> followerIds[index.get(w)] = Arrays.stream(list).mapToInt(f -> {
            Integer i = index.get(f);
            if (i == null) {
                // every follower is counted as a word where it stands (of), so this cannot happen
                throw new IllegalStateException("a follower that is not a word of the vocabulary");
            }
            return i;
        }).toArray());
        this.sentenceLengths = sentenceLengths.stream().mapToInt(Integer::intValue).toArray();
        this.passageSentences = passageSentences.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The statistics of the Fjordvik sample bundle's texts. */
    public static CorpusVocabulary ofSampleBundle() {
        List<String> texts = new ArrayList<>();
        for (SampleDocument d : SampleBundle.documents()) {
            if (!d.path().contains("/kopi/")) {
                texts.add(d.expectedText());
            }
        }
        return of(texts);
    }

    /** The statistics of some texts (paragraphs separated by blank lines). */
    public static CorpusVocabulary of(List<String> texts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, List<String>> next = new HashMap<>();
        List<Integer> sentenceLengths = new ArrayList<>();
        List<Integer> passageSentences = new ArrayList<>();
        for (String text : texts) {
            for (String paragraph : text.split("\n\n")) {
                String[] sentences = SENTENCE_END.split(paragraph.strip());
                for (int s = 0; s < sentences.length; s += 3) {
                    passageSentences.add(Math.min(3, sentences.length - s));
                }
                for (String sentence : sentences) {
                    List<String> ws = words(sentence);
                    if (ws.isEmpty()) {
                        continue;
                    }
                    sentenceLengths.add(ws.size());
                    for (int i = 0; i < ws.size(); i++) {
                        String w = i == 0 && !isAcronym(ws.get(i)) ? ws.get(i).toLowerCase(java.util.Locale.ROOT) : ws.get(i);
                        counts.merge(w, 1L, Long::sum);
                        if (i + 1 < ws.size()) {
                            next.computeIfAbsent(w, k -> new ArrayList<>()).add(ws.get(i + 1));
                        }
                    }
                }
            }
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("no words in the texts");
        }
        return new CorpusVocabulary(counts, next, sentenceLengths, passageSentences);
    }

    static List<String> words(String sentence) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static boolean isAcronym(String w) {
        return w.length() > 1 && w.chars().allMatch(c -> Character.isUpperCase(c) || c == '-');
    }

    /** Distinct words, most frequent first. */
    public List<String> wordsByFrequency() {
        return Arrays.asList(words);
    }

    public int distinctWords() {
        return words.length;
    }

    /** A word drawn by its frequency in the corpus. */
    String word(SplittableRandom random) {
        long r = random.nextLong(cumulative[cumulative.length - 1]);
        return words[wordAt != null ? wordAt[(int) r] : search(cumulative, r)];
    }

    /** As {@link #word}, the word's index in {@link #wordsByFrequency} (the same draw). */
    int wordIndex(SplittableRandom random) {
        long r = random.nextLong(cumulative[cumulative.length - 1]);
        return wordAt != null ? wordAt[(int) r] : search(cumulative, r);
    }

    /** The word at an index of {@link #wordsByFrequency}. */
    String wordOf(int index) {
        return words[index];
    }

    /** As {@link #follower}, by index: the index of a word that followed word {@code previous}, or -1 if none did. */
    int followerIndex(int previous, SplittableRandom random) {
        int[] f = followerIds[previous];
        return f == null ? -1 : f[random.nextInt(f.length)];
    }

    /** The first word whose cumulative count exceeds {@code r}. */
    private static int search(long[] cumulative, long r) {
        int i = Arrays.binarySearch(cumulative, r + 1);
        return i >= 0 ? i : -i - 1;
    }

    private static int[] drawTable(long[] cumulative) {
        int[] table = new int[(int) cumulative[cumulative.length - 1]];
        int i = 0;
        for (int r = 0; r < table.length; r++) {
            while (cumulative[i] <= r) {
                i++;
            }
            table[r] = i;
        }
        return table;
    }

    int sentenceLength(SplittableRandom random) {
        return sentenceLengths[random.nextInt(sentenceLengths.length)];
    }

    int passageSentences(SplittableRandom random) {
        return passageSentences[random.nextInt(passageSentences.length)];
    }

    /** Two-word sequences of the corpus, each word a lower-case content word, most frequent first. */
    public List<String> phrases(int minWordLength) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : followers.entrySet()) {
            if (!isContentWord(e.getKey(), minWordLength)) {
                continue;
            }
            for (String f : e.getValue()) {
                if (isContentWord(f, minWordLength)) {
                    counts.merge(e.getKey() + " " + f, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    public static boolean isContentWord(String w, int minLength) {
        return w.length() >= minLength && w.chars().allMatch(Character::isLowerCase);
    }
}
