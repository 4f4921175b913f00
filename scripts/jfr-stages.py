#!/usr/bin/env python3
"""Where a web search's processor time goes, by stage, from a flight recording of the server.

    jfr print --events jdk.ExecutionSample --stack-depth 256 FILE.jfr > samples.txt
    scripts/jfr-stages.py samples.txt [--since HH:MM:SS] [--threads evidens-web] [--kind grouped|plain]
                          [--ms-per-search MS] [--top N]

FILE.jfr from `evidens bench web --server-jfr FILE.jfr` (256 frames a stack). Each sample of the request threads (names
starting with --threads) and of the audit trail's writer goes to the stage of its innermost frame that one of the
markers below matches (the first marker that matches a frame wins, frames taken innermost first). --since keeps the
samples from that time of day on (the measured part of a run); --kind keeps those of grouped searches
(EvidenceIndex.searchForGrouping on the stack) or the others; --ms-per-search spreads the server's processor time per
search over the stages by their shares; --top lists each stage's innermost frames.
"""
import argparse
import collections
import re

MARKERS = [
    (r'OffsetHighlighter|\.snippets\b|SnippetScorer|PageTermsReader|PageMatches|MatchingParts', 'highlighting'),
    (r'HitReader\.stored|StoredFields|Lucene90CompressingStoredFields', 'stored fields'),
    (r'HitReader\.(bare|documentOf|keys|bareHit)|IndexSnapshot\.documentKey|SegmentDocumentKeys', "grouping: the hits' documents"),
    (r'PassageSchema\.toHit', 'hit objects'),
    (r'DocumentCap\.|RankedSearch\.(capped|settled|documentOf)', 'first page capped per document'),
    (r'RankedSearch\.(skippingPage|fullPage|scores)|KnownHits', 'page (top n, scored)'),
    (r'SidewaysCounting\.(countWords|sort)', 'facet filters counted sideways, from bit sets'),
    (r'SidewaysCounting\$1\.collect|SidewaysCounting\.getLeafCollector', 'facet filters counted sideways hit by hit: each hit checked and counted'),
    (r'SidewaysCounting\.counts|FacetCounter\.(counts|byOrd|add)|FacetCounter\$Counting\.counts', 'facet values summed'),
    (r'SidewaysCounting\.<init>', 'facet filters counted sideways, set up'),
    (r'RankedSearch\.sideways', 'facet filters counted sideways hit by hit: finding every hit without the filters'),
    (r'FacetCounter|SegmentFacetSignatures|TermSetHits', 'counting (no facet filter)'),
    (r'RankedSearch\.topAndCounts', 'search in one pass'),
    (r'RankedSearch\.countWithoutFilters', 'count for widening'),
    (r'QueryReader|QueryParser|AliasingParser|QueryLanguage', 'reading the query'),
    (r'RankedSearch\.(run|base|counted)|EvidenceSearcher|SnapshotSource', 'searcher, other'),
    (r'DocumentGroups', 'grouping into documents'),
    (r'FindingsService\.usedBy|QuotationCache', 'which findings quote the hits (usedBy)'),
    (r'AuditService|TrailWriter\.record', 'audit trail, request side'),
    (r'Snippets\.|HitJson', 'JSON: snippets'),
    (r'com\.fasterxml|Json\.write|Exchange\.json', 'JSON'),
    (r'Exchange\.send|Exchange\.securityHeaders', 'sending the answer'),
    (r'no\.evidens\.pipeline\.web\.(SearchResource|ApiHandler|RequestGuard|CaseAccess|Accounts|Gate|Exchange|QueryParams'
     r'|Params|Routes|Sessions)', 'web layer (routing, access, parameters)'),
    (r'no\.evidens\.pipeline\.web', 'web layer, other'),
    (r'org\.eclipse\.jetty', 'Jetty'),
]
MARKS = [(re.compile(p), s) for p, s in MARKERS]


def stage(frames, thread):
    if thread.startswith('evidens-audit'):
        return 'audit trail writer thread'
    for f in frames:
        for rx, s in MARKS:
            if rx.search(f):
                return s
    return 'other'


def main():
    a = argparse.ArgumentParser()
    a.add_argument('samples')
    a.add_argument('--since')
    a.add_argument('--threads', default='evidens-web')
    a.add_argument('--kind', choices=['grouped', 'plain'])
    a.add_argument('--ms-per-search', type=float, default=0)
    a.add_argument('--top', type=int, default=0)
    o = a.parse_args()
    counts = collections.Counter()
    tops = collections.defaultdict(collections.Counter)
    frames, in_stack, thread, at = [], False, '', ''
    with open(o.samples, encoding='utf-8') as f:
        for line in f:
            s = line.strip()
            if s.startswith('jdk.ExecutionSample'):
                frames, in_stack, thread, at = [], False, '', ''
            elif s.startswith('startTime ='):
                at = s.split('=', 1)[1].strip()
            elif s.startswith('sampledThread ='):
                m = re.search(r'"([^"]*)"', s)
                thread = m.group(1) if m else ''
            elif s.startswith('stackTrace = ['):
                in_stack = True
            elif in_stack and s == ']':
                in_stack = False
                if not (thread.startswith(o.threads) or thread.startswith('evidens-audit')):
                    continue
                if o.since and at[:len(o.since)] < o.since:
                    continue
                grouped = any('searchForGrouping' in fr for fr in frames)
                if o.kind and (o.kind == 'grouped') != grouped:
                    continue
                st = stage(frames, thread)
                counts[st] += 1
                tops[st][frames[0] if frames else '?'] += 1
            elif in_stack and s and s != '...':
                frames.append(re.sub(r'\(.*', '', re.sub(r'\s+line:.*', '', s)))
    n = sum(counts.values())
    print(f'samples: {n}')
    for st, c in counts.most_common():
        ms = f'{o.ms_per_search * c / n:6.2f} ms  ' if o.ms_per_search else ''
        print(f'{100 * c / n:6.1f} %  {c:6d}  {ms}{st}')
        for fr, k in tops[st].most_common(o.top):
            print(f'            {100 * k / n:5.1f} %  {fr}')


if __name__ == '__main__':
    main()
