"""Sphinx configuration of the documentation site (`make docs`): built by tools/docs.py from a staged copy of the notebooks in _proc/docs/."""
import re, sys
from pathlib import Path
from configparser import ConfigParser

root = Path(__file__).resolve().parents[1]                      # `sphinx-build -c docs _proc/docs _docs` (tools/docs.py)
stage = root/'_proc'/'docs'
sys.path.insert(0, str(root))                                  # autodoc imports this checkout's ctstudy, not an installed one
ini = ConfigParser(delimiters=['=']); ini.read(root/'settings.ini', encoding='utf-8'); ini = ini['DEFAULT']

project, author, copyright = ini['title'], ini['author'], ini['copyright']
release = version = ini['version']
extensions = ['myst_nb', 'sphinx.ext.autodoc']
root_doc = 'index'
exclude_patterns = ['_build', '**.ipynb_checkpoints']
source_suffix = {'.md': 'myst-nb', '.ipynb': 'myst-nb'}

# The notebooks are shown as committed: never executed here (no data, no network, no GPU).
nb_execution_mode = 'off'
nb_merge_streams = True
myst_heading_anchors = 3                                        # `[x](#a-heading)` links resolve
myst_enable_extensions = ['colon_fence']
# Some chapters go from `##` to `####` (a style choice of those notebooks, not a broken page): the only warning not fatal.
suppress_warnings = ['myst.header']

# API reference: signatures from the code, one-line Markdown docstrings shown as reStructuredText.
autodoc_member_order = 'bysource'
autodoc_typehints = 'signature'

html_theme = 'alabaster'
html_title = ini['title']
html_short_title = ini['title']
html_static_path = [str(stage/'_static')]                       # docs/_static/ and a favicon, staged by tools/docs.py
html_favicon = str(stage/'_static'/'favicon.png')
html_theme_options = {'description': ini['description'], 'fixed_sidebar': False,
                      'show_relbars': True, 'page_width': '1200px', 'sidebar_width': '260px'}
html_sidebars = {'**': ['about.html', 'searchbox.html', 'navigation.html', 'relations.html']}
html_show_sourcelink = False
html_copy_source = False

_TICK = re.compile(r'`([^`]+)`')
_SPECIAL = re.compile(r'([\\*|_`<>])')
_BEFORE, _AFTER = '-:/\'"<([{', '-.,:;!?\\/\'")]}>'     # rST: what may touch a literal (else an escaped space)

def _md_to_rst(text: str) -> str:
    "A one-line Markdown docstring as reStructuredText: `code` becomes ``code``, other markup characters are escaped."
    out, last = [], 0
    for m in _TICK.finditer(text):
        out.append(_SPECIAL.sub(r'\\\1', text[last:m.start()]))
        pre = '\\ ' if m.start() and not (text[m.start() - 1].isspace() or text[m.start() - 1] in _BEFORE) else ''
        post = '\\ ' if m.end() < len(text) and not (text[m.end()].isspace() or text[m.end()] in _AFTER) else ''
        out.append(pre + '``' + m.group(1) + '``' + post)
        last = m.end()
    out.append(_SPECIAL.sub(r'\\\1', text[last:]))
    return ''.join(out)

def _docstring(app, what, name, obj, options, lines):
    lines[:] = [_md_to_rst(l) for l in lines]

def setup(app):
    app.connect('autodoc-process-docstring', _docstring)
