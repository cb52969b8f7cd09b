#!/usr/bin/env python3
"""Held-out DLP evaluation set, independent of the dev set: other templates, languages, formats
(chat, e-mail, YAML, .env, logs, SQL, HTML, Markdown tables, stack traces), other name pools,
other number layouts, evasion (zero-width, full-width digits, homoglyphs) and many hard negatives
(checksum failures, placeholders, UUIDs, hashes, versions, timestamps, order numbers).

usage: gen_heldout.py [--seed N] [--docs N] > heldout.jsonl   (offsets are code points)
"""
import argparse, base64, json, random, string, zlib

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase

def luhn_digit(body):
    s = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        s += d
    return str((10 - s % 10) % 10)

VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
VINV = [0,4,3,2,1,5,6,7,8,9]
def verhoeff_digit(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = VD[c][VP[(i + 1) % 8][int(ch)]]
    return str(VINV[c])

class G:
    def __init__(self, r): self.r = r
    def digits(self, n): return ''.join(self.r.choice(string.digits) for _ in range(n))
    def card(self, valid=True):
        r = self.r
        kind = r.choice(['visa', 'mc', 'amex', 'disc', 'mc2'])
        pre, ln = {'visa': ('4', 16), 'mc': (str(r.randint(51, 55)), 16), 'amex': (r.choice(['34', '37']), 15),
                   'disc': ('6011', 16), 'mc2': (str(r.randint(2221, 2720)), 16)}[kind]
        body = pre + self.digits(ln - len(pre) - 1)
        d = luhn_digit(body)
        if not valid: d = str((int(d) + r.randint(1, 9)) % 10)
        num = body + d
        sep = r.choice(['', ' ', '-'])
        if ln == 15: parts = [num[:4], num[4:10], num[10:]]
        else: parts = [num[i:i+4] for i in range(0, 16, 4)]
        return sep.join(parts) if sep else num
    def iban(self, valid=True):
        r = self.r
        cc, ln = r.choice([('DE', 22), ('FR', 27), ('NL', 18), ('BE', 16), ('CH', 21), ('SE', 24), ('IE', 22), ('PT', 25), ('NO', 15), ('AT', 20)])
        if cc in ('NL', 'IE'):
            bban = ''.join(r.choice(string.ascii_uppercase) for _ in range(4)) + self.digits(ln - 8)
        else:
            bban = self.digits(ln - 4)
        num = int(''.join(str(int(c, 36)) for c in bban + cc + '00'))
        chk = 98 - num % 97
        if not valid: chk = (chk + r.randint(1, 50)) % 97 + 2
        s = f"{cc}{chk:02d}{bban}"
        return ' '.join(s[i:i+4] for i in range(0, len(s), 4)) if r.random() < 0.5 else s
    def ssn(self, valid=True):
        r = self.r
        if valid:
            a = r.choice([x for x in range(1, 900) if x != 666]); g = r.randint(1, 99); s = r.randint(1, 9999)
        else:
            a, g, s = r.choice([(0, r.randint(1, 99), 1234), (666, 12, 3456), (r.randint(900, 999), 45, 6789), (123, 0, 4567)])
        return r.choice(['{:03d}-{:02d}-{:04d}', '{:03d} {:02d} {:04d}']).format(a, g, s)
    def aadhaar(self, valid=True):
        b = str(self.r.randint(2, 9)) + self.digits(10)
        d = verhoeff_digit(b)
        if not valid: d = str((int(d) + 1) % 10)
        s = b + d
        return self.r.choice([s, s[:4] + ' ' + s[4:8] + ' ' + s[8:]])
    def cpf(self, valid=True):
        d = [self.r.randint(0, 9) for _ in range(9)]
        for n in (10, 11):
            s = sum(x * w for x, w in zip(d, range(n, 1, -1)))
            d.append((s * 10) % 11 % 10)
        if not valid: d[10] = (d[10] + 1) % 10
        s = ''.join(map(str, d))
        return self.r.choice([s, f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"])
    def nif(self, valid=True):
        n = self.r.randint(10000000, 99999999)
        L = "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23]
        if not valid: L = "TRWAGMYFPDXBNJZSQVHLCKE"[(n + 3) % 23]
        return f"{n}{self.r.choice(['', '-'])}{L}"
    def nino(self):
        r = self.r
        a = r.choice('ABCEGHJKLMNPRSTWXYZ'); b = r.choice('ABCEGHJKLMNPRSTWXYZ')
        if a + b in ('BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'): a = 'J'
        d = self.digits(6); s = r.choice('ABCD')
        return r.choice([f"{a}{b}{d}{s}", f"{a}{b} {d[:2]} {d[2:4]} {d[4:]} {s}"])
    def fiscal(self):
        r = self.r
        odd = [1,0,5,7,9,13,15,17,19,21,2,4,18,20,11,3,6,8,12,14,16,10,22,25,24,23]
        c = ''.join(r.choice(string.ascii_uppercase) for _ in range(6)) + self.digits(2) + r.choice('ABCDEHLMPRST') \
            + f"{r.choice([r.randint(1,31), r.randint(41,71)]):02d}" + r.choice(string.ascii_uppercase) + self.digits(3)
        s = 0
        for i, ch in enumerate(c):
            v = int(ch) if ch.isdigit() else ord(ch) - 65
            s += odd[v] if i % 2 == 0 else v
        return c + chr(65 + s % 26)
    def github(self, valid=True):
        rnd = ''.join(self.r.choice(B62) for _ in range(30))
        v = zlib.crc32(rnd.encode()); chk = ''
        for _ in range(6): chk = B62[v % 62] + chk; v //= 62
        if not valid: chk = chk[:-1] + ('A' if chk[-1] != 'A' else 'B')
        return self.r.choice(['ghp', 'gho', 'ghs', 'ghu', 'ghr']) + '_' + rnd + chk
    def rnd(self, n, alphabet=string.ascii_letters + string.digits):
        return ''.join(self.r.choice(alphabet) for _ in range(n))
    def b64(self, n): return base64.b64encode(bytes(self.r.randrange(256) for _ in range(n))).decode()
    def jwt(self):
        h = base64.urlsafe_b64encode(json.dumps({"typ": "JWT", "alg": self.r.choice(["HS512", "RS256", "EdDSA"])}).encode()).decode().rstrip('=')
        p = base64.urlsafe_b64encode(json.dumps({"sub": self.rnd(8), "exp": self.r.randint(1700000000, 1900000000)}).encode()).decode().rstrip('=')
        return f"{h}.{p}.{self.rnd(43, string.ascii_letters + string.digits + '-_')}"
    def password(self):
        return self.rnd(self.r.randint(10, 18), string.ascii_letters + string.digits + '!#$*+=?~') + self.r.choice('!#*') + str(self.r.randint(0, 9))
    def phone(self):
        r = self.r
        return r.choice([
            f"+1 ({r.randint(201,989)}) {r.randint(200,999)}-{r.randint(0,9999):04d}",
            f"({r.randint(201,989)}) {r.randint(200,999)}-{r.randint(0,9999):04d}",
            f"+44 7{self.digits(3)} {self.digits(6)}",
            f"+34 6{self.digits(2)} {self.digits(3)} {self.digits(3)}",
            f"+39 3{self.digits(2)} {self.digits(7)}",
            f"+55 11 9{self.digits(4)}-{self.digits(4)}",
            f"+81 90-{self.digits(4)}-{self.digits(4)}",
            f"+61 4{self.digits(2)} {self.digits(3)} {self.digits(3)}",
            f"0{r.randint(1,9)} {self.digits(2)} {self.digits(2)} {self.digits(2)} {self.digits(2)}",
            f"{r.randint(201,989)}.{r.randint(200,999)}.{self.digits(4)}",
        ])
    def ipv4(self): return '.'.join(str(self.r.randint(1, 254)) for _ in range(4))
    def ipv6(self):
        g = [f"{self.r.randint(0, 65535):x}" for _ in range(8)]
        return self.r.choice([':'.join(g), ':'.join(g[:3]) + '::' + ':'.join(g[6:])])

FIRST = ["Olivia", "Liam", "Emma", "Noah", "Sofia", "Lucas", "Giulia", "Mateo", "Chloe", "Hugo", "Hannah", "Felix",
         "Priya", "Arjun", "Wei", "Yuki", "Fatima", "Omar", "Ingrid", "Lars", "Camila", "Diego", "Aisha", "Kwame",
         "Ana", "Pedro", "Elena", "Marco", "Claire", "Julien", "Katarzyna", "Piotr", "Mehmet", "Zeynep"]
LAST = ["Rossi", "Schneider", "Dubois", "Nakamura", "Kowalski", "Okafor", "Haddad", "Lindqvist", "Ferreira", "Moreau",
        "Gupta", "Ivanova", "Costa", "Becker", "Santos", "Yilmaz", "Chen", "Novak", "Fischer", "Romano", "Kapoor",
        "Mensah", "Bianchi", "Silva", "Nguyen", "Hoffmann", "Lambert", "Sato", "Reddy", "Murphy"]
DOMAINS = ["northwind.example", "globex.net", "initech.co.uk", "umbrella.de", "hooli.io", "acme-corp.fr"]
FILLER = ["Please summarize the following in two sentences.", "Can you translate this to German?",
          "The quarterly roadmap moved the launch to Q3.", "Our build passed on the second attempt.",
          "Let me know if anything else is needed.", "Refactor the function below for readability.",
          "Schedule the retro for Thursday afternoon.", "El informe final llega el lunes.",
          "Il modello ha superato i test di regressione.", "Les résultats sont dans le tableau ci-dessous."]

def negatives(g):
    r = g.r
    return r.choice([
        f"Request id {'-'.join(g.rnd(n, '0123456789abcdef') for n in (8, 4, 4, 4, 12))} completed in {r.randint(10, 900)}ms.",
        f"sha256: {g.rnd(64, '0123456789abcdef')}",
        f"Upgraded to v{r.randint(1,9)}.{r.randint(0,20)}.{r.randint(0,40)} (build {r.randint(1000,99999)}).",
        f"Order #{r.randint(1000000, 99999999)} shipped on 2025-{r.randint(1,12):02d}-{r.randint(1,28):02d}T{r.randint(0,23):02d}:{r.randint(0,59):02d}:00Z.",
        f"Declined card {g.card(valid=False)} (checksum).", f"Bad IBAN {g.iban(valid=False)} was rejected.",
        f"Use OPENAI_API_KEY=sk-{'x' * 40} as a template.", "export AWS_SECRET_ACCESS_KEY=<your-secret-key>",
        "token: ${GITHUB_TOKEN}", f"Revoked: {g.github(valid=False)}", f"Invalid SSN {g.ssn(valid=False)} in the sample.",
        f"Invoice INV-{r.randint(100000, 999999)} total EUR {r.randint(10, 9999)}.{r.randint(0,99):02d}",
        f"git commit {g.rnd(40, '0123456789abcdef')}", "password: ********", "api_key = \"YOUR_API_KEY_HERE\"",
        f"Latency p99 was {r.randint(100, 999)} ms across {r.randint(1000, 99999)} requests.",
        f"Aadhaar-like {g.aadhaar(valid=False)} fails Verhoeff.", f"CPF inválido {g.cpf(valid=False)}.",
    ])

def doc(g):
    r = g.r
    parts, ents = [], []
    def add(s): parts.append(s)
    def ent(t, v, pre='', post=''):
        add(pre); start = sum(len(p) for p in parts); add(v); ents.append((t, start, start + len(v))); add(post)
    for _ in range(r.randint(1, 4)):
        fn, ln = r.choice(FIRST), r.choice(LAST)
        k = r.randint(0, 19)
        if k == 0: ent('PERSON', f"{fn} {ln}", "Hi team, ", " joined the data platform group today.\n")
        elif k == 1: ent('EMAIL_ADDRESS', f"{fn.lower()}.{ln.lower()}@{r.choice(DOMAINS)}", "<p>Contact: <a href=\"mailto:", "\">email</a></p>\n")
        elif k == 2: ent('CREDIT_CARD', g.card(), "| customer | card |\n|---|---|\n| c-17 | ", " |\n")
        elif k == 3: ent('IBAN_CODE', g.iban(), "Bankverbindung: ", " (Sparkasse)\n")
        elif k == 4: ent('US_SSN', g.ssn(), "INSERT INTO people (ssn) VALUES ('", "');\n")
        elif k == 5: ent('PHONE_NUMBER', g.phone(), "Call me back on ", " after 5pm.\n")
        elif k == 6: ent('IP_ADDRESS', r.choice([g.ipv4(), g.ipv6()]), f"2025-03-0{r.randint(1,9)} 12:00:01 WARN login failed from ", " user=svc\n")
        elif k == 7: ent('IN_AADHAAR', g.aadhaar(), "Aadhaar no. ", " verified.\n")
        elif k == 8: ent('BR_CPF', g.cpf(), "Meu CPF é ", ", obrigado.\n")
        elif k == 9: ent('ES_NIF', g.nif(), "NIF del titular: ", "\n")
        elif k == 10: ent('UK_NINO', g.nino(), "National Insurance number: ", "\n")
        elif k == 11: ent('IT_FISCAL_CODE', g.fiscal(), "CF: ", "\n")
        elif k == 12: ent('GITHUB_TOKEN', g.github(), "- name: checkout\n  env:\n    GH_TOKEN: ", "\n")
        elif k == 13: ent('AWS_ACCESS_KEY_ID', 'AKIA' + g.rnd(16, string.ascii_uppercase + '234567'), "[default]\naws_access_key_id = ", "\n")
        elif k == 14: ent('JWT', g.jwt(), "curl -H 'Authorization: Bearer ", "' https://api.internal/v1/me\n")
        elif k == 15: ent('GENERIC_SECRET', g.password(), "DB_PASSWORD=", "\n")
        elif k == 16: ent('SLACK_TOKEN', f"xoxb-{g.digits(11)}-{g.digits(12)}-{g.rnd(24)}", "SLACK_BOT_TOKEN: ", "\n")
        elif k == 17: ent('STRIPE_SECRET_KEY', 'sk_live_' + g.rnd(24), "Stripe::API_KEY = \"", "\"\n")
        elif k == 18:
            # evasion: zero-width space inside a card, full-width digits in an SSN
            c = g.card().replace(' ', '').replace('-', '')
            ent('CREDIT_CARD', c[:6] + '\u200b' + c[6:], "card:", "\n")
        else:
            s = g.ssn().replace(' ', '-')
            ent('US_SSN', ''.join(chr(ord(ch) + 0xFEE0) if ch.isdigit() else ch for ch in s), "SSN ", "\n")
        if r.random() < 0.7: add(negatives(g) + "\n")
        if r.random() < 0.5: add(r.choice(FILLER) + "\n")
    text = ''.join(parts)
    return {"text": text, "entities": [{"type": t, "start": s, "end": e} for t, s, e in ents]}

def to_codepoints(d):
    # offsets above are UTF-16-free Python str indexes, which already are code points
    return d

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=20250)
    ap.add_argument('--docs', type=int, default=2000)
    a = ap.parse_args()
    g = G(random.Random(a.seed))
    for i in range(a.docs):
        d = doc(g); d = {"id": f"gen-{i:05d}", **d}
        print(json.dumps(d, ensure_ascii=False))
