package no.evidens.models;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The name rules' tests' common steps: a typed span found by its words, and the persons {@link DocumentNames#refine} keeps. */
final class RefinedPersons {
    private RefinedPersons() {
    }

    /** A span of {@code type} over the first place {@code name} stands in {@code sentence}. */
    static TaggedSpan typed(String type, String sentence, String name) {
        int at = sentence.indexOf(name);
        return new TaggedSpan(type, at, at + name.length());
    }

    /** The persons of each sentence after {@link DocumentNames#refine}, the model having found {@code model}. */
    static List<List<String>> persons(List<String> s, Function<String, List<TaggedSpan>> tokens, List<List<TaggedSpan>> model) {
        List<List<TaggedSpan>> out = DocumentNames.refine(s, s.stream().map(tokens).toList(), model);
        List<List<String>> persons = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            String sentence = s.get(i);
            persons.add(out.get(i).stream().filter(n -> "PER".equals(n.type())).map(n -> n.cut(sentence)).toList());
        }
        return persons;
    }
}
