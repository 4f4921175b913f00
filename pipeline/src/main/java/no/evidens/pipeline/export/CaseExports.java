package no.evidens.pipeline.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.findings.EvidenceDraft;
import no.evidens.findings.EvidenceItem;
import no.evidens.findings.Finding;
import no.evidens.findings.FindingKind;
import no.evidens.findings.FindingStore;
import no.evidens.findings.HistoryEntry;
import no.evidens.findings.ImportedFinding;
import no.evidens.findings.LegalRequirement;
import no.evidens.findings.Provenance;
import no.evidens.findings.Stance;
import no.evidens.index.EvidenceIndex;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.export.CaseExport.Citation;
import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.CaseExport.HistoryOut;
import no.evidens.pipeline.export.CaseExport.ProvenanceOut;
import no.evidens.pipeline.export.CaseExport.RequirementOut;

/** Reads a case out of the findings store (optionally anonymised), and imports an exported case into one. */
public final class CaseExports {
    private CaseExports() {
    }

    /**
     * The case as exported.
     *
     * @param anonymiser null to export the quotations as they are; else quotations and notes are anonymised
     *                   and the history (which holds the quotations) is left out
     */
    public static CaseExport read(FindingStore store, String caseId, String actor, Anonymiser anonymiser) {
        return read(store, caseId, actor, anonymiser, null);
    }

    /**
     * The case as exported; with an index, the anonymiser also replaces names it finds elsewhere in each
     * quotation's document (a first name alone that the model misses inside the short quotation).
     */
    public static CaseExport read(FindingStore store, String caseId, String actor, Anonymiser anonymiser, EvidenceIndex index) {
        return read(store, caseId, actor, anonymiser, index, new Persons());
    }

    /**
     * An anonymised export of the case, and the findings whose own words (title, text: not anonymised) hold a name the
     * export masked in the quotations, their notes, searches or documents' titles.
     */
    public record Anonymised(CaseExport export, List<OwnWords.Named> namesInOwnWords) {
    }

    /** The case anonymised (with an index, as {@link #read(FindingStore, String, String, Anonymiser, EvidenceIndex)}). */
    public static Anonymised anonymised(FindingStore store, String caseId, String actor, Anonymiser anonymiser, EvidenceIndex index) {
        Persons persons = new Persons();
        CaseExport export = read(store, caseId, actor, anonymiser, index, persons);
        return new Anonymised(export, OwnWords.in(export.findings(), persons.masked()));
    }

    private static CaseExport read(FindingStore store, String caseId, String actor, Anonymiser anonymiser, EvidenceIndex index,
                                   Persons first) {
        List<Finding> findings = store.findings(caseId);
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("case " + caseId + " has no findings (see: evidens finding create --help)");
        }
        List<FindingOut> out = new ArrayList<>();
        // One count of persons for the whole export: «[navn 1]» is the same person in every finding of the report
        Persons persons = first;
        for (Finding f : findings) {
            out.add(finding(f, store.evidence(f.id()), anonymiser, persons, index));
            persons = persons.nextFinding();
        }
        List<HistoryOut> history = anonymiser != null ? List.of()
                : store.history(caseId, null).stream().map(CaseExports::history).toList();
        return new CaseExport(CaseExport.FORMAT, CaseExport.VERSION, caseId, Instant.now().toString(), actor, anonymiser != null,
                out, history);
    }

    /** A finding with its evidence as exported (quotations and notes anonymised when an anonymiser is given). */
    public static FindingOut finding(Finding f, List<EvidenceItem> items, Anonymiser anonymiser) {
        return finding(f, items, anonymiser, new Persons(), null);
    }

    private static FindingOut finding(Finding f, List<EvidenceItem> items, Anonymiser anonymiser, Persons persons,
                                      EvidenceIndex index) {
        List<EvidenceOut> evidence = new ArrayList<>();
        for (EvidenceItem item : items) {
            evidence.add(evidence(item, anonymiser, persons, context(index, f.caseId(), item)));
        }
        return new FindingOut(f.id(), f.ref(), f.label(), f.kind().id(), f.number(), NationalIds.mask(f.title()),
                f.requirements().stream().map(r -> new RequirementOut(r.law(), r.sections(), r.text())).toList(),
                NationalIds.mask(f.text()),
                f.status(), f.createdBy(), f.createdAt().toString(), f.updatedBy(), f.updatedAt().toString(), evidence,
                f.version(), f.position(), f.reportNumber());
    }

    /** One evidence item as exported. */
    public static EvidenceOut evidence(EvidenceItem item, Anonymiser anonymiser, Persons persons) {
        return evidence(item, anonymiser, persons, List.of());
    }

    private static List<String> context(EvidenceIndex index, String caseId, EvidenceItem item) {
        if (index == null) {
            return List.of();
        }
        try {
            return index.document(caseId, item.evidence().docId()).map(d -> List.of(d.text())).orElse(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index: " + e.getMessage(), e);
        }
    }

    private static EvidenceOut evidence(EvidenceItem item, Anonymiser anonymiser, Persons persons, List<String> context) {
        EvidenceDraft e = item.evidence();
        // No export holds a fødselsnummer, anonymised or not: the anonymiser's own mask knows only valid ones, so what a
        // label calls one is masked after it too (NationalIds).
        String quote = NationalIds.mask(anonymiser == null ? e.quote() : anonymiser.anonymise(e.quote(), persons, context));
        String note = NationalIds.mask(anonymiser == null || e.note() == null ? e.note() : anonymiser.anonymise(e.note(), persons));
        // A document's title and file name may name the person the record is about («Individuell plan – Tobias Lunde»):
        // anonymised, the title is masked as its quotations are (the same placeholders) and the file is named by its
        // document alone, since a name written in lower case into a file name is no name the model can find; the bundle's
        // folder (which may be named after the person too) is left out.
        String title = e.title() == null ? null
                : NationalIds.mask(anonymiser == null ? e.title() : anonymiser.anonymise(e.title(), persons, context));
        String file = anonymiser == null ? NationalIds.mask(e.file()) : anonymousFile(e.file(), e.docId());
        return new EvidenceOut(item.id(), item.position(), e.stance().id(), quote,
                source(title, file, e.type(), e.page(), e.endPage()),
                new Citation(title, file, e.type(), e.docId(), e.page(), e.endPage(), e.start(), e.end(),
                        SourceWords.kind(e.file()).orElse(null)),
                e.passageId(), e.lastPassageId(), e.sha256(), anonymiser == null ? NationalIds.mask(e.sourceBundle()) : null, note,
                provenance(e.provenance(), anonymiser, persons), item.addedBy(), item.addedAt().toString(), e.normaliserVersion());
    }

    /**
     * The search the quotation was found by, as exported: masked as its note is (a fødselsnummer typed into a search is as
     * much personal data as one in a quotation, and a name searched for is the name the quotation's mask hides).
     */
    private static ProvenanceOut provenance(Provenance p, Anonymiser anonymiser, Persons persons) {
        UnaryOperator<String> mask = v -> v == null ? null
                : NationalIds.mask(anonymiser == null ? v : anonymiser.anonymise(v, persons));
        Map<String, String> filters = new TreeMap<>();
        p.filters().forEach((k, v) -> filters.put(k, mask.apply(v)));
        return new ProvenanceOut(mask.apply(p.query()), filters);
    }

    /** A history entry as exported. */
    public static HistoryOut history(HistoryEntry h) {
        return new HistoryOut(h.findingId(), h.findingRef(), h.evidenceId(), h.action(), h.actor(), h.at().toString(),
                tree(h.before()), tree(h.after()));
    }

    /**
     * The source of a quotation as a report writes it: the document's title (else its file), its type,
     * and its page or pages.
     */
    private static String source(String title, String file, String type, int page, int endPage) {
        String name = title == null || title.isBlank() ? file : title;
        String pages = endPage > page ? "sidene " + page + "–" + endPage : "side " + page;
        return name + ", " + type + ", " + pages;
    }

    /** An anonymised export's name for a quotation's file: its document id, with the file's ending kept. */
    static String anonymousFile(String file, String docId) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return "dokument-" + docId + (dot > 0 ? name.substring(dot) : "");
    }

    /**
     * Imports an exported case (JSON) into the store, under its own case id (the passages it cites
     * belong to that case's evidence index). A quotation the export masked a personal number in is taken back from the
     * index as it was quoted ({@link ImportedCitations}), or refused, and with it the whole import.
     *
     * @param index the home's evidence index, or null when it has none
     * @return the case id it was imported as
     */
    public static String importFile(FindingStore store, Path file, String actor, EvidenceIndex index) {
        CaseExport export;
        try {
            export = Json.mapper().readValue(file.toFile(), CaseExport.class);
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            // Jackson's own words ("Unexpected character ('#' (code 35)) …") tell a person nothing
            throw new IllegalArgumentException("cannot read " + file + " as exported findings: it is not JSON (line "
                    + e.getLocation().getLineNr() + "); import reads a file made by evidens export --format json");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " as exported findings: " + firstLine(e));
        }
        if (!CaseExport.FORMAT.equals(export.format()) || export.version() != CaseExport.VERSION) {
            throw new IllegalArgumentException(file + " is not a findings export of version " + CaseExport.VERSION
                    + " (made with evidens export --format json)");
        }
        if (export.anonymised()) {
            throw new IllegalArgumentException(file + " is anonymised: its quotations no longer match their sources;"
                    + " import an export made without --anonymise");
        }
        String caseId = export.caseId();
        ImportedCitations citations = new ImportedCitations(index == null ? ImportedCitations.Documents.NONE : index::document,
                caseId);
        List<ImportedFinding> findings = new ArrayList<>();
        for (FindingOut f : export.findings()) {
            Finding finding = new Finding(f.id(), caseId, FindingKind.of(f.kind()), f.number(), f.title(),
                    f.requirements().stream().map(r -> new LegalRequirement(r.law(), r.sections(), r.text())).toList(), f.text(),
                    f.status(), f.createdBy(), Instant.parse(f.createdAt()), f.updatedBy(), Instant.parse(f.updatedAt()), 1);
            List<EvidenceItem> items = new ArrayList<>();
            for (EvidenceOut e : f.evidence()) {
                Citation c = e.citation();
                if (!e.passageId().startsWith(caseId + "/")) {
                    throw new IllegalArgumentException("passage " + e.passageId() + " in " + file + " is not of case " + caseId);
                }
                ImportedCitations.Cited cited = citations.cited(f.ref(), e);
                items.add(new EvidenceItem(e.id(), f.id(), e.position(), new EvidenceDraft(e.passageId(), e.lastPassageId(),
                        c.docId(), c.start(), c.end(), cited.quote(), cited.title(), cited.file(), c.type(), c.page(), c.endPage(),
                        e.sha256(), e.sourceBundle(), Stance.of(e.stance()), e.note(),
                        new Provenance(e.provenance().query(), e.provenance().filters()), e.normaliserVersion()), e.addedBy(),
                        Instant.parse(e.addedAt())));
            }
            findings.add(new ImportedFinding(finding, items));
        }
        List<HistoryEntry> history = export.history().stream()
                .map(h -> new HistoryEntry(0, caseId, h.findingId(), h.finding(), h.evidenceId(), h.action(), h.actor(),
                        Instant.parse(h.at()), text(h.before()), text(h.after())))
                .toList();
        store.importCase(caseId, findings, history, actor);
        return caseId;
    }

    private static JsonNode tree(String json) {
        try {
            return json == null ? null : Json.mapper().readTree(NationalIds.mask(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Writes through a temporary file beside the target, so a failed export leaves no half file. The temporary file has a
     * name of its own (the process and a random number), so two exports to one file at once (two auditors, or a command
     * and the workspace) each write their own and the last to finish is the file, whole. A target that is not a
     * plain file (a device such as {@code /dev/stdout}, a named pipe, or a link) is written straight into: moving a file
     * over it would replace the device or the link itself (as root, {@code --out /dev/stdout} would have replaced
     * {@code /dev/stdout}). A folder is refused; a folder not there yet is made.
     */
    public static void atomically(Path out, IoWriter writer) {
        Path abs = out.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new UncheckedIOException("cannot write " + out + ": it is a folder; give the name of a file in it",
                    new IOException(out + " is a folder"));
        }
        // not Files.createTempFile: its file is readable by its owner alone, and the export would keep that when moved
        Path tmp = abs.resolveSibling(abs.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            if (Files.isSymbolicLink(abs) || (Files.exists(abs) && !Files.isRegularFile(abs))) {
                writer.write(abs);
                return;
            }
            Files.createDirectories(abs.getParent());
            writer.write(tmp);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            leaveNothing(tmp);
            throw new UncheckedIOException("cannot write " + out + ": " + why(e), e);
        } catch (RuntimeException e) {
            leaveNothing(tmp);
            throw e;
        }
    }

    /** Takes away a temporary file of a write that failed. */
    private static void leaveNothing(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException | RuntimeException left) {
            // the export failed already; a temporary file left behind is named in no message
        }
    }

    /** Why a file could not be written, in words: the JDK's message for a missing permission is the path alone. */
    private static String why(IOException e) {
        if (e instanceof AccessDeniedException a) {
            Path file = a.getFile() == null ? null : Path.of(a.getFile()).getParent();
            return "no permission to write there" + (file == null ? "" : " (" + file + ")");
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        // the JDK's message of these is the path alone as well
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file, where a folder would have to be";
        }
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + " is not there and could not be made";
        }
        return String.valueOf(e.getMessage());
    }

    /** Writes a file's content. */
    @FunctionalInterface
    public interface IoWriter {
        void write(Path file) throws IOException;
    }
}
