package no.evidens.pipeline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.index.SettledRead;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.ingest.CaseVersions;

/**
 * A search leaves out the earlier versions the case's register names as the register is now, also after a write that
 * leaves its file the same size and time (two writes within one tick of a coarse file clock; set by hand here).
 */
class CurrentVersionsTest {
    private static final FileTime T = FileTime.fromMillis(1_800_000_000_000L);
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @TempDir
    Path home;

    /** The index under the versions: it answers every search with nothing, and keeps what the last one left out. */
    private static final class Searched extends SearchOnlyIndex {
        Set<String> leftOut;

        @Override
        public SearchResult search(SearchRequest request) {
            leftOut = request.leftOut();
            return new SearchResult(request.query(), 0, 0, List.of(), Map.of());
        }
    }

    @Test
    void aSecondWriteOfTheSameSizeAndTimeIsSeenByTheNextSearch() throws Exception {
        // the register was written just before the search read it: a write in the same tick may follow
        AtomicLong now = new AtomicLong(T.toMillis() + 5);
        Searched index = new Searched();
        CurrentVersions versions = new CurrentVersions(index, home, now::get);

        Path file = writeRegister(A);
        assertEquals(Set.of("sak/" + A), leftOut(versions, index));
        long size = Files.size(file);
        writeRegister(B);
        assertEquals(size, Files.size(file), "the same size");
        assertEquals(Set.of("sak/" + B), leftOut(versions, index), "the second write is seen");
    }

    @Test
    void aSettledRegisterIsNotReadAgainUntilTheBoundAndAWriteHiddenByALaggingClockIsSeenThen() throws Exception {
        // the register's time reads as long ago (a file server's clock behind this one): its reading is trusted
        AtomicLong now = new AtomicLong(T.toMillis() + SettledRead.SETTLED_MILLIS);
        Searched index = new Searched();
        CurrentVersions versions = new CurrentVersions(index, home, now::get);

        writeRegister(A);
        assertEquals(Set.of("sak/" + A), leftOut(versions, index));
        writeRegister(B);
        now.addAndGet(SettledRead.REREAD_MILLIS - 1);
        assertEquals(Set.of("sak/" + A), leftOut(versions, index), "within the bound the settled reading stands: not read");
        now.addAndGet(1);
        assertEquals(Set.of("sak/" + B), leftOut(versions, index), "once the bound has passed it is read again");
    }

    private static Set<String> leftOut(CurrentVersions versions, Searched index) throws Exception {
        versions.search(new SearchRequest("tilsyn", "sak", null, 10));
        return index.leftOut;
    }

    /** The case's register with one earlier version, {@code doc}, written and given the time {@link #T}. */
    private Path writeRegister(String doc) throws Exception {
        Path file = new CaseVersions(home).file("sak");
        Json.write(new CaseVersions.Register(Map.of(), Map.of(doc, new CaseVersions.Replaced("c".repeat(64), "j/notat.txt", "lyngvik"))),
                file);
        Files.setLastModifiedTime(file, T);
        return file;
    }
}
