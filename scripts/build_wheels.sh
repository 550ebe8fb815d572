#!/usr/bin/env bash
# Builds the prebuilt wheels a user installs without a Rust toolchain: manylinux2014
# (glibc 2.17, so any Linux since 2014) for x86_64 and, when rustup can add the target,
# aarch64, both linked with zig (ziglang from PyPI) so no cross toolchain is needed.
# One abi3 wheel per platform serves every CPython >= 3.9.
#
#     bash scripts/build_wheels.sh [OUT_DIR]        # default: dist/
#
# Then `bash scripts/check_wheel.sh OUT_DIR` installs the x86_64 wheel in a clean virtualenv.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
python3 -m pip install -q "maturin>=1.5,<2" "ziglang>=0.11"
rm -f "$out"/newsframe-*.whl
targets=(x86_64-unknown-linux-gnu)
if rustup target add aarch64-unknown-linux-gnu >/dev/null 2>&1; then
    targets+=(aarch64-unknown-linux-gnu)
else
    echo "build_wheels: rustup cannot add aarch64-unknown-linux-gnu here; building x86_64 only" >&2
fi
for target in "${targets[@]}"; do
    if [ "$target" = "$(rustc -vV | sed -n 's/^host: //p')" ]; then
        flags=()  # the host build shares target/release with `maturin develop`
    else
        flags=(--target "$target")
    fi
    maturin build --release --zig --compatibility manylinux2014 "${flags[@]}" --out "$out"
done
ls -l "$out"/newsframe-*.whl
