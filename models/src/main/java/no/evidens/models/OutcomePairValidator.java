package no.evidens.models;

import java.util.HashMap;
import java.util.Map;

import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderSequenceValidator;

/**
 * OpenNLP's validator of the name finder's BIO outcomes, with its answers for a continuation remembered. OpenNLP
 * answers for an outcome from that outcome and the last outcome before it alone (none at a run's start): a
 * continuation ({@code PER-cont}) is valid only after a start or continuation of the same type, which it finds by two
 * regular-expression matches per question, asked for every continuation at every token of every sequence of the beam.
 * The model has a handful of outcomes, so the pairs are few: each is asked of OpenNLP once per finder and its answer
 * kept. One per finder, so one thread.
 */
final class OutcomePairValidator extends NameFinderSequenceValidator {
    private static final String NONE = ""; // the key for "no outcome before" (a run's first token)

    private final Map<String, Map<String, Boolean>> answers = new HashMap<>();

    @Override
    public boolean validSequence(int i, String[] inputSequence, String[] outcomesSequence, String outcome) {
        if (!outcome.endsWith(BioCodec.CONTINUE)) {
            return super.validSequence(i, inputSequence, outcomesSequence, outcome); // answered at once
        }
        String last = outcomesSequence.length == 0 ? NONE : outcomesSequence[outcomesSequence.length - 1];
        Map<String, Boolean> after = answers.computeIfAbsent(last, k -> new HashMap<>());
        Boolean valid = after.get(outcome);
        if (valid == null) {
            valid = super.validSequence(i, inputSequence, outcomesSequence, outcome);
            after.put(outcome, valid);
        }
        return valid;
    }

    /** OpenNLP's BIO codec, whose validator is this one. */
    static final class Codec extends BioCodec {
        @Override
        public NameFinderSequenceValidator createSequenceValidator() {
            return new OutcomePairValidator();
        }
    }
}
