#!/usr/bin/env bash
# Writes N copies of examples/panel.yaml, each with its own candidate and
# first interviewer, into DIR: the input of the batch benchmarks.
#   benches/make-records.sh 10000 /tmp/records
set -euo pipefail
count=${1:?how many records}
dir=${2:?into which folder}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
for i in $(seq -w 1 "$count"); do
  sed "s/Jordan Lee/Jordan Lee $i/; s/Priya Shah/Priya Shah$i/g" "$root/examples/panel.yaml" > "$dir/r$i.yaml"
done
