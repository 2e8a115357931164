"""Setup for ctstudy, driven by settings.ini (nbdev 2). No pkg_resources: current setuptools lacks it."""
from configparser import ConfigParser
import setuptools

cfg = ConfigParser(delimiters=['='])
cfg.read('settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']

licenses = {'apache2': 'Apache-2.0'}     # settings.ini's nbdev name -> SPDX expression (current setuptools: no licence classifier)
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable']
lic = licenses[cfg['license']]

def reqs(key): return cfg.get(key, '').split()

# The stand-in folders (ctstudy/standins/NAME/, no __init__.py) are data-only namespace packages, as current setuptools
# expects of a folder of package data with an importable name (else it warns: 'absent from the packages configuration').
packages = setuptools.find_namespace_packages(include=['ctstudy', 'ctstudy.*'], exclude=['*.__pycache__'])
standins = [p for p in packages if p.startswith('ctstudy.standins.')]

setuptools.setup(
    name=cfg['lib_name'],
    version=cfg['version'],
    description=cfg['description'],
    long_description=open('README.md', encoding='utf-8').read(),
    long_description_content_type='text/markdown',
    license_expression=lic,
    classifiers=[f"Development Status :: {statuses[int(cfg['status'])]}",
                 f"Intended Audience :: {cfg['audience']}",
                 'Natural Language :: English',
                 'Programming Language :: Python :: 3'],
    url=cfg['git_url'],
    author=cfg['author'], author_email=cfg['author_email'],
    keywords=cfg['keywords'],
    packages=packages,
    package_dir={'': '.'},     # a flat layout: an editable install is a plain .pth (no meta path finder and its 'Editable installation' notice)
    include_package_data=True,
    package_data={p: ['*'] for p in standins},   # every file of each stand-in: weights, processor files, model card (03c_standins)
    install_requires=reqs('requirements'),
    extras_require={'dev': reqs('dev_requirements')},
    python_requires='>=' + cfg['min_python'],
    zip_safe=False,
    entry_points={'console_scripts': cfg['console_scripts'].split(),
                  'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
)
