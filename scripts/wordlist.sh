#!/usr/bin/env bash
# Remakes the word list the dehyphenation ships with (the same bytes each run, for the same inputs):
#   scripts/wordlist.sh [TREEBANK_DIR]    (default: ../shared/nlp/ndt-nob-train beside this repository)
# then commit pipeline/src/main/resources/no/evidens/pipeline/normalise/words.txt. A changed list changes
# the normalised text: raise TextNormaliser.VERSION with it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
treebank="$(cd "${1:-$root/../shared/nlp/ndt-nob-train}" && pwd)"
cd "$root"
cp="$(mktemp)"
./mvnw -B -q -ntp -pl pipeline -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp"
java -cp "pipeline/target/test-classes:pipeline/target/classes:$(cat "$cp")" no.evidens.pipeline.normalise.WordListBuilder \
  "$treebank" pipeline/src/main/resources/no/evidens/pipeline/normalise/words.txt
rm -f "$cp"
