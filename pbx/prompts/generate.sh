#!/bin/bash
# Makes the voicemail prompts (pbx/prompts/voicemail.tsv) as 8 kHz mono u-law WAV resources, with the same voice
# and levels as media/prompts/generate.sh. Run it after editing voicemail.tsv; commit the TSV and the WAVs together.
# needs: espeak-ng and sox
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$HERE/../src/main/resources/org/carillon/pbx/voicemail/prompts
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
while IFS=$'\t' read -r id text; do
  [ -z "$id" ] || [ "${id:0:1}" = "#" ] && continue
  espeak-ng -v en-us -s 150 -w "$TMP/$id.wav" "$text"
  sox -q "$TMP/$id.wav" -r 8000 -c 1 -e u-law -b 8 "$OUT/$id.wav" norm -3 pad 0.05 0.05
done < "$HERE/voicemail.tsv"
