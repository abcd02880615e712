#!/usr/bin/env bash
# The speed and memory benchmark (not a test: nothing here fails a build).
#
#   bench/run.sh [CHAPTERS...]      default: 14 140 1400
#
# Builds target/coursebook.jar if needed (and measures a copy of it, so a rebuild meanwhile does not disturb
# the run), generates synthetic books of the given sizes under target/bench/books/
# (bench/src/.../SyntheticBook.java), then for each book and for the repository's own book measures, each in
# a fresh JVM with -Xmx2g and the JVM options the README suggests:
#   - wall time, CPU time (user+sys) and peak memory (max RSS) of `build` for EPUB, the web edition, PDF, and
#     EPUB+PDF+handouts;
#   - the PDF's page count, the PDF stage's own time, pages per second and milliseconds per page;
#   - the warm one-chapter rebuild (what `watch` does after an edit) for EPUB and for PDF, median of 3
#     (of 1 for books of 1,000 chapters or more).
# Prints a Markdown table and writes it to target/bench/results.md. Needs /usr/bin/time (Debian: time).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(14 140 1400)
HEAP=${BENCH_HEAP:--Xmx2g}
# The README's flags for one-shot builds: the quick compiler, transparent huge pages, and the class-data archive
# (trained below for this copy of the jar). BENCH_COLD_JIT overrides all three, e.g. BENCH_COLD_JIT= for none.
COLD_JIT=${BENCH_COLD_JIT--XX:TieredStopAtLevel=1 -XX:+UseTransparentHugePages -XX:SharedArchiveFile=target/bench/coursebook.jsa}
# BENCH_GC, extra collector options (e.g. -XX:MaxGCPauseMillis=1000), goes to every build, cold and warm
COLD_JIT="$COLD_JIT ${BENCH_GC:-}"
OUT=target/bench
mkdir -p "$OUT/classes" "$OUT/books" "$OUT/out"

[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
if [ ! -f target/coursebook.jar ] || [ -n "$(find src styles pom.xml -newer target/coursebook.jar -type f 2>/dev/null | head -1)" ]; then
  echo "bench: building target/coursebook.jar" >&2
  mvn -B -q package -DskipTests >&2
fi
JAR=$OUT/coursebook.jar
cp target/coursebook.jar "$JAR"
# The class-data archive belongs to one jar at one path: train one for the copy, as `mvn package` does for the jar.
rm -f "$OUT/coursebook.jsa"
java -XX:ArchiveClassesAtExit="$OUT/coursebook.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -XX:TieredStopAtLevel=1 \
  -jar "$JAR" build --quiet --book docs/sample-book/book.yaml --out "$OUT/class-data-training" >&2
javac -cp "$JAR" -d "$OUT/classes" bench/src/org/coursebook/bench/*.java
CP="$JAR:$OUT/classes"

# One cold build in a new JVM. Sets: WALL CPU RSS_MB PAGES PDF_S
cold_once() { # manifest formats outdir
  local log="$OUT/last.log" tm="$OUT/last.time"
  rm -rf "$3"
  env -u CI /usr/bin/time -f "%e %U %S %M" -o "$tm" java $HEAP $COLD_JIT -Djava.awt.headless=true -jar "$JAR" build -v --book "$1" --format "$2" --out "$3" >"$log" 2>&1 \
    || { echo "bench: build failed ($1, $2):" >&2; tail -20 "$log" >&2; WALL=fail; CPU=-; RSS_MB=-; PAGES=-; PDF_S=-; return 0; }
  read -r w u s m < "$tm"
  WALL=$w
  CPU=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.1f", u+s}')
  RSS_MB=$(( m / 1024 ))
  PAGES=$(grep -oE '[0-9]+ pages' "$log" | head -1 | grep -oE '[0-9]+' || echo -)
  PDF_S=$(awk '$1=="pdf"{print $2}' "$log" | head -1)
  [ -z "$PDF_S" ] && PDF_S=-
  return 0
}

# The median of three cold builds (by wall time) when one takes under 30 s, else one: a shared machine's load
# moves single short runs by tenths of a second.
cold() { # manifest formats outdir
  cold_once "$@"
  [[ "$WALL" =~ ^[0-9.]+$ ]] && awk -v w="$WALL" 'BEGIN{exit !(w < 30)}' || return 0
  local runs=("$WALL $CPU $RSS_MB $PAGES $PDF_S")
  cold_once "$@"; [ "$WALL" = fail ] && return 0; runs+=("$WALL $CPU $RSS_MB $PAGES $PDF_S")
  cold_once "$@"; [ "$WALL" = fail ] && return 0; runs+=("$WALL $CPU $RSS_MB $PAGES $PDF_S")
  read -r WALL CPU RSS_MB PAGES PDF_S < <(printf '%s\n' "${runs[@]}" | sort -n -k1,1 | sed -n 2p)
}

warm() { # manifest format edits -> WARM (median seconds)
  local log="$OUT/warm.log"
  if env -u CI java $HEAP ${BENCH_GC:-} -Djava.awt.headless=true -cp "$CP" org.coursebook.bench.WarmRebuild "$1" "$OUT/out/warm" "$2" "$3" >"$log" 2>&1; then
    WARM=$(awk -F= '$1=="warm_median_ms"{printf "%.2f", $2/1000}' "$log")
  else
    echo "bench: warm rebuild failed ($1, $2):" >&2; tail -20 "$log" >&2; WARM=fail
  fi
}

ROWS=()
measure() { # label manifest
  local label=$1 manifest=$2 chapters
  chapters=$(awk '/^chapters:/{on=1;next} /^[a-z-]+:/{on=0} on && /^  - /{n++} END{print n+0}' "$manifest")
  echo "bench: $label" >&2
  cold "$manifest" epub "$OUT/out/$label"; local e_w=$WALL e_c=$CPU e_m=$RSS_MB
  cold "$manifest" web "$OUT/out/$label"; local w_w=$WALL w_c=$CPU w_m=$RSS_MB
  cold "$manifest" pdf "$OUT/out/$label"; local p_w=$WALL p_c=$CPU p_m=$RSS_MB pages=$PAGES pdf_s=$PDF_S
  cold "$manifest" epub,pdf,handouts "$OUT/out/$label"; local b_w=$WALL b_c=$CPU b_m=$RSS_MB
  local edits=3
  [ "$chapters" -ge 1000 ] && edits=1   # one PDF rebuild of a 5,000-page book takes minutes
  warm "$manifest" epub "$edits"; local we=$WARM
  warm "$manifest" pdf "$edits"; local wp=$WARM
  local pps="-" mspp="-" cpupp="-"
  if [[ "$pages" =~ ^[0-9]+$ && "$pdf_s" =~ ^[0-9.]+$ ]]; then
    pps=$(awk -v p="$pages" -v s="$pdf_s" 'BEGIN{printf "%.1f", p/s}')
    mspp=$(awk -v p="$pages" -v s="$pdf_s" 'BEGIN{printf "%.1f", 1000*s/p}')
  fi
  if [[ "$pages" =~ ^[0-9]+$ && "$p_c" =~ ^[0-9.]+$ ]]; then
    cpupp=$(awk -v p="$pages" -v c="$p_c" 'BEGIN{printf "%.1f", 1000*c/p}')
  fi
  ROWS+=("| $label | $chapters | $pages | $e_w s ($e_c) / $e_m MB | $w_w s ($w_c) / $w_m MB | $p_w s ($p_c) / $p_m MB | $b_w s ($b_c) / $b_m MB | $pdf_s s | $pps | $mspp | $cpupp | $we s | $wp s |")
}

measure "real book" chapters/book.yaml
for n in "${SIZES[@]}"; do
  dir="$OUT/books/$n"
  [ -f "$dir/book.yaml" ] || java -cp "$CP" org.coursebook.bench.SyntheticBook "$dir" "$n"
  measure "synthetic $n" "$dir/book.yaml"
done

{
  echo "Benchmark $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg); cold builds: java $HEAP $COLD_JIT; warm: java $HEAP ${BENCH_GC:-}"
  echo
  echo "Cold cells: wall time (CPU time, user+sys, in s) / peak RSS. 'PDF stage' and the per-page figures come from the PDF-only build;"
  echo "'CPU ms/page' is that whole build's CPU time per page, the figure to compare on a machine shared with other work."
  echo
  echo "| book | chapters | PDF pages | EPUB cold | web cold | PDF cold | EPUB+PDF+handouts cold | PDF stage | PDF pages/s | ms/page | CPU ms/page | warm edit EPUB | warm edit PDF |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
} | tee "$OUT/results.md"
