#!/usr/bin/env bash
# Builds the release wheel, installs it into a clean virtualenv (no system packages, no source
# tree on the path) and runs the command line there: the wheel must stand on its own.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
maturin build --release --out dist
wheel=$(ls dist/newsframe-*.whl)
size=$(stat -c %s "$wheel")
echo "wheel: $wheel ($((size / 1024)) KiB)"
[ "$size" -lt $((15 * 1024 * 1024)) ] || { echo "wheel is larger than 15 MiB"; exit 1; }
venv=$(mktemp -d)
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q "$wheel"
out=$(mktemp -d)
(cd "$out" && "$venv/bin/newsframe" demo --out frames >/dev/null)
for frame in articles paragraphs entities quotes citations errors; do
    [ -s "$out/frames/$frame.parquet" ] || { echo "missing $frame.parquet"; exit 1; }
done
"$venv/bin/python" -c "import newsframe as nf; c = nf.sample(); assert len(c) == 5, c; print('clean venv:', c)"
rm -rf "$venv" "$out"
