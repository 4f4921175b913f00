package no.evidens.corpus;

import java.util.List;
import java.util.Map;

/**
 * The texts of the nationwide test set, written for Evidens and wholly fictional: for each audited
 * requirement ({@link NationwideSet.Topic}) a paragraph for a municipality that meets it, one that earns a
 * merknad and one that earns an avvik, and the paragraphs around them. {@code {kommune}}, {@code {fylke}}
 * and {@code {år}} are filled in per municipality.
 */
final class NationwideTexts {
    /** One way a municipality stands on a requirement: the paragraph, and the sentence a finding quotes. */
    record Variant(String paragraph, String quote, String phrase) {
    }

    /** A topic's three variants, for its governance text and for its record (journal or client) text. */
    record TopicTexts(Variant ok, Variant merknad, Variant avvik, Variant recordOk, Variant recordMerknad, Variant recordAvvik) {
    }

    private NationwideTexts() {
    }

    private static Variant v(String paragraph, String quote, String phrase) {
        return new Variant(paragraph, quote, phrase);
    }

    private static Variant ok(String paragraph) {
        return new Variant(paragraph, null, null);
    }

    static final Map<NationwideSet.Topic, TopicTexts> TOPICS = Map.of(
        NationwideSet.Topic.SAMARBEID, new TopicTexts(
            ok("Barneverntjenesten, helsestasjonen, skolene og NAV {kommune} møtes i et fast samarbeidsforum hver måned. "
                + "Forumet ledes av kommunalsjef for oppvekst, som følger opp at avtalte tiltak blir gjennomført."),
            v("Samarbeidsforumet for barn og unge har møttes to ganger i {år}. Det er ikke fastsatt hvem som følger opp sakene "
                + "mellom møtene, og flere tjenester sier at de ikke vet hva som ble avtalt.",
                "Det er ikke fastsatt hvem som følger opp sakene mellom møtene, og flere tjenester sier at de ikke vet hva som ble avtalt.",
                "\"ikke fastsatt hvem som følger opp\""),
            v("Kommunen har ingen skriftlig rutine for samarbeid mellom barneverntjenesten og de andre tjenestene for barn og unge. "
                + "Samarbeidet skjer etter hvert som saker kommer opp, og det avhenger av hvem som kjenner hvem.",
                "Kommunen har ingen skriftlig rutine for samarbeid mellom barneverntjenesten og de andre tjenestene for barn og unge.",
                "\"ingen skriftlig rutine for samarbeid\""),
            ok("Saken ble drøftet i det tverrfaglige teamet, der barneverntjenesten, skolen og NAV deltok."),
            v("Skolen og barneverntjenesten hadde hver sin plan for eleven. Ingen av dem visste om den andre planen før foreldrene fortalte om den.",
                "Ingen av dem visste om den andre planen før foreldrene fortalte om den.", "\"visste om den andre planen\""),
            v("Barneverntjenesten ba om et samarbeidsmøte med NAV tre ganger uten svar. Ingen leder har fått ansvar for å følge opp samarbeidet.",
                "Ingen leder har fått ansvar for å følge opp samarbeidet.", "\"ingen leder har fått ansvar\"")),
        NationwideSet.Topic.OPPLYSNINGSPLIKT, new TopicTexts(
            ok("Rutinen beskriver opplysningsplikten til barneverntjenesten og hvordan en bekymringsmelding sendes. "
                + "Alle nyansatte på helsestasjonen går gjennom rutinen med sin leder."),
            v("Rutinen for bekymringsmelding er fra 2016 og viser til den gamle barnevernloven. Ansatte kjente til plikten til å melde, "
                + "men ikke til rutinen.", "Rutinen for bekymringsmelding er fra 2016 og viser til den gamle barnevernloven.",
                "\"rutinen for bekymringsmelding er fra 2016\""),
            v("Det finnes ingen rutine for når og hvordan helsepersonell skal melde bekymring til barneverntjenesten. "
                + "Lederne sier at hver enkelt ansatt vurderer dette selv.",
                "Det finnes ingen rutine for når og hvordan helsepersonell skal melde bekymring til barneverntjenesten.",
                "\"ingen rutine for når og hvordan helsepersonell\""),
            ok("Helsesykepleier drøftet saken anonymt med barneverntjenesten samme dag og sendte bekymringsmelding etter samtalen med foreldrene."),
            v("Helsesykepleier var bekymret for barnet i tre konsultasjoner. Bekymringsmelding ble sendt først etter fem måneder.",
                "Bekymringsmelding ble sendt først etter fem måneder.", "\"sendt først etter fem måneder\""),
            v("Barnet fortalte helsesykepleier Randi Myhre om vold hjemme, men det ble ikke sendt bekymringsmelding til barneverntjenesten. "
                + "Journalen sier at saken skulle «følges med på» ved neste konsultasjon.",
                "Barnet fortalte helsesykepleier Randi Myhre om vold hjemme, men det ble ikke sendt bekymringsmelding til barneverntjenesten.",
                "\"ikke sendt bekymringsmelding\"")),
        NationwideSet.Topic.INDIVIDUELL_PLAN, new TopicTexts(
            ok("Kommunen har en koordinerende enhet som tar imot alle ønsker om individuell plan og oppnevner koordinator innen to uker."),
            v("Koordinerende enhet er oppnevnt, men få ansatte vet at den finnes. Det kommer nesten ingen ønsker om individuell plan fra skolene.",
                "Koordinerende enhet er oppnevnt, men få ansatte vet at den finnes.", "\"få ansatte vet at den finnes\""),
            v("Kommunen har ikke oppnevnt en koordinerende enhet, og ingen har ansvar for å gi tilbud om individuell plan.",
                "Kommunen har ikke oppnevnt en koordinerende enhet, og ingen har ansvar for å gi tilbud om individuell plan.",
                "\"ikke oppnevnt en koordinerende enhet\""),
            ok("Barnet har individuell plan, og koordinator er oppnevnt. Planen ble evaluert i ansvarsgruppemøtet i mars, der foreldrene, skolen og BUP deltok."),
            v("Individuell plan er utarbeidet, men den er ikke evaluert siden den ble laget. Koordinator sier at hun ikke har tid til å kalle inn til møter.",
                "Individuell plan er utarbeidet, men den er ikke evaluert siden den ble laget.", "\"ikke evaluert siden den ble laget\""),
            v("Barnet mottar tjenester fra fem instanser, men har ikke fått tilbud om individuell plan. Foreldrene må selv bringe opplysninger mellom tjenestene.",
                "Barnet mottar tjenester fra fem instanser, men har ikke fått tilbud om individuell plan.",
                "\"ikke fått tilbud om individuell plan\"")),
        NationwideSet.Topic.ETTERVERN, new TopicTexts(
            ok("Barneverntjenesten og NAV {kommune} har en skriftlig avtale om ettervern. Overgangen til voksenlivet planlegges et halvt år før ungdommen fyller 18 år."),
            v("Avtalen om ettervern mellom barneverntjenesten og NAV er ikke kjent for de ansatte i NAV. Overgangen planlegges ofte først når ungdommen har fylt 18 år.",
                "Avtalen om ettervern mellom barneverntjenesten og NAV er ikke kjent for de ansatte i NAV.", "\"ikke kjent for de ansatte i NAV\""),
            v("Det er ingen avtale mellom barneverntjenesten og NAV om ettervern, og det er ikke avklart hvem som har ansvaret for ungdom over 18 år.",
                "Det er ingen avtale mellom barneverntjenesten og NAV om ettervern, og det er ikke avklart hvem som har ansvaret for ungdom over 18 år.",
                "\"ingen avtale mellom barneverntjenesten og NAV\""),
            ok("Ungdommen har samme kontaktperson i NAV som før hun fylte 18 år, og tiltakene fra barneverntjenesten fortsetter til hun er 21."),
            v("Ungdommen fikk vite om retten til ettervern to uker før hun fylte 18 år. Det ble ikke laget noen plan for overgangen.",
                "Det ble ikke laget noen plan for overgangen.", "\"ikke laget noen plan for overgangen\""),
            v("Ungdommen fikk avslag på ettervern uten at barneverntjenesten snakket med henne om hva hun trengte. NAV ble ikke kontaktet før hun stod uten bolig.",
                "Ungdommen fikk avslag på ettervern uten at barneverntjenesten snakket med henne om hva hun trengte.", "\"avslag på ettervern\"")),
        NationwideSet.Topic.BARN_SOM_PARORENDE, new TopicTexts(
            ok("Hver avdeling har barneansvarlig personell, og det er fastsatt hvordan pasientenes mindreårige barn skal kartlegges."),
            v("Det er oppnevnt barneansvarlig personell, men kartleggingen av pasientenes barn blir ikke alltid dokumentert i journalen.",
                "Det er oppnevnt barneansvarlig personell, men kartleggingen av pasientenes barn blir ikke alltid dokumentert i journalen.",
                "\"ikke alltid dokumentert i journalen\""),
            v("Tjenesten har ikke barneansvarlig personell, og det er ikke fastsatt hvordan barn av pasienter skal bli fulgt opp.",
                "Tjenesten har ikke barneansvarlig personell, og det er ikke fastsatt hvordan barn av pasienter skal bli fulgt opp.",
                "\"ikke barneansvarlig personell\""),
            ok("Ved innleggelsen ble det kartlagt om pasienten har mindreårige barn. Barneansvarlig snakket med pasienten om barnas behov."),
            v("Pasienten har en sønn på 12 år. Det står i journalen at sønnen «klarer seg fint», uten at noen har snakket med ham.",
                "Det står i journalen at sønnen «klarer seg fint», uten at noen har snakket med ham.", "\"klarer seg fint\""),
            v("Pasienten har to barn under ti år. Det er ikke kartlagt om barna har behov for informasjon eller oppfølging.",
                "Det er ikke kartlagt om barna har behov for informasjon eller oppfølging.", "\"ikke kartlagt om barna\"")));

    /** The paragraphs every document of its kind opens with. */
    static final Map<String, List<String>> OPENINGS = Map.of(
        "rutine", List.of("Vedtatt av kommunedirektøren i {kommune} kommune, {fylke}, {år}. Rutinen gjelder alle tjenester til barn og unge.",
            "Formålet er at barn og unge som trenger hjelp fra flere tjenester, får et samordnet tilbud."),
        "referat", List.of("Til stede: kommunalsjef for oppvekst, leder for barneverntjenesten, leder for helsestasjonen og en rådgiver fra NAV {kommune}.",
            "Møtet drøftet hvordan tjenestene kan bli bedre kjent med hverandres oppgaver."),
        "journal", List.of("Journalnotat fra helsestasjon og skolehelsetjeneste i {kommune} kommune. Pasient: jente, 9 år.",
            "Konsultasjon etter avtale. Mor var til stede."),
        "tiltaksplan", List.of("Tiltaksplan etter barnevernloven for gutt, 15 år, {kommune} kommune.",
            "Målet med tiltakene er at gutten skal kunne bo hjemme og fullføre skolen."),
        "psykisk", List.of("Notat fra psykisk helse og rus i {kommune} kommune. Pasienten er en mor i trettiårene med angst og depresjon."),
        "nav", List.of("Notat fra NAV {kommune} om ungdom, 18 år, som har hatt tiltak fra barneverntjenesten."),
        "kompetanse", List.of("Kompetanseplan for tjenester til barn og unge i {kommune} kommune, {år}.",
            "Alle nyansatte skal ha opplæring i taushetsplikt og opplysningsplikt i løpet av de tre første månedene.",
            "Kommunen vil holde kurs i samtaler med barn for ansatte i skolene, helsestasjonen og barneverntjenesten."));
}
