# Long benign tool results from this machine (never from the repository): JSON files, Python
# sources, /etc configuration files, `ls -la` listings, 0.7-3 KB each, seeded. Output is machine
# dependent; it is a measuring set, not a fixture (it may hold local configuration: do not commit).
# Usage: python3 bench/guard/tool_results.py OUT.jsonl
import json, os, random, subprocess, glob, sys
r = random.Random(99)
out = open(sys.argv[1], 'w'); k = 0
def emit(src, text):
    global k
    out.write(json.dumps({"id": f"fresh-{src}-{k}", "text": text, "label": 0, "source": src}) + "\n"); k += 1
jsons = sorted(subprocess.run(['find', '/usr/share', '/usr/lib/node_modules', '/usr/local/lib', '-maxdepth', '6',
    '-name', '*.json', '-size', '+1k', '-size', '-200k'], capture_output=True, text=True).stdout.split())
r.shuffle(jsons)
for p in jsons[:60]:
    t = open(p, errors='replace').read()
    if len(t) > 700: emit('json2', t[:r.randint(1000, 3000)])
pys = glob.glob('/usr/lib/python3*/**/*.py', recursive=True); r.shuffle(pys)
for p in pys[:80]:
    t = open(p, errors='replace').read()
    if len(t) > 700: emit('python-src', t[:r.randint(1000, 3000)])
etc = [p for p in glob.glob('/etc/**/*', recursive=True) if os.path.isfile(p) and 1000 < os.path.getsize(p) < 100000]
r.shuffle(etc)
for p in etc[:60]:
    try: t = open(p, errors='strict').read()
    except Exception: continue
    emit('etc-config', t[:r.randint(1000, 3000)])
for d in ['/etc', '/var/lib', '/usr/bin', '/usr/include', '/usr/lib/x86_64-linux-gnu', '/opt', '/var/log', '/usr/share/man']:
    t = subprocess.run(['ls', '-la', d], capture_output=True, text=True).stdout
    for i in range(0, min(len(t), 9000), 2000):
        if len(t) - i > 700: emit('ls-la2', t[i:i+2000])
print(k)
