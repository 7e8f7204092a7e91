#!/usr/bin/env python3
"""Writes a DDL benchmark input: CREATE TABLEs, then N generated ALTER/DROP/TRUNCATE/RENAME statements.

Usage: gen-ddl.py N OUT   (e.g. gen-ddl.py 100000 target/ddl-bench.sql); deterministic (seed 6).
"""
import random
import sys

TYPES = ["TINYINT", "SMALLINT", "INT", "INT UNSIGNED", "BIGINT", "DECIMAL(10,2)", "DECIMAL(8,2)", "DOUBLE", "FLOAT",
         "CHAR(10)", "VARCHAR(20)", "VARCHAR(64)", "VARCHAR(255)", "TEXT", "MEDIUMTEXT", "VARBINARY(64)", "BLOB",
         "DATE", "DATETIME", "DATETIME(6)", "TIMESTAMP", "TIME", "YEAR", "ENUM('a','b','c')", "ENUM('a','b')",
         "SET('x','y')", "VARCHAR(64) CHARACTER SET latin1", "JSON"]


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(6)
    tables = 200
    with open(out, "w", encoding="utf-8") as f:
        for t in range(tables):
            cols = ", ".join(f"c{i} {rnd.choice(TYPES)}" for i in range(12))
            f.write(f"CREATE TABLE t{t} (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, {cols}, PRIMARY KEY (id)) "
                    f"ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n")
        for i in range(n):
            t = rnd.randrange(tables)
            c = rnd.randrange(12)
            k = rnd.random()
            if k < 0.55:
                null = " NOT NULL" if rnd.random() < 0.2 else ""
                f.write(f"ALTER TABLE t{t} MODIFY COLUMN c{c} {rnd.choice(TYPES)}{null};\n")
            elif k < 0.70:
                f.write(f"ALTER TABLE `t{t}` CHANGE c{c} c{c} {rnd.choice(TYPES)}, ADD INDEX i{i} (c{c});\n")
            elif k < 0.80:
                f.write(f"ALTER TABLE t{t} ADD COLUMN x{i} {rnd.choice(TYPES)} DEFAULT NULL, ADD UNIQUE KEY u{i} (c{c});\n")
            elif k < 0.88:
                f.write(f"ALTER TABLE t{t} CONVERT TO CHARACTER SET {rnd.choice(['utf8mb4', 'latin1', 'utf8mb3'])};\n")
            elif k < 0.94:
                f.write(f"ALTER TABLE t{t} DROP INDEX i{rnd.randrange(max(i, 1))}, ENGINE=InnoDB;\n")
            elif k < 0.97:
                f.write(f"ALTER TABLE t{t} ALTER COLUMN c{c} SET DEFAULT 1, COMMENT 'bench';\n")
            else:
                f.write(f"TRUNCATE TABLE t{t};\n")


if __name__ == "__main__":
    main()
