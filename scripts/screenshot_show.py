"""Renders one sample article with `Corpus.show` and screenshots it with headless Chromium.

    python scripts/screenshot_show.py [ARTICLE_ID] [--out tests/artifacts/show_001.png]

Needs a `chromium` (or `chromium-browser`, `google-chrome`) on PATH: `apt-get install -y chromium`.
The HTML page goes to a temporary folder; only the PNG is kept.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import newsframe as nf

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = "001_e936042f398e4b38.txt"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser() -> str:
    for name in BROWSERS:
        if path := shutil.which(name):
            return path
    sys.exit(f"no headless browser found (tried {', '.join(BROWSERS)}): apt-get install -y chromium")


def screenshot(html_path: Path, png_path: Path, *, width: int = 1200, height: int = 2400) -> None:
    cmd = [
        find_browser(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        f"--screenshot={png_path}", f"--window-size={width},{height}", html_path.resolve().as_uri(),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    if not png_path.exists():
        sys.exit(f"chromium ran but wrote no screenshot at {png_path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article_id", nargs="?", default=DEFAULT_ARTICLE)
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "artifacts" / "show_001.png")
    parser.add_argument("--height", type=int, default=2400)
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsframe-show-") as tmp:
        html_path = nf.sample().show(args.article_id, path=Path(tmp) / "show.html")
        screenshot(html_path, args.out, height=args.height)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
