package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code serve --body-share N}: a share outside 1 to the server's body slots is a usage error, said before the server starts. */
class ServeBodyShareTest {
    @Test
    void aShareOutsideOneToTheServersBodySlotsIsRefusedWithExit2(@TempDir Path home) {
        for (String bad : new String[] {"0", "9", "-1"}) {
            StringWriter err = new StringWriter();
            CommandLine cli = EvidensCli.commandLine();
            cli.setErr(new PrintWriter(err));
            cli.setOut(new PrintWriter(new StringWriter()));
            int code = cli.execute("serve", "--home", home.toString(), "--port", "0", "--body-share", bad);
            assertEquals(2, code, err.toString());
            assertEquals("evidens: --body-share must be a whole number from 1 to 8 (uploads or edits one member may send at once), was "
                    + bad, err.toString().strip());
        }
    }
}
