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
 * {@code source} field (CSV, JSON) keeps its form. An anonymised export's file is named by its document alone, and a
 * container's name may name the person as a file's may, so there only the container's kind is said, from the
 * citation's {@code container}: «Vedlegg (vedlegg til en e-post), annet, side 1», «… (fra et arkiv)».
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
        boolean titled = title != null && !title.isBlank();
        String added;
        if (container.isPresent()) {
            if (!titled) {
                // without a title the source names the file, whose path names the container already
                return source;
            }
            added = container.get();
        } else if (e.citation().container() != null) {
            added = t.get("export.container." + e.citation().container() + ".unnamed");
        } else {
            return source;
        }
        String name = titled ? title : file;
        String words = " (" + added + ")";
        return name != null && source.startsWith(name + ", ") ? name + words + source.substring(name.length()) : source + words;
    }

    /**
     * The kind of file a document came inside, {@code mail}, {@code archive} or {@code other}, from its path (the last
     * container for one nested in several); empty for a file of the bundle itself.
     */
    public static Optional<String> kind(String file) {
        return containerName(file).map(name -> {
            int dot = name.lastIndexOf('.');
            String ending = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            return MAIL.contains(ending) ? "mail" : ARCHIVE.contains(ending) ? "archive" : "other";
        });
    }

    /**
     * The words for the container the file came in, the last one for a file nested in several (an attachment of an
     * e-mail inside a ZIP came in the e-mail); empty for a file of the bundle itself.
     */
    static Optional<String> container(String file, Texts t) {
        return containerName(file).map(name -> t.get("export.container." + kind(file).orElseThrow(), name));
    }

    /** The file name of the container the file came in (the last of several), or empty. */
    private static Optional<String> containerName(String file) {
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
        return Optional.of(path.substring(path.lastIndexOf('/') + 1));
    }
}
