#!/bin/bash
# Makes the PBX's own prompts as 8 kHz mono u-law WAV resources, with the same voice and levels as
# media/prompts/generate.sh: pbx/prompts/<feature>.tsv becomes org/carillon/pbx/<feature>/prompts/<id>.wav
# (voicemail, schedule). Run it after editing a TSV (or name the TSVs to remake: generate.sh schedule);
# commit the TSV and the WAVs together.
# needs: espeak-ng and sox
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FEATURES=("$@")
[ ${#FEATURES[@]} -gt 0 ] || FEATURES=(voicemail schedule)
for feature in "${FEATURES[@]}"; do
  OUT=$HERE/../src/main/resources/org/carillon/pbx/$feature/prompts
  mkdir -p "$OUT"
  while IFS=$'\t' read -r id text; do
    [ -z "$id" ] || [ "${id:0:1}" = "#" ] && continue
    espeak-ng -v en-us -s 150 -w "$TMP/$id.wav" "$text"
    sox -q "$TMP/$id.wav" -r 8000 -c 1 -e u-law -b 8 "$OUT/$id.wav" norm -3 pad 0.05 0.05
  done < "$HERE/$feature.tsv"
done
