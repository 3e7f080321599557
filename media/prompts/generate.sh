#!/bin/bash
# Regenerates Carillon's built-in English prompts and the music-on-hold clip as 8 kHz mono µ-law WAV
# resources (the PBX plays G.711; µ-law keeps the files at 8 kB/s). Run it after editing phrases.tsv;
# commit the script, phrases.tsv and the WAVs together.
#
# usage: media/prompts/generate.sh
# needs: espeak-ng (speech, GPL-3 program; its output is ours to ship) and sox
set -euo pipefail
command -v espeak-ng >/dev/null || { echo "espeak-ng is missing (apt-get install espeak-ng)" >&2; exit 2; }
command -v sox >/dev/null || { echo "sox is missing (apt-get install sox)" >&2; exit 2; }
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$HERE/../src/main/resources/org/carillon/media/prompts/en
MOH=$HERE/../src/main/resources/org/carillon/media/moh
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT" "$MOH"
rm -f "$OUT"/*.wav

# Speech: US English voice, 150 words/min; resampled to 8 kHz with sox's default (very high quality) filter,
# normalised to -3 dBFS peak, 50 ms of silence at each end so prompts chain without clicks.
while IFS=$'\t' read -r id text; do
  [ -z "$id" ] || [ "${id:0:1}" = "#" ] && continue
  espeak-ng -v en-us -s 150 -w "$TMP/$id.wav" "$text"
  sox -q "$TMP/$id.wav" -r 8000 -c 1 -e u-law -b 8 "$OUT/$id.wav" norm -3 pad 0.05 0.05
done < "$HERE/phrases.tsv"

# Music on hold: a slow plucked arpeggio over C - Am - F - G, made here from sox's synthesizer (so it is
# free to ship), 16 s, looping cleanly (fades at both ends).
n=0
for chord in "C4 E4 G4 C5" "A3 C4 E4 A4" "F3 A3 C4 F4" "G3 B3 D4 G4"; do
  for round in 1 2; do
    for note in $chord; do
      sox -q -n -r 8000 -c 1 -b 16 "$TMP/note$(printf %03d $n).wav" synth 0.5 pluck "$note" vol 0.5
      n=$((n + 1))
    done
  done
done
sox -q "$TMP"/note*.wav -e u-law -b 8 "$MOH/default.wav" norm -6 fade 0.05 0 0.05
ls -l "$OUT" "$MOH" | awk '{s += $5} END {print "wrote", NR, "files,", s, "bytes"}'
