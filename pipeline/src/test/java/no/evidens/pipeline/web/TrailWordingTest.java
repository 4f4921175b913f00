package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;

/** Audit entries earlier versions wrote in English are shown as the trail words them today; nothing else changes. */
class TrailWordingTest {
    private static void shown(String action, String old, String today) {
        assertEquals(today, TrailWording.today(action, old), action + ": " + old);
        // what the trail writes today is shown as it stands
        assertEquals(today, TrailWording.today(action, today), action + ": " + today);
    }

    @Test
    void theOriginalPageAndTheDocumentViewOfTheWorkspace() {
        shown("show-document", "journal, workspace page 3", "journal, arbeidsflaten, side 3");
        shown("show-document", "klientdokumentasjon, workspace", "klientdokumentasjon, arbeidsflaten");
        shown("show-passage", "journal, workspace, 1 around", "journal, arbeidsflaten, 1 avsnitt rundt");
        shown("show-passage", "journal, evidens show, 2 around", "journal, evidens show, 2 avsnitt rundt");
        shown("show-quotations", "quoting 1acc467555cf747e 99aa, workspace", "siterer 1acc467555cf747e 99aa, arbeidsflaten");
        shown("show-quotations", "quoting 1acc467555cf747e, evidens finding show", "siterer 1acc467555cf747e, evidens finding show");
    }

    @Test
    void searchesExportsAndDeletions() {
        shown("search", "«barnevern, 3 hits» type:journal, 12 hits", "«barnevern, 3 hits» type:journal, 12 treff");
        shown("export", "docx, anonymised", "docx, anonymisert");
        shown("export", "md, not anonymised", "md, ikke anonymisert");
        shown("record-delete", "journal, file journaler/notat.txt", "journal, fil journaler/notat.txt");
        shown("record-delete", "journal, fil deleted", "journal, fil slettet");
        shown("record-delete", "klientdokumentasjon, fil deleted from bunt.zip", "klientdokumentasjon, fil slettet fra bunt.zip");
        shown("record-delete", "journal, fil slettet", "journal, fil slettet");
        shown("records-delete", "4 journals and client records", "4 journaler og klientdokumenter");
        shown("group-export", "tilsyn-2026, docx, 3 cases, anonymised", "tilsyn-2026, docx, 3 saker, anonymisert");
        shown("group-export", "tilsyn-2026, md, 2 cases, not anonymised", "tilsyn-2026, md, 2 saker, ikke anonymisert");
    }

    @Test
    void findingsAndQuotations() {
        shown("finding-create", "with quotation of 1acc467555cf747e", "med sitat fra 1acc467555cf747e");
        shown("finding-edit", "version 2", "versjon 2");
        shown("finding-submit", "til gjennomgang, version 3", "til gjennomgang, versjon 3");
        shown("finding-approve", "godkjent, version 4", "godkjent, versjon 4");
        shown("finding-reopen", "utkast, version 5", "utkast, versjon 5");
        shown("quotation-attach", "#1 from 1acc467555cf747e", "#1 fra 1acc467555cf747e");
        shown("quotation-move", "#2 to position 1", "#2 til plass 1");
    }

    @Test
    void signInsAndRoles() {
        shown("sign-in", "password", "passord");
        shown("sign-in", "identity provider", "identitetstilbyder");
        shown("sign-in-refused", "locked", "sperret");
        shown("sign-in-failed", "wrong user name or password", "feil brukernavn eller passord");
        shown("member-set", "lead", "leder");
        shown("member-set", "reader", "leser");
    }

    @Test
    void theDocumentsAQuotationNamesAreGivenTheirFilesWhereTheIndexStillHoldsThem() {
        java.util.Map<String, String> files = java.util.Map.of("1acc467555cf747e", "journaler/notat 3.pdf");
        assertEquals("siterer journaler/notat 3.pdf (1acc467555cf747e) 99aa00aa99aa00aa, arbeidsflaten",
                TrailWording.withFiles("show-quotations", "siterer 1acc467555cf747e 99aa00aa99aa00aa, arbeidsflaten", files::get));
        assertEquals("med sitat fra journaler/notat 3.pdf (1acc467555cf747e)",
                TrailWording.withFiles("finding-create", "med sitat fra 1acc467555cf747e", files::get));
        assertEquals("#4 fra journaler/notat 3.pdf (1acc467555cf747e)",
                TrailWording.withFiles("quotation-attach", "#4 fra 1acc467555cf747e", files::get));
        // a search's query is the user's text, even when it holds an id; a longer hex run is no id
        assertEquals("«1acc467555cf747e», 2 treff", TrailWording.withFiles("search", "«1acc467555cf747e», 2 treff", files::get));
        assertEquals("med sitat fra 1acc467555cf747e00", TrailWording.withFiles("finding-create", "med sitat fra 1acc467555cf747e00", files::get));
        assertNull(TrailWording.withFiles("show-quotations", null, files::get));
    }

    /** What the trail records today, in Bokmål, and the same shown to a reader of Nynorsk. */
    private static final String[][] IN_NYNORSK = {
            {"show-document", "journal, arbeidsflaten, side 3", "journal, arbeidsflata, side 3"},
            {"show-document", "klientdokumentasjon, arbeidsflaten", "klientdokumentasjon, arbeidsflata"},
            {"show-passage", "journal, arbeidsflaten, 2 avsnitt rundt", "journal, arbeidsflata, 2 avsnitt rundt"},
            {"show-quotations", "siterer 1acc467555cf747e 99aa00aa99aa00aa, arbeidsflaten", "siterer 1acc467555cf747e 99aa00aa99aa00aa, arbeidsflata"},
            {"export", "docx, ikke anonymisert", "docx, ikkje anonymisert"},
            {"group-export", "tilsyn-2026, md, 2 saker, ikke anonymisert", "tilsyn-2026, md, 2 saker, ikkje anonymisert"},
            {"record-delete", "journal, fil slettet", "journal, fil sletta"},
            {"record-delete", "journal, fil slettet fra bunt, mars.zip", "journal, fil sletta frå bunt, mars.zip"},
            {"record-delete", "journal, fil ikke slettet: ingen kvittering sier hvor den ble lest inn fra",
                    "journal, fil ikkje sletta: inga kvittering seier kvar ho vart lesen inn frå"},
            {"record-delete", "journal, fil ikke slettet: stien fører ut av bunken", "journal, fil ikkje sletta: stien fører ut av bunken"},
            {"record-delete", "journal, fil ikke slettet: den ligger ikke lenger i /data/bunt (eller ligger inne i en annen fil)",
                    "journal, fil ikkje sletta: ho ligg ikkje lenger i /data/bunt (eller ligg inne i ei anna fil)"},
            {"record-delete", "journal, fil ikke slettet: bunken /data/bunt finnes ikke lenger", "journal, fil ikkje sletta: bunken /data/bunt finst ikkje lenger"},
            {"records-delete", "4 journaler og klientdokumenter", "4 journalar og klientdokument"},
            {"case-reindex", "12 dokumenter merket på nytt; indikatorer 287 → 279, sitater 33 → 33, lovhenvisninger 31 → 32",
                    "12 dokument merka på nytt; indikatorar 287 → 279, sitat 33 → 33, lovtilvisingar 31 → 32"},
            {"case-reindex", "12 dokumenter merket på nytt; indikatorer 287 → 279, sitater 33 → 33, lovhenvisninger 31 → 32; kjøringen stoppet etter 12 av 40 dokumenter",
                    "12 dokument merka på nytt; indikatorar 287 → 279, sitat 33 → 33, lovtilvisingar 31 → 32; køyringa stoppa etter 12 av 40 dokument"},
            {"finding-create", "med sitat fra 1acc467555cf747e", "med sitat frå 1acc467555cf747e"},
            {"quotation-attach", "#1 fra 1acc467555cf747e", "#1 frå 1acc467555cf747e"},
            {"sign-in", "identitetstilbyder", "identitetstilbydar"},
            {"sign-in-refused", "sperret", "sperra"},
            {"sign-in-failed", "feil brukernavn eller passord", "feil brukarnamn eller passord"},
            {"member-set", "leder", "leiar"},
            {"member-set", "leser", "lesar"},
            {"member-set", "leder, saken er lukket", "leiar, saka er lukka"},
            {"member-set", "revisor, saken er lukket", "revisor, saka er lukka"},
            {"member-set", "skribent, saken er lukket", "skribent, saka er lukka"},
            {"member-set", "leser, saken er lukket", "lesar, saka er lukka"},
            {"member-remove", "saken er lukket", "saka er lukka"},
            // the same words in both
            {"search", "«barnevern» type:journal, 12 treff", "«barnevern» type:journal, 12 treff"},
            {"export", "docx, anonymisert", "docx, anonymisert"},
            {"finding-approve", "godkjent, versjon 4", "godkjent, versjon 4"},
            {"quotation-move", "#2 til plass 1", "#2 til plass 1"},
            {"report-choose", "gruppe tilsyn-2026", "gruppe tilsyn-2026"}};

    @Test
    void aNynorskReaderIsShownTheFixedWordsInNynorskAndABokmalReaderTheDetailAsRecorded() {
        Texts nn = Texts.of(Language.NN);
        Texts nb = Texts.of(Language.NB);
        for (String[] c : IN_NYNORSK) {
            assertEquals(c[2], TrailWording.shown(nn, c[0], c[1]), c[0] + ": " + c[1]);
            assertEquals(c[1], TrailWording.shown(nb, c[0], c[1]), c[0] + ": " + c[1]);
        }
        // an earlier version's English: today's Bokmål, then the reader's words
        assertEquals("journal, arbeidsflata, side 3", TrailWording.shown(nn, "show-document", "journal, workspace page 3"));
        assertEquals("journal, arbeidsflaten, side 3", TrailWording.shown(nb, "show-document", "journal, workspace page 3"));
    }

    @Test
    void aDetailNoWordingKnowsIsShownAsRecordedInEitherLanguage() {
        Texts nn = Texts.of(Language.NN);
        // a user's query, a detail of another action, a role with words after it, nothing at all
        assertEquals("«saken er lukket», 3 treff", TrailWording.shown(nn, "search", "«saken er lukket», 3 treff"));
        assertEquals("leder", TrailWording.shown(nn, "group-add", "leder"));
        assertEquals("leder, noe annet", TrailWording.shown(nn, "member-set", "leder, noe annet"));
        assertNull(TrailWording.shown(nn, "case-close", null));
        assertEquals("sperret", TrailWording.shown(nn, null, "sperret"));
    }

    @Test
    void aWordingOfAnotherActionOrAnEmptyDetailIsLeftAlone() {
        // a user's query that happens to read like an old wording is the user's text
        assertEquals("«password»", TrailWording.today("search", "«password»"));
        assertEquals("version 2", TrailWording.today("quotation-detach", "version 2"));
        assertEquals("journal, workspace page 3", TrailWording.today(null, "journal, workspace page 3"));
        assertNull(TrailWording.today("export", null));
    }
}
