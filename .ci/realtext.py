#!/usr/bin/env python3
# realtext.py [--near-duplicates] SRC DST [CORPORA]: copies a workspace that `persona-bench
# generate` wrote (realistic shape) to DST with every claim's text replaced
# by a sentence of real prose from CORPORA (default ../shared/corpora). Each
# ICP takes one topic (a directory of pages with at least 300 sentences),
# as the personas of one ICP share a vocabulary, and deals its personas
# that topic's sentences without replacement, as people write their own
# sentences: personas that share words, not claims. (Dealt from two pages
# with replacement instead, half of all personas came out near-duplicates
# of another, which no real repository is: --near-duplicates makes that
# shape, to measure the re-reads true overlaps need.)
# It measures what the generator's made-up words make easy: the claim-word
# paths for non-ASCII text, body claims the one-pass reader cannot prove,
# and persona-overlap's digests on claims that share words. Seeded: the
# same input gives the same workspace.
import os, re, random, sys, shutil
random.seed(7)
args = sys.argv[1:]
near_duplicates = '--near-duplicates' in args
args = [a for a in args if a != '--near-duplicates']
src, dst = args[0], args[1]
corpora = args[2] if len(args) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'corpora')
files = []
for root, _, names in os.walk(corpora):
    for n in names:
        if n.endswith('.md'):
            files.append(os.path.join(root, n))
topics = {}
for f in sorted(files):
    text = open(f, errors='ignore').read()
    text = re.sub(r'^---.*?---', '', text, flags=re.S)
    text = re.sub(r'```.*?```', ' ', text, flags=re.S)
    text = re.sub(r'\{\{.*?\}\}|<[^>]+>|\[([^\]]*)\]\([^)]*\)', r'\1', text)
    sents = topics.setdefault(f if near_duplicates else os.path.dirname(f), [])
    for line in text.split('\n'):
        line = line.strip().lstrip('#>-*0123456789. ').strip()
        for s in re.split(r'(?<=[.!?])\s+', line):
            s = re.sub(r'[`*_\[\]|\\]', '', s).strip()
            if 25 <= len(s) <= 160 and len(s.split()) >= 4:
                sents.append(s)
if near_duplicates:
    pools = [t for _, t in sorted(topics.items()) if len(t) >= 20]
else:
    pools = [list(dict.fromkeys(t)) for _, t in sorted(topics.items()) if len(set(t)) >= 300]
print(len(pools), 'pools', file=sys.stderr)
if os.path.exists(dst): shutil.rmtree(dst)
shutil.copytree(src, dst)
class Pages:
    # Two pages' sentences, drawn with replacement.
    def __init__(self):
        self.pool = []
        for s in random.sample(pools, 2): self.pool += s
    def draw(self): return random.choice(self.pool)
class Deck:
    def __init__(self, pool): self.pool, self.left = pool, []
    def draw(self):
        if not self.left:
            self.left = self.pool[:]
            random.shuffle(self.left)
        return self.left.pop()
icp_deck = {}
def deck_for(icp):
    if icp not in icp_deck:
        icp_deck[icp] = Pages() if near_duplicates else Deck(random.choice(pools))
    return icp_deck[icp]
def q(s): return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
cite = re.compile(r'(\s*\[@[^\]]*\])?\s*$')
for root, _, names in os.walk(os.path.join(dst, 'personas')):
    icp = os.path.basename(root)
    for n in names:
        p = os.path.join(root, n)
        lines = open(p).read().split('\n')
        deck = deck_for(icp)
        fm = 0
        out = []
        for line in lines:
            if line == '---': fm += 1; out.append(line); continue
            if fm == 1:
                m = re.match(r'^(  - text: |  - )(?!interview:|quote:)(.*)$', line)
                if m and not line.startswith('  - ../') and not re.match(r'^  - interview-', line) and not m.group(2).startswith('{'):
                    line = m.group(1) + q(deck.draw())
            elif fm >= 2:
                m = re.match(r'^(- |\d+\. )(.*?)(\s*\[@[^\]]*\])?$', line)
                if m and m.group(2):
                    line = m.group(1) + deck.draw().rstrip('.') + '.' + (m.group(3) or '')
            out.append(line)
        open(p, 'w').write('\n'.join(out))
