"""Build and check the documentation site in _docs/ from the committed notebooks (`make docs`; see DEVELOPERS.md).

`python tools/docs.py build`: stage nbs/*.ipynb (not executed), README.md (the home page), figures/demo/ (REPORT.md
and its figures) and DEVELOPERS.md in _proc/docs/, with the API of each exported function under the cell that
defines it, then `sphinx-build -W --keep-going` into _docs/ (a warning fails the build).
`python tools/docs.py check`: every page has a title and a heading, every internal link and anchor resolves,
every image exists, every notebook has its page. No network: external links are counted, not fetched.
"""
import ast, json, os, re, shutil, subprocess, sys, time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit, unquote

root = Path(__file__).resolve().parent.parent
stage, site = root/'_proc'/'docs', root/'_docs'
DIRECTIVE = re.compile(r'^\s*#\s*\|\s*([\w-]+)')
HIDDEN = {'hide', 'default_exp'}                  # nbdev keeps these cells out of its pages too

def notebooks() -> list[Path]:
    "The chapters, in nbdev's order (file names), without index.ipynb (the README is the home page)."
    return sorted(p for p in (root/'nbs').glob('*.ipynb') if p.name != 'index.ipynb')

def _directives(src: str) -> list[str]:
    return [m.group(1) for l in src.splitlines() if (m := DIRECTIVE.match(l))]

def _public_defs(src: str) -> list[tuple[str, str]]:
    "`(kind, name)` of each public top-level function and class in code cell `src` (directives stripped)."
    try: tree = ast.parse('\n'.join(l for l in src.splitlines() if not DIRECTIVE.match(l)))
    except SyntaxError: return []
    out = []
    for n in tree.body:
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and not n.name.startswith('_'): out.append(('function', n.name))
        elif isinstance(n, ast.ClassDef) and not n.name.startswith('_'): out.append(('class', n.name))
    return out

def _md_cell(text: str, i: int) -> dict: return {'cell_type': 'markdown', 'id': f'api-{i}', 'metadata': {}, 'source': text}

def stage_notebook(path: Path) -> tuple[dict, int]:
    "Notebook `path` as its page shows it: hidden cells dropped, `#|` lines stripped, the API of each exported function and class after its cell."
    nb = json.loads(path.read_text())
    mod = next((m.group(1) for c in nb['cells'] if c['cell_type'] == 'code'
                for m in [re.search(r'^\s*#\s*\|\s*default_exp\s+(\S+)', ''.join(c['source']), re.M)] if m), None)
    cells, seen, n_api = [], set(), 0
    for c in nb['cells']:
        src = ''.join(c['source'])
        if c['cell_type'] != 'code':
            if src.lstrip().startswith('<!-- demo-table:'):              # a demo table's own `# name`/`## Ours` sit under the chapter's headings
                c = dict(c, source=re.sub(r'^(#{1,4}) ', r'##\1 ', src, flags=re.M))
            cells.append(c); continue
        dirs = _directives(src)
        if HIDDEN & set(dirs): continue
        c = dict(c, source='\n'.join(l for l in src.splitlines() if not DIRECTIVE.match(l)).strip('\n'))
        if not c['source'].strip() and not c.get('outputs'): continue
        cells.append(c)
        if mod and {'export', 'exports'} & set(dirs):
            api = [(k, n) for k, n in _public_defs(src) if (n not in seen and not seen.add(n))]
            if api:
                rst = '\n'.join(f'.. autofunction:: ctstudy.{mod}.{n}' if k == 'function'
                                else f'.. autoclass:: ctstudy.{mod}.{n}\n   :members:' for k, n in api)
                cells.append(_md_cell('```{eval-rst}\n' + rst + '\n```', len(cells))); n_api += len(api)
    title = next((i for i, c in enumerate(cells) if c['cell_type'] == 'markdown' and ''.join(c['source']).lstrip().startswith('# ')), None)
    if title: cells.insert(0, cells.pop(title))                   # the page opens with its title and summary, as nbdev's pages do
    nb['cells'] = cells
    nb.setdefault('metadata', {}).update(kernelspec={'name': 'python3', 'display_name': 'Python 3', 'language': 'python'},
                                         language_info={'name': 'python'})     # the code's language, for highlighting
    return nb, n_api

def build() -> int:
    "Stage the sources in _proc/docs/ and build the site into _docs/; returns sphinx-build's exit status."
    t0 = time.time()
    html = root/'_proc'/'html'               # built here, then moved to _docs/: myst-nb writes beside its output folder (_proc/jupyter_execute)
    for d in (stage, html, site, root/'_proc'/'jupyter_execute'): shutil.rmtree(d, ignore_errors=True)
    (stage/'nbs').mkdir(parents=True); shutil.copytree(root/'docs'/'_static', stage/'_static')
    from PIL import Image
    Image.new('RGB', (32, 32), (32, 96, 160)).save(stage/'_static'/'favicon.png')   # browsers ask for one
    nbs, n_api = notebooks(), 0
    for p in nbs:
        nb, n = stage_notebook(p); n_api += n
        (stage/'nbs'/p.name).write_text(json.dumps(nb, indent=1))
    fig = stage/'figures'/'demo'; fig.mkdir(parents=True)
    for f in (root/'figures'/'demo').iterdir():
        if f.suffix in ('.png', '.csv') or f.name == 'REPORT.md': shutil.copy2(f, fig/f.name)
    shutil.copy2(root/'DEVELOPERS.md', stage/'DEVELOPERS.md')
    readme = re.sub(r'^<!--.*?-->\s*', '', (root/'README.md').read_text(), flags=re.S)
    toc = lambda cap, items: f'\n\n```{{toctree}}\n:caption: {cap}\n:maxdepth: 1\n\n' + '\n'.join(items) + '\n```\n'
    (stage/'index.md').write_text(readme + toc('The notebooks, in order', [f'nbs/{p.stem}' for p in nbs])
                                  + toc('Results and development', ['figures/demo/REPORT', 'DEVELOPERS']))
    env = {**os.environ, 'HF_HUB_OFFLINE': '1', 'TRANSFORMERS_OFFLINE': '1', 'MPLBACKEND': 'Agg', 'OMP_NUM_THREADS': '1',
           'PYTHONPATH': os.pathsep.join([str(root), os.environ.get('PYTHONPATH', '')]).rstrip(os.pathsep)}
    cmd = [sys.executable, '-m', 'sphinx', '-b', 'html', '-W', '--keep-going', '-q', '-E',
           '-c', str(root/'docs'), '-d', str(root/'_proc'/'doctrees'), str(stage), str(html)]
    rc = subprocess.run(cmd, cwd=root, env=env).returncode
    if rc == 0: html.rename(site)
    print(f'docs: {len(nbs)} notebooks, {n_api} API entries -> {site.relative_to(root)}/ in {time.time() - t0:.1f} s'
          + ('' if rc == 0 else f': sphinx-build failed (exit {rc}); a warning fails the build, see above'), file=sys.stderr)
    return rc

class _Page(HTMLParser):
    "Title, h1 headings, element ids, link targets and image sources of one HTML page."
    def __init__(self):
        super().__init__(); self.title, self.h1, self.ids, self.links, self.imgs, self._in = '', 0, set(), [], [], None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get('id'): self.ids.add(a['id'])
        if tag == 'a' and a.get('name'): self.ids.add(a['name'])
        if tag == 'a' and a.get('href') is not None: self.links.append(a['href'])
        if tag == 'img': self.imgs.append(a.get('src') or '')
        if tag == 'link' and a.get('href') is not None:          # stylesheets and icons must exist; next/prev/index/search are links
            (self.imgs if a.get('rel') in ('stylesheet', 'icon') else self.links).append(a['href'])
        if tag == 'script' and a.get('src'): self.imgs.append(a['src'])
        if tag in ('title', 'h1'): self._in = tag
        if tag == 'h1': self.h1 += 1
    def handle_endtag(self, tag):
        if tag == self._in: self._in = None
    def handle_data(self, data):
        if self._in == 'title': self.title += data

def check() -> list[str]:
    "Problems of the built site: pages without a title or heading, broken internal links or anchors, missing images, notebooks without a page."
    if not (site/'index.html').exists(): return [f'{site.relative_to(root)}/index.html missing: run `python tools/docs.py build` first']
    pages, problems, external = {}, [], 0
    for f in sorted(site.rglob('*.html')):
        if '_sources' in f.parts or '_static' in f.parts: continue
        p = _Page(); p.feed(f.read_text(errors='replace')); pages[f.resolve()] = p
    for f, p in pages.items():
        rel = f.relative_to(site.resolve())
        if not p.title.strip() or '<no title>' in p.title: problems.append(f'{rel}: page without a title')
        if f.name not in ('search.html', 'genindex.html') and not p.h1: problems.append(f'{rel}: page without a heading (h1)')
        for kind, url in [('link', u) for u in p.links] + [('image', u) for u in p.imgs]:
            s = urlsplit(url)
            if s.scheme in ('http', 'https', 'mailto'): external += 1; continue
            if s.scheme: problems.append(f'{rel}: {kind} {url!r}: unexpected scheme'); continue
            if kind == 'image' and not url: problems.append(f'{rel}: image without a source'); continue
            target = (f.parent/unquote(s.path)).resolve() if s.path else f
            if not target.exists(): problems.append(f'{rel}: broken {kind} {url!r} (no {target.relative_to(site.resolve()) if target.is_relative_to(site.resolve()) else target})'); continue
            if target.is_dir(): target = target/'index.html'
            if kind == 'link' and s.fragment and target.suffix == '.html':
                tp = pages.get(target)
                if tp is not None and unquote(s.fragment) not in tp.ids: problems.append(f'{rel}: broken anchor {url!r}')
    for nb in notebooks():
        if not (site/'nbs'/f'{nb.stem}.html').exists(): problems.append(f'nbs/{nb.name}: no page in the site')
    for need in ('figures/demo/REPORT.html', 'search.html', 'searchindex.js'):
        if not (site/need).exists(): problems.append(f'{need}: missing')
    n_img = len({(f.parent/unquote(urlsplit(u).path)).resolve() for f, p in pages.items() for u in p.imgs if u.endswith('.png')})
    print(f'docs check: {len(pages)} pages, {sum(len(p.links) for p in pages.values())} links ({external} external, not fetched), '
          f'{n_img} distinct images: {len(problems)} problem(s)', file=sys.stderr)
    return problems

if __name__ == '__main__':
    what = sys.argv[1:] or ['build', 'check']
    if 'build' in what and build() != 0: sys.exit(1)
    if 'check' in what:
        probs = check()
        for p in probs[:50]: print('  ' + p, file=sys.stderr)
        if probs: sys.exit(f'docs check failed: {len(probs)} problem(s) (first {min(len(probs), 50)} above).')
