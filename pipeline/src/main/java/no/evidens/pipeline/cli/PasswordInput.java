package no.evidens.pipeline.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A new password, never from an argument (it would stand in the shell's history and the process list):
 * asked for twice at a terminal, or one line of standard input ({@code --password-stdin}, for scripts).
 */
final class PasswordInput {
    static final int MIN_LENGTH = 10;

    private PasswordInput() {
    }

    static char[] read(boolean fromStdin, String who) {
        Console console = System.console();
        char[] pw;
        if (!fromStdin && console != null) {
            pw = console.readPassword("New password for %s: ", who);
            char[] again = console.readPassword("The same again: ");
            if (pw == null || again == null || !Arrays.equals(pw, again)) {
                throw new IllegalArgumentException("the two passwords differ; nothing was changed");
            }
            Arrays.fill(again, '\0');
        } else if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                pw = line == null ? new char[0] : line.toCharArray();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the password from standard input: " + e.getMessage());
            }
        } else {
            throw new IllegalArgumentException("no terminal to ask for the password: pipe it in with --password-stdin");
        }
        if (pw.length < MIN_LENGTH) {
            throw new IllegalArgumentException("the password is too short: at least " + MIN_LENGTH + " characters");
        }
        return pw;
    }
}
