#!/usr/bin/env python3
"""Writes a generated case-system log: many short dated entries of Norwegian prose, for timing the ingest of one huge text.

    scripts/huge-log.py OUT.txt [MEGABYTES] [--lines] [--straight]   (18 MB by default; the same seed, the same bytes)

Each entry is a paragraph (a blank line between entries): a date, a time and who wrote it, then two to four sentences
built from the pieces below, with names, dates, indicator words (melding, samtykke, taushetsplikt, rutine, ettervern,
individuell plan …), now and then a quotation in «», a legal reference and a fødselsnummer. Everything is made up:
the names are common Norwegian first names and surnames put together at random, and the fødselsnummer carry valid
check digits for made-up dates and individual numbers, so that the personal-data tagger finds them as it would real ones.
With --lines each entry is one line and no blank line stands between them (as a system's export may write it): the
normaliser joins the lines, so the whole log is one paragraph.
With --straight the quotations are written with straight marks ("…", and 'single' ones inside some of them), and some
sentences give sizes in inches (24" skjerm, 3'6") and words with an apostrophe: with --lines, one paragraph full of the
marks whose reading depends on the paragraph before and after them (the quotation tagger's straight-mark checks).
Without --straight the bytes are those of earlier rounds.
"""
import random
import sys

FIRST = ["Kari", "Ola", "Ingrid", "Lars", "Sigrid", "Nils", "Marte", "Jonas", "Hanne", "Eirik", "Solveig", "Per",
         "Astrid", "Henrik", "Tone", "Magnus", "Randi", "Håkon", "Liv", "Øyvind", "Åse", "Torbjørn", "Silje", "Anders"]
LAST = ["Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
        "Jensen", "Karlsen", "Johnsen", "Berg", "Haugen", "Hagen", "Eriksen", "Bakken", "Solberg", "Dahl", "Lie",
        "Strand", "Moen", "Sæther", "Ødegård", "Aasen", "Lunde"]
ROLES = ["saksbehandler", "teamleder", "helsesykepleier", "fastlege", "kontaktlærer", "miljøterapeut", "NAV-veileder",
         "barnevernsleder", "psykolog"]
PLACES = ["Lyngvik", "Ærøy", "Åsgård", "Nordby", "Strandvik", "Fjellheim"]
SERVICES = ["barneverntjenesten", "NAV", "helsestasjonen", "skolen", "PPT", "BUP", "kommunepsykologen", "fastlegen",
            "barnehagen", "familiesenteret"]
LAWS = ["barnevernsloven § 4-12", "barnevernloven § 6-4", "helsepersonelloven § 33", "forvaltningsloven § 13",
        "pasient- og brukerrettighetsloven § 3-6", "opplæringslova § 9 A-4", "helse- og omsorgstjenesteloven § 7-1",
        "sosialtjenesteloven § 4"]
SENTENCES = [
    "Mottatt bekymringsmelding fra {svc} om {child} ({age} år).",
    "Meldingen er registrert og vurdert innen fristen.",
    "Foreldrene har gitt skriftlig samtykke til at {svc} kan kontaktes.",
    "Samtykket gjelder samarbeid med {svc} og {svc2} fram til {date}.",
    "{name} minnet om taushetsplikten før møtet.",
    "Det ble drøftet om opplysningsplikten etter {law} var utløst.",
    "Rutine for samarbeid mellom {svc} og {svc2} ble gjennomgått.",
    "Rutinen er ikke kjent for alle ansatte i {svc}.",
    "Tiltaksplanen ble evaluert sammen med foresatte {date}.",
    "Individuell plan er ikke utarbeidet, selv om {child} har behov for langvarige og koordinerte tjenester.",
    "Koordinator er {name} fra {svc}.",
    "Ettervern ble tilbudt, men {child} takket nei.",
    "Samarbeidsmøte i ansvarsgruppen med {svc}, {svc2} og foresatte.",
    "Undersøkelsen ble avsluttet uten tiltak {date}.",
    "{name} ringte {svc} og ba om en ny vurdering.",
    "Barnet som pårørende: mor er innlagt, og {child} bor hos mormor i {place}.",
    "Fastlegen er orientert og vil følge opp med samtale om {weeks} uker.",
    "Det er ikke dokumentert at ledelsen har fulgt opp avviket fra {date}.",
    "Ansatte har fått opplæring i å snakke med barn om vold og overgrep.",
    "Risikoatferd: {child} har vært borte fra skolen i {weeks} uker og ruser seg.",
    "Saken ble meldt til {svc2}, jf. {law}.",
    "Opplysninger om {child}, fødselsnummer {fnr}, ble sendt til {svc} etter samtykke.",
    "{name} skrev i notatet: «{quote}»",
    "Mor sa til {name}: «{quote}»",
]
STRAIGHT_SENTENCES = [
    "Skjermen på kontoret til {name} er 24\" og ble byttet {date}.",
    "Døra til samtalerommet er 3'6\" bred, og rommet er ikke skjermet.",
    "{name} skrev i notatet: \"{quote}\"",
    "Mor sa: \"Læreren sa 'vent og se' til oss i {weeks} uker.\"",
    "{name}'s notat fra {date} nevner et 12\" rør i kjelleren.",
]
QUOTES = ["Vi har ikke hørt noe fra barnevernet siden mars.", "Ingen har spurt meg om hvordan jeg har det.",
          "Jeg visste ikke at vi kunne ringe NAV direkte.", "Planen ble aldri sendt til oss.",
          "Skolen sa at de ikke kunne si noe på grunn av taushetsplikten.", "Det er ingen som koordinerer dette."]


def fnr(rnd):
    """A made-up fødselsnummer with valid check digits (mod 11), for a date between 2005 and 2020."""
    while True:
        d, m, y = rnd.randint(1, 28), rnd.randint(1, 12), rnd.randint(5, 20)
        ind = rnd.randint(500, 749)  # born 2000–2039
        digits = [int(c) for c in f"{d:02d}{m:02d}{y:02d}{ind:03d}"]
        k1 = 11 - sum(w * x for w, x in zip([3, 7, 6, 1, 8, 9, 4, 5, 2], digits)) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        digits.append(k1)
        k2 = 11 - sum(w * x for w, x in zip([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], digits)) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 == 10:
            continue
        return "".join(map(str, digits)) + str(k2)


def entry(rnd, day, lines, straight=False):
    name = lambda: f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    date = lambda: f"{rnd.randint(1, 28)}.{rnd.randint(1, 12)}.{rnd.choice([2024, 2025, 2026])}"
    svc, svc2 = rnd.sample(SERVICES, 2)
    fields = dict(svc=svc, svc2=svc2, child=rnd.choice(["gutten", "jenta", "barnet", "eleven"]), age=rnd.randint(3, 17),
                  name=name(), date=date(), law=rnd.choice(LAWS), place=rnd.choice(PLACES), weeks=rnd.randint(2, 12),
                  quote=rnd.choice(QUOTES), fnr=fnr(rnd))
    head = f"{day} kl. {rnd.randint(7, 16):02d}:{rnd.randint(0, 59):02d} {name()} ({rnd.choice(ROLES)})"
    pieces = SENTENCES + STRAIGHT_SENTENCES if straight else SENTENCES
    body = " ".join(rnd.choice(pieces).format(**fields) for _ in range(rnd.randint(2, 4)))
    if straight:
        body = body.replace("«", '"').replace("»", '"')
    return head + (": " if lines else ":\n") + body


def main(out, megabytes=18, lines=False, straight=False):
    rnd = random.Random(49)
    limit = int(megabytes * 1_000_000)
    size, n = 0, 0
    with open(out, "w", encoding="utf-8") as f:
        f.write("Logg fra fagsystemet – generert testdata, alle navn og nummer er oppdiktet\n\n")
        while size < limit:
            day = f"{1 + n % 28:02d}.{1 + (n // 28) % 12:02d}.{2024 + (n // 336) % 3}"
            e = entry(rnd, day, lines, straight) + ("\n" if lines else "\n\n")
            f.write(e)
            size += len(e)
            n += 1
    print(f"{out}: {n} entries, about {size:,} characters")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a not in ("--lines", "--straight")]
    main(args[0], float(args[1]) if len(args) > 1 else 18, "--lines" in sys.argv, "--straight" in sys.argv)
