"""Render HTML pages to whole-page text the way four common tools do (for `naeb_extraction.py`).

    python render_pages.py RENDERER HTML_DIR OUT_DIR KEY...

RENDERER is `bs4` (BeautifulSoup `get_text("\\n")`, scripts and styles removed), `inscriptis`,
`html2text` (no wrapping, images dropped) or `lynx` (`lynx -dump -nolist`). The settings match
`tests/dev/render.py`, so the bench sees the dumps the dev set was annotated on. Runs in any
Python that has `beautifulsoup4`, `lxml`, `inscriptis` and `html2text` (benchmark-only tools).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def bs4(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for t in soup(["script", "style", "noscript"]):
        t.decompose()
    return soup.get_text("\n")


def inscriptis(html: str) -> str:
    import inscriptis as ins

    return ins.get_text(html)


def html2text(html: str) -> str:
    import html2text as h2t

    conv = h2t.HTML2Text()
    conv.body_width = 0
    conv.ignore_images = True
    return conv.handle(html)


def lynx(path: Path) -> str:
    args = ["lynx", "-dump", "-nolist", "-display_charset=utf-8", "-assume_charset=utf-8", str(path)]
    return subprocess.run(args, capture_output=True, timeout=60).stdout.decode("utf-8", "replace")


def main() -> None:
    renderer, html_dir, out_dir, *keys = sys.argv[1:]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    render = {"bs4": bs4, "inscriptis": inscriptis, "html2text": html2text}
    for key in keys:
        path = Path(html_dir) / f"{key}.html"
        if renderer == "lynx":
            text = lynx(path)
        else:
            text = render[renderer](path.read_text(encoding="utf-8", errors="replace"))
        (out / f"{key}.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
