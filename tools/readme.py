"""Write README.md from nbs/index.ipynb (nbdev_readme needs Quarto, which this project does not require)."""
import json, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
nb = json.loads((root/'nbs'/'index.ipynb').read_text())
parts = []
for c in nb['cells']:
    src = ''.join(c['source']).strip()
    if not src or src.startswith('#|'): continue
    if c['cell_type'] == 'markdown': parts.append(src)
    else: parts.append('```python\n' + src + '\n```')
text = '<!-- Generated from nbs/index.ipynb by tools/readme.py: edit the notebook, not this file. -->\n\n' + '\n\n'.join(parts) + '\n'
out = root/'README.md'
if '--check' in sys.argv:
    if out.read_text() != text: sys.exit('README.md is out of date with nbs/index.ipynb: run `make readme` and commit.')
else: out.write_text(text)
