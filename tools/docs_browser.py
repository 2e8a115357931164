"""Open the built site (_docs/) in headless Chromium and check what a reader sees (`make docs`; see DEVELOPERS.md).

Serves _docs/ on a free localhost port with Python's http.server, drives Debian's chromium through its
chromedriver with selenium, and checks: the home page and the Stage 1 chapter load without console errors, the
chapter shows its demo table (a <table>) and at least one figure that loaded (an <img> with naturalWidth > 0),
and the search page finds the chapter. Writes a screenshot of each page to a temporary folder (never the project).
Options: `--out DIR` for the screenshots, `--chromium PATH`, `--chromedriver PATH`.
"""
import argparse, functools, http.server, shutil, sys, tempfile, threading, time
from pathlib import Path

root = Path(__file__).resolve().parent.parent
site = root/'_docs'
CHAPTER = 'nbs/04_stage1.html'
DEMO_TABLE = "[...document.querySelectorAll('table')].find(t => t.rows.length > 1 && t.rows[0].innerText.includes('macro-F1'))"   # Table 3's header

def _serve(folder: Path):
    "An http.server on a free localhost port serving `folder` from a background thread; returns the server."
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a): pass
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv

def _driver(chromium: str, chromedriver: str, profile: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    o = webdriver.ChromeOptions()
    o.binary_location = chromium
    for a in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
              '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--window-size=1280,1600', f'--user-data-dir={profile}'):
        o.add_argument(a)
    o.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    return webdriver.Chrome(service=Service(chromedriver), options=o)

def _console_errors(drv) -> list[str]:
    return [f"{e['level']}: {e['message']}" for e in drv.get_log('browser') if e['level'] == 'SEVERE']

def _open(drv, url: str):
    drv.get(url)
    for _ in range(100):                                            # wait for the page and its images
        if drv.execute_script("return document.readyState === 'complete' && [...document.images].every(i => i.complete)"): return
        time.sleep(0.1)

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', help='folder for the screenshots (default: a new temporary folder)')
    ap.add_argument('--chromium', default=shutil.which('chromium') or '/usr/bin/chromium')
    ap.add_argument('--chromedriver', default=shutil.which('chromedriver') or '/usr/bin/chromedriver')
    a = ap.parse_args(argv)
    if not (site/'index.html').exists(): sys.exit(f'{site}/index.html missing: run `make docs` (or `python tools/docs.py build`) first.')
    for exe in (a.chromium, a.chromedriver):
        if not Path(exe).exists(): sys.exit(f'{exe} not found: install Debian\'s browser (`apt-get install -y chromium chromium-driver`) or pass --chromium/--chromedriver.')
    out = Path(a.out) if a.out else Path(tempfile.mkdtemp(prefix='ctstudy-docs-shots-'))
    out.mkdir(parents=True, exist_ok=True)
    srv, profile = _serve(site), tempfile.mkdtemp(prefix='ctstudy-chromium-')
    base = f'http://127.0.0.1:{srv.server_address[1]}/'
    problems, drv = [], None
    try:
        drv = _driver(a.chromium, a.chromedriver, profile)
        for name, page in (('home', 'index.html'), ('stage1', CHAPTER)):
            _open(drv, base + page)
            title = drv.title
            errs = _console_errors(drv)
            if errs: problems += [f'{page}: console error {e}' for e in errs]
            if not title.strip(): problems.append(f'{page}: no title')
            info = drv.execute_script("""return {h1: [...document.querySelectorAll('div.body h1')].map(h => h.innerText.trim()),
                tables: [...document.querySelectorAll('table')].map(t => t.rows.length), demo: !!(""" + DEMO_TABLE + """),
                imgs: [...document.images].map(i => ({src: i.getAttribute('src'), w: i.naturalWidth, h: i.naturalHeight})),
                search: !!document.querySelector('input[name=q]')}""")
            shot = out/f'{name}.png'
            drv.set_window_size(1280, min(max(drv.execute_script('return document.body.scrollHeight'), 800), 6000))
            drv.save_screenshot(str(shot))
            broken = [i['src'] for i in info['imgs'] if not i['w']]
            print(f"{page}: title {title!r}, h1 {info['h1'][:1]}, {len(info['tables'])} tables, {len(info['imgs'])} images "
                  f"({len(broken)} not loaded), search box {'yes' if info['search'] else 'no'}, {len(errs)} console errors -> {shot}")
            if broken: problems += [f'{page}: image {s} did not load' for s in broken]
            if not info['search']: problems.append(f'{page}: no search box')
            if name == 'stage1' and info['tables']:                   # and a screenshot of the window at its demo table
                drv.set_window_size(1280, 1400)
                drv.execute_script(f"({DEMO_TABLE} || document.querySelector('table')).scrollIntoView()")
                drv.save_screenshot(str(out/'stage1_table.png')); print(f"  its demo table -> {out/'stage1_table.png'}")
                if drv.execute_script("const i = [...document.images].find(i => i.naturalWidth > 0); if (i) i.scrollIntoView(); return !!i"):
                    drv.save_screenshot(str(out/'stage1_figure.png')); print(f"  its first figure -> {out/'stage1_figure.png'}")
            if name == 'stage1':
                if not info['demo']: problems.append(f'{page}: no demo table (a <table> headed macro-F1: Table 3)')
                if not any(i['w'] > 0 for i in info['imgs']):
                    problems.append(f'{page}: no figure that loaded (<img> with naturalWidth > 0)')
        _open(drv, base + 'search.html?q=lung-aware')                  # the search index answers
        for _ in range(50):
            hits = drv.execute_script("return [...document.querySelectorAll('#search-results a')].map(a => a.getAttribute('href'))")
            if hits: break
            time.sleep(0.2)
        print(f"search.html?q=lung-aware: {len(hits)} results{', incl. the Stage 1 chapter' if any('04_stage1' in h for h in hits) else ''}")
        if not any('04_stage1' in h for h in hits): problems.append('search for "lung-aware" does not find the Stage 1 chapter')
        problems += [f'search.html: console error {e}' for e in _console_errors(drv)]
    finally:
        if drv is not None: drv.quit()
        srv.shutdown(); shutil.rmtree(profile, ignore_errors=True)
    print(f'screenshots: {out}')
    for p in problems: print('  ' + p, file=sys.stderr)
    if problems: print(f'docs browser test failed: {len(problems)} problem(s).', file=sys.stderr); return 1
    print('docs browser test passed.')
    return 0

if __name__ == '__main__': sys.exit(main())
