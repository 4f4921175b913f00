package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** {@code serve --tls-keystore}: a keystore that cannot be opened is said with its file and where its password came from. */
class ServeKeystoreTest {
    @Test
    void aKeystoreThatCannotBeOpenedIsNamedWithWhereItsPasswordCameFrom(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("evidens.p12");
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            ks.store(out, "riktig-passord".toCharArray());
        }
        ServeCommand.checkKeystore(file, "riktig-passord");
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> ServeCommand.checkKeystore(file, "feil"));
        assertTrue(wrong.getMessage().startsWith("cannot open the keystore " + file + " with the password in EVIDENS_TLS_PASSWORD: "),
                wrong.getMessage());
        Path missing = tmp.resolve("finnes-ikke.p12");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServeCommand.checkKeystore(missing, "x")).getMessage()
                .contains(missing.toString()));
    }
}
