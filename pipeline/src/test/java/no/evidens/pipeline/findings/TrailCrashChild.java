package no.evidens.pipeline.findings;

import java.nio.file.Path;
import java.time.Duration;

import no.evidens.findings.trail.AuditEvent;

/**
 * The process {@link TrailCrashIT} kills: records entries with a {@link TrailWriter}, prints each id as soon as
 * {@code record} returns (as a server would then send its response), and halts without closing anything.
 */
public final class TrailCrashChild {
    private TrailCrashChild() {
    }

    public static void main(String[] args) {
        TrailWriter writer = new TrailWriter(Path.of(args[0]), Path.of(args[1]), Duration.ofSeconds(20));
        int n = Integer.parseInt(args[2]);
        for (int i = 0; i < n; i++) {
            long id = writer.record(new AuditEvent("kari", "show-document", "fjordvik-2026", AuditEvent.FILE, "1acc" + i, "journal")).id();
            System.out.println(id);
            System.out.flush();
        }
        // no close, no shutdown hooks: as a process killed right after its last response
        Runtime.getRuntime().halt(9);
    }
}
