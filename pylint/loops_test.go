package pylint

import (
	"context"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
	"github.com/snatlint/snatlint/analyzers/policy"
)

// loopKinds parses src and returns the policy kind of each of its loops
// (for, while, comprehensions), in source order.
func loopKinds(t *testing.T, src string) []policy.LoopKind {
	t.Helper()
	p := sitter.NewParser()
	defer p.Close()
	p.SetLanguage(python.GetLanguage())
	tree, err := p.ParseCtx(context.Background(), nil, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	nodes := flattenCopy(tree, len(src))
	fs := summarize("/x/m.py", []byte(src), nodes)
	w := &walker{src: []byte(src), nodes: nodes, fs: fs}
	w.scanConsts(0)
	var out []policy.LoopKind
	for i := range nodes {
		n := int32(i)
		switch w.typ(n) {
		case "for_statement", "while_statement":
			out = append(out, w.loopShape(n).Kind())
		case "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression":
			out = append(out, w.compShape(n).Kind())
		}
	}
	return out
}

// TestLoopKinds classifies one loop per case (design.md, Loops and Loop
// details): each kind that is not hot beside a hot twin.
func TestLoopKinds(t *testing.T) {
	const header = "import time, asyncio, requests\nMAX = 3\nBIG = 11\nWAIT = 30\n"
	tests := []struct {
		name string
		src  string
		want policy.LoopKind
	}{
		{"range literal", "for i in range(3):\n    f()\n", policy.ConstLoop},
		{"range ten", "for i in range(10):\n    f()\n", policy.ConstLoop},
		{"range eleven", "for i in range(11):\n    f()\n", policy.HotLoop},
		{"range constant", "for i in range(MAX):\n    f()\n", policy.ConstLoop},
		{"range constant expr", "for i in range(1, MAX + 1):\n    f()\n", policy.ConstLoop},
		{"range big constant", "for i in range(BIG):\n    f()\n", policy.HotLoop},
		{"range step", "for i in range(0, 100, 10):\n    f()\n", policy.ConstLoop},
		{"range variable", "for i in range(n):\n    f()\n", policy.HotLoop},
		{"local literal list", "def g():\n    terms = [w, '*.' + w]\n    for t in terms:\n        f(t)\n", policy.ConstLoop},
		{"local literal list grown", "def g():\n    terms = [w, '*.' + w]\n    terms.append(x)\n    for t in terms:\n        f(t)\n", policy.HotLoop},
		{"local literal list extended by +=", "def g():\n    terms = [w]\n    terms += more\n    for t in terms:\n        f(t)\n", policy.HotLoop},
		{"local literal list rebound", "def g():\n    terms = [w]\n    if x:\n        terms = load()\n    for t in terms:\n        f(t)\n", policy.HotLoop},
		{"local long literal list", "def g():\n    terms = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]\n    for t in terms:\n        f(t)\n", policy.HotLoop},
		{"local global list", "def g():\n    global terms\n    terms = [w]\n    for t in terms:\n        f(t)\n", policy.HotLoop},
		{"range lowercase local", "n = 3\nfor i in range(n):\n    f()\n", policy.HotLoop},
		{"literal list", "for h in ['a', 'b']:\n    f(h)\n", policy.ConstLoop},
		{"literal tuple of eleven", "for h in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11):\n    f(h)\n", policy.HotLoop},
		{"enumerate literal", "for i, h in enumerate(['a', 'b']):\n    f(h)\n", policy.ConstLoop},
		{"while counter", "i = 0\nwhile i < MAX:\n    f()\n    i += 1\n", policy.ConstLoop},
		{"while counter down", "left = 5\nwhile left > 0:\n    f()\n    left -= 1\n", policy.ConstLoop},
		{"while counter eleven", "i = 0\nwhile i < 11:\n    f()\n    i += 1\n", policy.HotLoop},
		{"while counter reset", "i = 0\nwhile i < 3:\n    f()\n    i += 1\n    i = 0\n", policy.HotLoop},

		{"paced", "while True:\n    f()\n    time.sleep(30)\n", policy.PacedLoop},
		{"paced constant", "while True:\n    time.sleep(WAIT)\n    f()\n", policy.PacedLoop},
		{"paced async", "async def g():\n    while True:\n        f()\n        await asyncio.sleep(2)\n", policy.PacedLoop},
		{"paced event", "while not stop.wait(60):\n    f()\n", policy.PacedLoop},
		{"paced too fast", "while True:\n    f()\n    time.sleep(1.5)\n", policy.HotLoop},
		{"paced by variable", "while True:\n    f()\n    time.sleep(interval)\n", policy.HotLoop},
		{"pace skipped", "while True:\n    r = f()\n    if not r:\n        continue\n    time.sleep(30)\n", policy.HotLoop},
		{"pace after continue of inner loop", "while True:\n    for x in xs:\n        continue\n    time.sleep(30)\n", policy.PacedLoop},
		{"pace in branch", "while True:\n    f()\n    if slow:\n        time.sleep(30)\n", policy.HotLoop},
		{"message loop", "while True:\n    msg = receiver.receive()\n    f(msg)\n", policy.HotLoop},

		{"runs once return", "for x in xs:\n    return f(x)\n", policy.RunsOnceLoop},
		{"runs once break", "while True:\n    f()\n    break\n", policy.RunsOnceLoop},
		{"runs once both branches", "for x in xs:\n    if x:\n        return f(x)\n    else:\n        raise E\n", policy.RunsOnceLoop},
		{"conditional break", "for x in xs:\n    f(x)\n    if x.last:\n        break\n", policy.HotLoop},
		{"continue then break", "for x in xs:\n    if x:\n        continue\n    break\n", policy.HotLoop},

		{"retry over hosts", "for h in hosts:\n    try:\n        return requests.get(h)\n    except E:\n        continue\n", policy.RetryLoop},
		{"retry range of variable", "for a in range(self.retries):\n    try:\n        return requests.get(u)\n    except E:\n        pass\n", policy.RetryLoop},
		{"retry success continues", "for h in hosts:\n    try:\n        requests.get(h)\n    except E:\n        continue\n", policy.HotLoop},
		{"retry unbounded", "while True:\n    try:\n        return requests.get(u)\n    except E:\n        pass\n", policy.HotLoop},
		{"retry unbounded with backoff", "while True:\n    try:\n        return requests.get(u)\n    except E:\n        time.sleep(d)\n", policy.RetryLoop},
		{"retry else clause", "for h in hosts:\n    try:\n        r = requests.get(h)\n    except E:\n        continue\n    else:\n        return r\n", policy.RetryLoop},
		{"retry after except", "for h in hosts:\n    try:\n        r = requests.get(h)\n    except E:\n        continue\n    return r\n", policy.RetryLoop},
		{"fallback on status", "for h in hosts:\n    r = requests.get(h)\n    if r.status_code == 200:\n        return r\n", policy.RetryLoop},
		{"fallback on ok", "for h in hosts:\n    r = requests.get(h)\n    if r.ok:\n        return r\n", policy.RetryLoop},
		{"exit on failure", "for h in hosts:\n    r = requests.post(h)\n    if r.status_code != 200:\n        return None\n", policy.HotLoop},
		{"exit on None", "for h in hosts:\n    r = fetch(h)\n    if r is None:\n        return\n", policy.HotLoop},
		{"fallback not None", "for h in hosts:\n    r = fetch(h)\n    if r is not None:\n        return r\n", policy.RetryLoop},
		{"exit on a flag", "for item in items:\n    post(item)\n    if item.done:\n        break\n", policy.HotLoop},
		{"poll answered with wait", "while True:\n    r = requests.get(u)\n    if r.ok:\n        break\n    time.sleep(d)\n", policy.RetryLoop},
		{"poll answered no wait", "while True:\n    r = requests.get(u)\n    if r.json()['status'] == 'done':\n        break\n", policy.HotLoop},
		{"poll pending words", "while True:\n    s = get(u)['status']\n    if s in ('pending', 'running'):\n        time.sleep(d)\n        continue\n    return s\n", policy.RetryLoop},
		{"poll 429 then success", "for h in hosts:\n    r = get(h)\n    if r.status_code == 429:\n        continue\n    return r\n", policy.RetryLoop},
		{"pagination", "while url:\n    page = get(url).json()\n    url = page.get('next')\n    time.sleep(d)\n", policy.HotLoop},
		{"pagination break on empty", "for p in pages:\n    data = get(p).json()\n    if not data:\n        break\n    save(data)\n", policy.HotLoop},
		{"range-bounded status test", "for p in pages:\n    r = get(p)\n    if not 200 <= r.status < 300:\n        return\n    save(r)\n", policy.HotLoop},
		{"exit under a test by any()", "for p in pages:\n    r = get(p)\n    if any(m in r.text for m in ms):\n        return\n    save(r)\n", policy.HotLoop},
		{"isinstance test", "for p in pages:\n    r = get(p)\n    if isinstance(r, Ok):\n        save(r)\n    else:\n        return\n", policy.HotLoop},
		{"retry on a with target", "async def g():\n    for a in range(self.n):\n        try:\n            async with s.get(u) as r:\n                if r.status == 429:\n                    await asyncio.sleep(d)\n                    continue\n                if r.status != 200:\n                    return\n                return await r.text()\n        except E:\n            continue\n", policy.RetryLoop},
		{"with target success continues", "async def g():\n    for u in urls:\n        async with s.get(u) as r:\n            if r.status == 429:\n                continue\n            save(await r.text())\n", policy.HotLoop},
		{"retry on a derived result", "for a in range(n):\n    rs = get(u)\n    r = rs[0] if rs else None\n    if r is not None and 200 <= r.status < 300:\n        body = r.body\n        break\n    if a < n - 1:\n        time.sleep(2)\n", policy.RetryLoop},
		{"derived result pagination", "for p in pages:\n    rs = get(p)\n    r = rs[0] if rs else None\n    if r is None:\n        break\n    save(r)\n", policy.HotLoop},
		{"isinstance of a data type says nothing", "for p in pages:\n    r = get(p)\n    if isinstance(r, dict):\n        break\n    save(r)\n", policy.HotLoop},
		{"isinstance of an error type", "for h in hosts:\n    r = get(h)\n    if isinstance(r, (TimeoutError, ConnectionError)):\n        continue\n    return r\n", policy.RetryLoop},
		{"status range 2xx", "for h in hosts:\n    r = get(h)\n    if 200 <= r.status < 300:\n        return r\n", policy.RetryLoop},
		{"status range wider than 2xx", "for h in hosts:\n    r = get(h)\n    if 200 <= r.status < 400:\n        return r\n", policy.HotLoop},
		{"success by name", "for h in hosts:\n    r = get(h)\n    if is_ready(r):\n        return r\n", policy.RetryLoop},
		{"async for stream", "async def g():\n    async for m in stream:\n        try:\n            return await f(m)\n        except E:\n            continue\n", policy.HotLoop},
		{"message source", "for m in receiver.receive_messages():\n    try:\n        return f(m)\n    except E:\n        continue\n", policy.HotLoop},

		{"comprehension constant", "x = [f() for _ in range(3)]\n", policy.ConstLoop},
		{"comprehension literal", "x = {h: f(h) for h in ('a', 'b')}\n", policy.ConstLoop},
		{"comprehension variable", "x = [f(u) for u in urls]\n", policy.HotLoop},
		{"comprehension product", "x = [f(a, b) for a in range(3) for b in range(4)]\n", policy.HotLoop},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kinds := loopKinds(t, header+tt.src)
			if len(kinds) == 0 {
				t.Fatalf("no loop in %q", tt.src)
			}
			// the loop under test is the first, outermost one
			if got := kinds[0]; got != tt.want {
				t.Errorf("kind of\n%s= %v, want %v", strings.TrimSpace(tt.src), got, tt.want)
			}
		})
	}
}
