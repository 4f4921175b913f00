package no.evidens.index;

/** A token stream that knows all the terms of the word it last gave ({@link TokenSteps}). */
interface WordTerms {
    /** The word's terms: its stem (the term just given), then its parts' stems. */
    char[][] terms();
}
