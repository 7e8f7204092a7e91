#!/usr/bin/env python3
"""Writes big status dumps for the diagnostics benchmarks (docs/benchmarks.md) into target/bench/:
a SLOWLOG GET of N entries (redis-cli raw form) and a kafka-consumer-groups --describe of N partitions."""
import os, random, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
out = os.path.join(os.path.dirname(__file__), '..', 'target', 'bench')
os.makedirs(out, exist_ok=True)
rnd = random.Random(42)
cmds = [['GET', 'user:{}'], ['SET', 'session:{}', 'x' * 20], ['HGETALL', 'profile:{}'], ['KEYS', '*'], ['LRANGE', 'q:{}', '0', '-1']]
with open(os.path.join(out, 'slowlog.txt'), 'w') as f:
    for i in range(n, 0, -1):
        c = rnd.choice(cmds)
        f.write(f"{i}\n{1700000000 + i}\n{rnd.randint(10, 200000)}\n")
        for a in c:
            f.write(a.format(rnd.randint(1, 10 ** 6)) + "\n")
        f.write(f"10.0.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}:{rnd.randint(1024, 65535)}\n\n")
with open(os.path.join(out, 'groups.txt'), 'w') as f:
    f.write("\nGROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID\n")
    for p in range(n):
        g = f"group-{p % 50}"
        end = rnd.randint(10 ** 5, 10 ** 7)
        cur = end - rnd.randint(0, 5000)
        f.write(f"{g:<15} topic-{p % 200:<9} {p:<10} {cur:<15} {end:<15} {end - cur:<15} consumer-{p % 7:<6} /10.0.0.{p % 9:<7} client-{p % 7}\n")
print(out)
