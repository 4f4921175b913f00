#!/usr/bin/env python3
"""Where an ingest's main process spends its Java samples, by stage of the ingest and by thread.

    EVIDENS_JAVA_OPTS="-Xmx3g -XX:StartFlightRecording=filename=/tmp/rec-%s.jfr,settings=profile" \
        JDK_JAVA_OPTIONS=-XX:FlightRecorderOptions:stackdepth=256 ./evidens bench ingest --docs 1000 --threads 2
    jfr print --json --stack-depth 300 --events jdk.ExecutionSample /tmp/rec-evidens.jfr > rec.json
    scripts/ingest-jfr-stages.py rec.json [more.json ...]

`bench ingest` passes its own flight recording option on to each side it starts, %s naming the side (tika, evidens,
evidens-again). Each sample goes to the first stage, in the order below, that a frame of its stack names; several
files are counted together. The compilers' and the collector's threads are not sampled: read them from /proc.
"""
import json, sys, collections
# (stage, markers): a sample goes to the first stage, in this order, one of whose markers a frame holds (frames as
# "Class.method", the class without its package; a marker with a "/" is matched against the class with its package).
# Set-up first, then the stages run inside others (the taggers inside tagging, commits inside adding).
STAGES = [
    ("set-up: language model", ["LanguageGuesser.prepare", "LanguageGuesser.<init>"]),
    ("set-up: other models and codebook", ["NorwegianModels.fromClasspath", "NorwegianModels$Holder.<clinit>",
        "IndicatorClassifier.bundled", "Codebook.defaults", "DocumentTagger.<init>", "DocumentAnalyser.prepareTagger",
        "IndicatorTagger.<init>", "DocumentTagger.indicatorTagger"]),
    ("language guess", ["LanguageGuesser.guess"]),
    ("paragraph classifier", ["ParagraphIndicators.categorise"]),
    ("codebook patterns", ["IndicatorTagger.tag"]),
    ("names: the rules after the model", ["DocumentNames.refine"]),
    ("names: the model and its beam", ["NorwegianModels.namesOfDocument"]),
    ("tokens", ["NorwegianModels.tokensOfSentence"]),
    ("sentences", ["NorwegianModels.sentences"]),
    ("personal data", ["PiiTagger.tag"]),
    ("quotations", ["QuoteTagger.tag"]),
    ("law references", ["LegalRefTagger.tag"]),
    ("tagging: the rest", ["DocumentTagger.tag", "DocumentAnalyser.tag"]),
    ("normalisation", ["IngestRoute.normalise", "DocumentAnalyser.normalise"]),
    ("passages", ["IngestRoute.buildPassages"]),
    ("index: commits and flushes", ["IngestRoute.commitIfDue", "EvidenceIndexWriter.commit", "IndexWriter.commit",
        "IndexWriter.flush", "DocumentsWriter.flush", "DocumentsWriterPerThread.flush"]),
    ("index: merges", ["ConcurrentMergeScheduler$MergeThread.run", "IndexWriter.merge"]),
    ("index: adding", ["IngestRoute.indexDocument", "IngestRoute.indexArchive", "EvidenceIndexWriter.add"]),
    ("workers' answers read (JSON)", ["IsolatedExtractor.answer"]),
    ("extraction: the rest (sending, waiting)", ["IngestRoute.extract"]),
    ("hashing", ["IngestRoute.hash"]),
    ("receipt", ["ReceiptCollector", "Receipt.", "IngestRoute.recordDocument"]),
    ("Camel: route set-up and start", ["RouteReifier", "InternalRouteStartupManager", "DefaultCamelContext",
        "AbstractCamelContext", "Ingestion.route"]),
    ("Camel: routing", ["org/apache/camel"]),
]
def stage(frames):
    full = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in frames]
    short = [n.rsplit("/", 1)[-1] for n in full]
    for name, markers in STAGES:
        for m in markers:
            if any(m in s for s in (full if "/" in m else short)):
                return name
    return "the rest (start, main thread, other)"
def thread(t):
    n = t["javaName"] or t["osName"]
    if n.startswith("Camel"):
        return "Camel " + n.rsplit(" - ", 1)[-1] + " threads"
    if n.startswith("Lucene Merge"):
        return "Lucene merges"
    return n
by_stage, by_thread, total = collections.Counter(), collections.Counter(), 0
for path in sys.argv[1:]:
    for e in json.load(open(path))["recording"]["events"]:
        v = e["values"]
        by_stage[stage(v["stackTrace"]["frames"])] += 1
        by_thread[thread(v["sampledThread"])] += 1
        total += 1
print(f"{total} samples")
for n, c in by_stage.most_common():
    print(f"  {100 * c / total:5.1f}%  {c:4d}  {n}")
print("by thread")
for n, c in by_thread.most_common():
    print(f"  {100 * c / total:5.1f}%  {c:4d}  {n}")
