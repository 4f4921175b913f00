package no.evidens.models.tag;

import static no.evidens.models.tag.ShownQuotes.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The rules of issue 15's twenty-second round, from the errors of the written news split and of the same texts rebuilt
 * from their tokens (split {@code news-tokens}, with the texts {@code news-38} … {@code news-46}). Every sentence here is
 * our own.
 */
class QuotationRound22Test {

    @Test
    void aVerbOfSayingBeforeAnObjectPronounIsNoCue() {
        // «forteller deg» has no subject after the verb: the clause is the speech's own
        String t = "Læreren har fire klasser. – Jeg rekker ikke å bli kjent med dem. En elev som ikke kjenner deg, forteller"
                + " deg ingenting.";
        assertEquals("–|Jeg rekker ikke å bli kjent med dem. En elev som ikke kjenner deg, forteller deg ingenting.", show(t));
        // a subject after the verb is still the cue
        String cue = "Læreren har fire klasser. – Jeg rekker ikke å bli kjent med dem, forteller hun.";
        assertEquals("–|Jeg rekker ikke å bli kjent med dem", show(cue));
    }

    @Test
    void theSpeakersOwnSaJegIsNoCueWhereTheWriterDoesNotTellAsJeg() {
        // a news text: only the speaker can say «sa jeg», so the turn goes on
        String t = "Forfatteren bor i Bergen. – Mora mi ringte. Hun lurte på om jeg hadde hatt det vondt. Det hadde jeg ikke,"
                + " sa jeg. Men jeg visste hvordan det kunne ha vært.";
        assertEquals("–|Mora mi ringte. Hun lurte på om jeg hadde hatt det vondt. Det hadde jeg ikke, sa jeg. Men jeg visste"
                + " hvordan det kunne ha vært.", show(t));
        // a blog whose writer tells as «jeg» (also after a title in marks): the writer's «sa jeg» is the cue
        String blog = "«Hvem tok nøkkelen?» – om dugnaden\n\nJeg hadde gledet meg. – Vi er de eneste som tåler lukta, sa jeg."
                + " Alle lo.";
        assertEquals("«|Hvem tok nøkkelen? ## –|Vi er de eneste som tåler lukta", show(blog));
    }

    @Test
    void theClosingLineWithADateAheadEndsAnAnswer() {
        // the answer to a dashed question says no «jeg», «vi» or «du»; the article's last sentence is the reporter's
        String t = "Lene Holt skriver om morgenen. – Hva vil du at leserne skal sitte igjen med? – At det går an å dra. At"
                + " ingen valg er for alltid. Boka kommer ut 3. oktober.";
        assertEquals("–|Hva vil du at leserne skal sitte igjen med? ## –|At det går an å dra. At ingen valg er for alltid.",
                show(t));
    }

    @Test
    void heOrSheRightAfterAQuestionToSomeoneIsTheOneAsked() {
        // a blog: the teacher asks the boy, the writer tells how he answers and then goes on as «jeg»
        String t = "Jeg fulgte ham til skolen. – Du må være Jonas. Har du med deg matpakke? Han nikket og løftet sekken. Så"
                + " gikk han inn. Jeg sto igjen ved gjerdet.";
        assertEquals("–|Du må være Jonas. Har du med deg matpakke?", show(t));
        // a turn that has told of «han» goes on telling of him
        String told = "Jeg fulgte ham til skolen. – Han er sjenert. Har du sett ham før? Han gikk her i fjor. Han kan alle"
                + " navnene.";
        assertEquals("–|Han er sjenert. Har du sett ham før? Han gikk her i fjor. Han kan alle navnene.", show(told));
    }

    @Test
    void aFactWithAFigureToldOfAThingNamedByADefiniteNounEndsATurn() {
        String t = "Ragnhild Sæter har stått bak disken i førti år. – Pappa sto opp klokka tre. Jeg har gjort det samme. Ovnen"
                + " i bakrommet er fra 1987. Den har gått nesten uten stans.";
        assertEquals("–|Pappa sto opp klokka tre. Jeg har gjort det samme.", show(t));
        // a day is the reporter's dating as a figure is
        String day = "Ordføreren kom søndag. – Jeg forstår at folk er sinte. Vi har ventet lenge. Sivilforsvaret har satt opp"
                + " en bru, og strømmen kom tilbake mandag. Det regner fortsatt.";
        assertEquals("–|Jeg forstår at folk er sinte. Vi har ventet lenge.", show(day));
        // without a figure it stays the speaker's (round 21: speakers say such sentences as often)
        String plain = "Ragnhild Sæter har stått bak disken i førti år. – Pappa sto opp klokka tre. Jeg har gjort det samme."
                + " Ovnen i bakrommet er gammel.";
        assertEquals("–|Pappa sto opp klokka tre. Jeg har gjort det samme. Ovnen i bakrommet er gammel.", show(plain));
        // a relative clause after the noun is no preposition's phrase: the speaker's own sentence
        // (told in the present: a past sentence after this present turn is round 62's reporter taking over)
        String relative = "Ragnhild Sæter har stått bak disken i førti år. – Jeg har gjort det samme. Mannskapene som kommer"
                + " med 40 båter venter i timevis.";
        assertEquals("–|Jeg har gjort det samme. Mannskapene som kommer med 40 båter venter i timevis.", show(relative));
    }
}
