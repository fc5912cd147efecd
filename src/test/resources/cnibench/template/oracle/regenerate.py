#!/usr/bin/env python3
"""Regenerates the expected values (<family>.tsv) from ansible-core 2.14, the oracle.

Each line of <family>.txt is one template; ansible-playbook renders it as a debug msg with
vars.yml loaded, and <family>.tsv gets: template TAB {"value": result} or {"error": message}.
Run from this directory: python3 regenerate.py [family.txt ...] (all families by default)
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

import yaml

for source in sys.argv[1:] or sorted(glob.glob('*.txt')):
    templates = [line.rstrip('\n') for line in open(source, encoding='utf-8') if line.strip()]
    tasks = [{'debug': {'msg': t}, 'ignore_errors': True} for t in templates]
    play = [{'hosts': 'localhost', 'gather_facts': False, 'vars_files': [os.path.abspath('vars.yml')], 'tasks': tasks}]
    with tempfile.NamedTemporaryFile('w', suffix='.yml', delete=False) as f:
        yaml.safe_dump(play, f)
    env = dict(os.environ, ANSIBLE_STDOUT_CALLBACK='json', ANSIBLE_DEPRECATION_WARNINGS='False',
               ANSIBLE_LOCALHOST_WARNING='False', ANSIBLE_INVENTORY_UNPARSED_WARNING='False')
    out = subprocess.run(['ansible-playbook', '-c', 'local', '-i', 'localhost,', f.name],
                         env=env, capture_output=True, text=True).stdout
    os.unlink(f.name)
    results = json.loads(out[out.index('{'):])['plays'][0]['tasks']
    with open(source[:-4] + '.tsv', 'w', encoding='utf-8') as tsv:
        for template, task in zip(templates, results):
            r = task['hosts']['localhost']
            expected = {'error': r.get('msg')} if r.get('failed') else {'value': r.get('msg')}
            tsv.write(template + '\t' + json.dumps(expected, ensure_ascii=False) + '\n')
