package no.evidens.pipeline.cli;

import java.util.function.Consumer;
import java.util.function.Function;

import picocli.CommandLine.Mixin;

import no.evidens.access.AccessStore;

/** A command on the home's access store (accounts, members of cases): the home, and the store opened for one call. */
abstract class AccessAction extends CliAction {
    @Mixin
    HomeOption home;

    /** A call on the home's access store, opened for it and closed after. */
    final <T> T inStore(Function<AccessStore, T> call) {
        try (AccessStore s = AccessStore.open(home.resolve().access())) {
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
