package no.evidens.evaluation.team;

/**
 * What all simulated users of one phase of a bench share ({@link UserLoad}, {@link StoreUser}, {@link SearchLoad}): whether
 * their requests are measured now, and whether they go on.
 */
final class BenchPhase {
    volatile boolean measuring;
    volatile boolean running = true;
}
