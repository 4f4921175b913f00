package no.evidens.pipeline.cli;

import java.time.Duration;

import java.util.function.Consumer;
import java.util.function.Function;

import picocli.CommandLine.Mixin;

import no.evidens.access.AccessStore;
import no.evidens.pipeline.store.HomeStores;

/** A command on the home's access store (accounts, members of cases): the home, and the store opened for one call. */
abstract class AccessAction extends CliAction {
    @Mixin
    HomeOption home;

    /** A call on the home's access store, opened for it and closed after. */
    final <T> T inStore(Function<AccessStore, T> call) {
        try (AccessStore s = HomeStores.of(home.resolve()).access(Duration.ofSeconds(30))) {
            return call.apply(s);
        }
    }

    /** A use of the home's access store that returns nothing, the store opened for it and closed after. */
    final void withStore(Consumer<AccessStore> use) {
        inStore(s -> {
            use.accept(s);
            return null;
        });
    }
}
