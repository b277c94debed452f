#!/usr/bin/env bash
# Regenerates the benchmark plots from the data files bench/run-bench.sh writes:
#   bench/out/quality.dat  "system nDCG@10 Recall@10"
#   bench/out/latency.dat  "services kohtaanto_p50_ms kohtaanto_p99_ms lucene_p50_ms lucene_p99_ms"
# Output: bench/quality.svg, bench/latency.svg (gnuplot from Debian: gnuplot-nox).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/out}
command -v gnuplot >/dev/null || { echo "plot: install gnuplot-nox" >&2; exit 1; }
gnuplot <<GP
set terminal svg size 800,420 font "sans,12"
set output "$here/quality.svg"
set title "Ranking quality on the dev set (160 judged need texts)"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set yrange [0:1]
set ylabel "score"
set xtics rotate by -30
set key top left
plot "$out/quality.dat" using 2:xtic(1) title "nDCG@10", "" using 3 title "Recall@10"
GP
if [ -s "$out/latency.dat" ]; then
gnuplot <<GP
set terminal svg size 800,420 font "sans,12"
set output "$here/latency.svg"
set title "Per-query latency against catalogue size (dev queries, warm)"
set logscale x
set logscale y
set xlabel "services in the catalogue"
set ylabel "ms per query"
set key top left
plot "$out/latency.dat" using 1:2 with linespoints title "Kohtaanto p50", \
     "" using 1:3 with linespoints title "Kohtaanto p99", \
     "" using 1:4 with linespoints title "Lucene 8 p50", \
     "" using 1:5 with linespoints title "Lucene 8 p99"
GP
fi
echo "plot: wrote $here/quality.svg${out:+ and $here/latency.svg}"
