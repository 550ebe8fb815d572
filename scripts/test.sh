#!/usr/bin/env bash
# Runs every check on a fresh machine: builds the package into ./.venv, then formatting,
# lints, Rust unit tests, the Python suite (contract, gold thresholds, bad input, CLI) and
# the analyst notebook, executed top to bottom.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
. .venv/bin/activate
python -m pip install -q --upgrade pip
python -m pip install -q "maturin>=1.5,<2" "polars>=1.3" "pytest>=7" "hypothesis>=6" "pandas>=1.5" \
    "matplotlib>=3.7" "ipykernel>=6" "nbclient>=0.9" "nbformat>=5.9" "nbmake>=1.5" \
    "dask[bag]>=2023.1" "ray[data]>=2.10"
maturin develop --release
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo test
python -m pytest
bash scripts/check_wheel.sh
python scripts/check_notebooks.py notebooks
if compgen -G "notebooks/*.ipynb" > /dev/null; then
    python -m pytest --nbmake notebooks
fi
