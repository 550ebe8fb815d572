"""Pick 44 NAEB pages at random, one per site, from sites not already in tests/heldout."""
import json, random, sys
from pathlib import Path
HERE = Path(__file__).parent
# The NAEB folder of the project's shared data (first argument), e.g. ../shared/corpus/naeb.
naeb = Path(sys.argv[1] if len(sys.argv) > 1 else HERE.parents[2] / '../shared/corpus/naeb')
d = json.load(open(naeb/'articles.json'))
held = {'6a232afea307d596746c933a6d113b05','760a689778ff0602e463df9e77b4ed39','910e244e2403de0f8375c74a59cd538d','b508a251987b6750d25b422637d89b48','ed428802','e77a83e30f57a51ee300973aa9005ab7','a054744b113f9cd307260e397701b694'}
held_sites = {v['site'] for k,v in d.items() if any(k.startswith(h[:8]) for h in held)}
bysite = {}
for k,v in sorted(d.items()):
    if v['site'] in held_sites: continue
    p = naeb/'html'/f'{k}.html'
    if not p.exists() or p.stat().st_size < 2000: continue
    if len(v.get('articleBody') or '') < 800: continue
    bysite.setdefault(v['site'], []).append(k)
rng = random.Random(20261202)
sites = sorted(bysite); rng.shuffle(sites)
picked = [(s, rng.choice(bysite[s])) for s in sites[:44]]
json.dump(picked, open(HERE / 'picked.json', 'w'), indent=1)
print(len(held_sites), len(bysite), picked[:5])
