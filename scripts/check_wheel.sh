#!/usr/bin/env bash
# Checks the prebuilt wheel a user installs without Rust: builds it with
# scripts/build_wheels.sh unless a folder of wheels is given, checks its platform tag is
# manylinux2014 / manylinux_2_17, installs it into a clean virtualenv (no system packages,
# no source tree, no cargo or rustc on PATH) and runs the command line there.
#
#     bash scripts/check_wheel.sh [WHEEL_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
    dir=$1
else
    dir=dist
    rm -rf "$dir"
    python3 -m pip install -q "maturin>=1.5,<2" "ziglang>=0.11"
    maturin build --release --zig --compatibility manylinux2014 --out "$dir"
fi
arch=$(uname -m)
wheel=$(ls "$dir"/newsframe-*"$arch"*.whl | head -n 1)
case "$wheel" in
    *manylinux2014_"$arch"*|*manylinux_2_17_"$arch"*) ;;
    *) echo "check_wheel: $wheel is not tagged manylinux2014 / manylinux_2_17"; exit 1 ;;
esac
size=$(stat -c %s "$wheel")
echo "wheel: $wheel ($((size / 1024)) KiB)"
[ "$size" -lt $((15 * 1024 * 1024)) ] || { echo "wheel is larger than 15 MiB"; exit 1; }
venv=$(mktemp -d)
out=$(mktemp -d)
trap 'rm -rf "$venv" "$out"' EXIT
python3 -m venv "$venv"
# A PATH with the new virtualenv and the system only: no ~/.cargo/bin, no build venv.
bare="$venv/bin:/usr/bin:/bin"
if env PATH="$bare" sh -c 'command -v cargo || command -v rustc' >/dev/null; then
    echo "check_wheel: cargo is in /usr/bin here; the install below still cannot build (--only-binary)"
fi
env PATH="$bare" "$venv/bin/python" -m pip install -q --only-binary=:all: "$wheel"
(cd "$out" && env PATH="$bare" "$venv/bin/newsframe" demo --out frames >/dev/null)
for frame in articles paragraphs entities quotes citations errors; do
    [ -s "$out/frames/$frame.parquet" ] || { echo "missing $frame.parquet"; exit 1; }
done
(cd "$out" && env PATH="$bare" "$venv/bin/python" -c "
import newsframe as nf
c = nf.sample()
assert len(c) == 5, c
assert nf.columns().height > 50, 'the column reference is missing from the wheel'
print('clean venv, no cargo:', c)")
