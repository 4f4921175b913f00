package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.pipeline.bundle.BundleEntry;
import no.evidens.pipeline.extract.Extraction;

/**
 * A document's extraction (the text as Tika gave it, and the texts of the documents inside it) is let go once its text
 * is normalised: the stages after it, each in turn the body of the document's exchange while it is tagged, built into
 * passages and indexed, cannot hold it. Carried to the end, it was one more copy of a huge text in the heap (round 51).
 */
class DocumentStageTest {
    @Test
    void noStageAfterNormalisingCanHoldTheExtraction() {
        List<Class<?>> after = new ArrayList<>();
        for (Class<?> stage : DocumentStage.class.getPermittedSubclasses()) {
            if (stage != DocumentWork.class) {
                after.add(stage);
            }
        }
        assertEquals(3, after.size(), "normalised, analysed, built");
        for (Class<?> stage : after) {
            assertFalse(reaches(stage, Extraction.class, new HashSet<>()),
                    stage.getSimpleName() + " holds an extraction through its record components");
        }
        assertTrue(reaches(DocumentWork.class, Extraction.class, new HashSet<>()), "the check sees the work's own");
    }

    /** Whether a record's components (their types, and their type arguments) lead to {@code target}, through records. */
    private static boolean reaches(Class<?> type, Class<?> target, Set<Class<?>> seen) {
        if (type == target) {
            return true;
        }
        if (!type.isRecord() || !seen.add(type)) {
            return false;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            for (Class<?> t : classesIn(c.getGenericType())) {
                if (reaches(t, target, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Class<?>> classesIn(Type type) {
        List<Class<?>> out = new ArrayList<>();
        if (type instanceof Class<?> c) {
            out.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            out.addAll(classesIn(p.getRawType()));
            for (Type a : p.getActualTypeArguments()) {
                out.addAll(classesIn(a));
            }
        }
        return out;
    }

    @Test
    void whatTheLaterStagesKnowOfTheDocumentIsWhatTheWorkSaid() {
        BundleEntry entry = new BundleEntry("journaler/notat.txt", Path.of("notat.txt"), "journal", null, "2025-03-01",
                null);
        Extraction extraction = new Extraction("Teksten.", List.of(0), "text/plain", "  Notat om samtykke ");
        String sha256 = "ab12".repeat(16);
        List<DocumentWork> works = DocumentWork.of(new HashedFile(entry, sha256), extraction, "Fjordvik");
        DocumentWork work = works.get(works.size() - 1);
        DocumentRef ref = work.ref();
        assertEquals(List.of("journaler/notat.txt", "journal", sha256, work.docId(), "Notat om samtykke", "text/plain"),
                List.of(ref.path(), ref.type(), ref.sha256(), ref.docId(), ref.title(), ref.mediaType()));
        assertEquals(work.facets(), ref.facets());
        assertEquals(Map.of("kommune", "Fjordvik", "år", "2025", "dato", "2025-03-01"), Map.copyOf(ref.facets()));
    }

    @Test
    void theBuiltStageLeavesThePassagesToBeMadeAsTheIndexReadsThem() {
        // the builder makes each passage when it is read; a copy of the list here made a huge text's passages all at once
        AtomicInteger made = new AtomicInteger();
        List<Passage> passages = new AbstractList<>() {
            @Override
            public Passage get(int n) {
                made.incrementAndGet();
                return new Passage("sak/d/" + n, "sak", "d", "a.txt", "annet", "A", "", 1, n, n + 1, "x", List.of(),
                        List.of());
            }

            @Override
            public int size() {
                return 3;
            }
        };
        IndexedDocument document = new IndexedDocument("d", "sak", "a.txt", "annet", "A", "ab", "text/plain", "xxx",
                List.of(0));
        DocumentStage.Built built = new DocumentStage.Built(null, document, passages);
        assertEquals(0, made.get(), "passages made before the index read them");
        assertEquals(3, built.passages().size());
        assertEquals("sak/d/2", built.passages().get(2).passageId());
    }
}
