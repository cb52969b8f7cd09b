# Prompts like bench/gateway/chat.lua's (same templates and word lists, read from it), seeded.
# Usage: python3 bench/guard/chat_prompts.py SEED COUNT BYTES > prompts.jsonl
# Reimplementation of bench/gateway/chat.lua's prompt generator (seeded), one JSON line per prompt.
import json, random, sys, re
src = open(__import__('os').path.join(__import__('os').path.dirname(__file__), '../gateway/chat.lua')).read()
def tbl(name):
    m = re.search(r'local %s = \{(.*?)\n\}' % name, src, re.S)
    return re.findall(r'"([^"]*)"', m.group(1))
nouns, adjectives, verbs = tbl('nouns'), tbl('adjectives'), tbl('verbs')
days = re.findall(r'"([^"]*)"', re.search(r'local days = \{(.*?)\}', src, re.S).group(1))
templates = re.findall(r'  "(.*?)",\n', re.search(r'local templates = \{(.*?)\n\}', src, re.S).group(1)+"\n")
prefixes = re.findall(r'"([^"]*)"', re.search(r'local prefixes = \{(.*?)\}', src, re.S).group(1))
lists = dict(n=nouns, a=adjectives, v=verbs, d=days)
seed, count, size = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
r = random.Random(seed)
def sentence():
    def rep(m):
        k = m.group(1); w = r.choice(lists[k])
        if k == 'n' and r.randint(1,3) == 1: w = r.choice(prefixes) + w
        if k == 'n' and r.randint(1,4) == 1: w = w + 's'
        return w
    return re.sub(r'\{(\w)\}', rep, r.choice(templates))
def chunk():
    parts, n = [], 0
    while n < 256:
        s = sentence(); parts.append(s); n += len(s) + 1
    return ' '.join(parts)
chunks = [chunk() for _ in range(256)]
for i in range(count):
    parts = ['Request 1-%d: ' % (i+1)]; n = 0
    while n < size - 24:
        c = r.choice(chunks); parts.append(c + ' '); n += len(c) + 1
    print(json.dumps({"id": "chat-%d" % i, "text": ''.join(parts), "label": 0, "source": "chat-lua", "category": "long-benign"}))
