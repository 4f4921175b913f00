package no.evidens.pipeline.export;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.lang.Texts;

/**
 * A quotation's source as a reader of a report sees it: the export's {@code source} (title, type, pages), and, for a
 * document that came inside an e-mail or an archive ({@code mail.eml!/vedlegg.docx}), the container it came in, in the
 * report's language: «rutine-skole (vedlegg til e-posten epost-rutine-skole.eml), annet, side 1». The export's
 * {@code source} field (CSV, JSON) keeps its form; an anonymised export's file is named by its document alone, so it
 * names no container (a container's name may name the person, as a file's may).
 */
public final class SourceWords {
    private static final Set<String> MAIL = Set.of("eml", "msg", "mbox", "emlx");
    private static final Set<String> ARCHIVE = Set.of("zip", "7z", "rar", "tar", "gz", "tgz", "bz2", "xz");

    private SourceWords() {
    }

    /** The source with its container, if the quoted document came in one, else the export's source as it is. */
    public static String source(EvidenceOut e, Texts t) {
        String source = e.source();
        String file = e.citation().file();
        String title = e.citation().title();
        Optional<String> container = container(file, t);
        if (container.isEmpty() || title == null || title.isBlank()) {
            // without a title the source names the file, whose path names the container already
            return source;
        }
        String added = " (" + container.get() + ")";
        return source.startsWith(title + ", ") ? title + added + source.substring(title.length()) : source + added;
    }

    /**
     * The words for the container the file came in, the last one for a file nested in several (an attachment of an
     * e-mail inside a ZIP came in the e-mail); empty for a file of the bundle itself.
     */
    static Optional<String> container(String file, Texts t) {
        if (file == null) {
            return Optional.empty();
        }
        int inside = file.lastIndexOf("!/");
        if (inside < 0) {
            return Optional.empty();
        }
        String outer = file.substring(0, inside);
        int step = outer.lastIndexOf("!/");
        String path = step < 0 ? outer : outer.substring(step + 2);
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String ending = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String key = MAIL.contains(ending) ? "export.container.mail" : ARCHIVE.contains(ending) ? "export.container.archive"
                : "export.container.other";
        return Optional.of(t.get(key, name));
    }
}
