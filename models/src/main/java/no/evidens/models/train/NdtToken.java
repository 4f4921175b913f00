package no.evidens.models.train;

/**
 * One treebank token: its form and its NorNE name tag in BIO form ({@code O}, {@code B-PER}, {@code I-LOC} …),
 * already mapped to the Evidens types PER, ORG, LOC.
 */
public record NdtToken(String form, String name) {
}
