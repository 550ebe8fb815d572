"""Render the picked NAEB pages as whole-page text with four renderers in turn; copy the HTML."""
import json, subprocess, sys
from pathlib import Path
from bs4 import BeautifulSoup
import inscriptis, html2text
HERE = Path(__file__).parent
naeb = Path(sys.argv[1] if len(sys.argv) > 1 else HERE.parents[2] / '../shared/corpus/naeb') / 'html'
out = HERE; (out/'texts').mkdir(parents=True, exist_ok=True); (out/'html').mkdir(exist_ok=True)
picked = json.load(open(HERE / 'picked.json'))
def bs4(h):
    s = BeautifulSoup(h, 'lxml')
    for t in s(['script','style','noscript']): t.decompose()
    return s.get_text('\n')
def insc(h): return inscriptis.get_text(h)
def h2t(h):
    c = html2text.HTML2Text(); c.body_width = 0; c.ignore_images = True
    return c.handle(h)
def lynx(h, path):
    return subprocess.run(['lynx','-dump','-nolist','-display_charset=utf-8','-assume_charset=utf-8', str(path)], capture_output=True).stdout.decode('utf-8','replace')
rend = ['bs4','inscriptis','html2text','lynx']
manifest = []
for i,(site,key) in enumerate(picked, 1):
    p = naeb/f'{key}.html'; h = p.read_text('utf-8', errors='replace')
    r = rend[(i-1)%4]
    t = {'bs4':bs4,'inscriptis':insc,'html2text':h2t}[r](h) if r!='lynx' else lynx(h,p)
    name = f'd{i:02d}_{key}'
    (out/'texts'/f'{name}.txt').write_text(t, 'utf-8')
    (out/'html'/f'{name}.html').write_bytes(p.read_bytes())
    manifest.append({'name':name,'site':site,'renderer':r,'chars':len(t)})
json.dump(manifest, open(out/'manifest.json','w'), indent=1)
for m in manifest: print(m)
