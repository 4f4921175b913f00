package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;

/** A document's date on each of its passages: what a sort by date and the shown date read. */
class PassageDateTest {

    @Test
    void everyPassageOfADocumentGetsItsDayAndDate() {
        SharedFields shared = new SharedFields();
        for (String date : List.of(" 2024-03-05 ", "2024-03-05T10:00", "2023-12-31")) {
            for (int p = 0; p < 3; p++) {
                Document d = PassageSchema.toDocument(passage(p, date), shared);
                String day = date.strip().substring(0, 10);
                assertEquals(LocalDate.parse(day).toEpochDay(), d.getField(PassageSchema.SORT_DATE).numericValue().longValue(), date);
                assertEquals(day, d.get(PassageSchema.DATE), date);
            }
        }
    }

    @Test
    void aValueThatIsNoDateGivesNeitherSoThePassageSortsLast() {
        SharedFields shared = new SharedFields();
        for (String date : List.of("2024-02-30", "5. mars 2024", "", "2024-3-5", "2024-03-05", "2024-13-01")) {
            for (int p = 0; p < 2; p++) {
                Document d = PassageSchema.toDocument(passage(p, date), shared);
                IndexableField day = d.getField(PassageSchema.SORT_DATE);
                if (date.equals("2024-03-05")) {
                    assertEquals(LocalDate.of(2024, 3, 5).toEpochDay(), day.numericValue().longValue());
                } else {
                    assertNull(day, date);
                    assertNull(d.get(PassageSchema.DATE), date);
                }
            }
        }
    }

    private static Passage passage(int p, String date) {
        return new Passage(Passage.idOf("sak", "d", p), "sak", "d", "a.txt", "rapport", "A", "", 1, 0, 5, "Tekst",
                List.of(), List.of(), List.of(), Map.of(PassageSchema.DATE, date));
    }
}
