#!/usr/bin/env python3
# realtext.py SRC DST [CORPORA]: copies a workspace that `persona-bench
# generate` wrote (realistic shape) to DST with every claim's text replaced
# by a sentence of real prose from CORPORA (default ../shared/corpora),
# each ICP's personas drawing from the sentences of the same two pages, as
# the personas of one ICP share a vocabulary. It measures what the
# generator's made-up words make easy: the claim-word paths for
# non-ASCII text, body claims the one-pass reader cannot prove, and
# persona-overlap's digests on claims that do share words. Seeded: the
# same input gives the same workspace.
import os, re, random, sys, shutil
random.seed(7)
src, dst = sys.argv[1], sys.argv[2]
corpora = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'corpora')
files = []
for root, _, names in os.walk(corpora):
    for n in names:
        if n.endswith('.md'):
            files.append(os.path.join(root, n))
pools = []
for f in sorted(files):
    text = open(f, errors='ignore').read()
    text = re.sub(r'^---.*?---', '', text, flags=re.S)
    text = re.sub(r'```.*?```', ' ', text, flags=re.S)
    text = re.sub(r'\{\{.*?\}\}|<[^>]+>|\[([^\]]*)\]\([^)]*\)', r'\1', text)
    sents = []
    for line in text.split('\n'):
        line = line.strip().lstrip('#>-*0123456789. ').strip()
        for s in re.split(r'(?<=[.!?])\s+', line):
            s = re.sub(r'[`*_\[\]|\\]', '', s).strip()
            if 25 <= len(s) <= 160 and len(s.split()) >= 4:
                sents.append(s)
    if len(sents) >= 20:
        pools.append(sents)
print(len(pools), 'pools', file=sys.stderr)
if os.path.exists(dst): shutil.rmtree(dst)
shutil.copytree(src, dst)
icp_pool = {}
def pool_for(icp):
    if icp not in icp_pool:
        p = []
        for s in random.sample(pools, 2): p += s
        icp_pool[icp] = p
    return icp_pool[icp]
def q(s): return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
cite = re.compile(r'(\s*\[@[^\]]*\])?\s*$')
for root, _, names in os.walk(os.path.join(dst, 'personas')):
    icp = os.path.basename(root)
    for n in names:
        p = os.path.join(root, n)
        lines = open(p).read().split('\n')
        pool = pool_for(icp)
        fm = 0
        out = []
        for line in lines:
            if line == '---': fm += 1; out.append(line); continue
            if fm == 1:
                m = re.match(r'^(  - text: |  - )(?!interview:|quote:)(.*)$', line)
                if m and not line.startswith('  - ../') and not re.match(r'^  - interview-', line) and not m.group(2).startswith('{'):
                    line = m.group(1) + q(random.choice(pool))
            elif fm >= 2:
                m = re.match(r'^(- |\d+\. )(.*?)(\s*\[@[^\]]*\])?$', line)
                if m and m.group(2):
                    line = m.group(1) + random.choice(pool).rstrip('.') + '.' + (m.group(3) or '')
            out.append(line)
        open(p, 'w').write('\n'.join(out))
