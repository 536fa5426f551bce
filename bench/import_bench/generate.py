#!/usr/bin/env python3
"""Generates Neo4j bulk-import CSV files for the `smith import` benchmark.

    generate.py OUT_DIR [--nodes N] [--relationships M] [--seed S]

Writes OUT_DIR/persons.csv (id:ID(Person), name, age:int, score:double, born:date, :LABEL) and
OUT_DIR/knows.csv (:START_ID(Person), :END_ID(Person), since:int, weight:double) with M random
relationships between the N nodes. Deterministic for a given seed.
"""
import argparse
import os
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--nodes", type=int, default=1_000_000)
    parser.add_argument("--relationships", type=int, default=2_000_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    rng = random.Random(args.seed)
    n = args.nodes

    with open(os.path.join(args.out_dir, "persons.csv"), "w", newline="") as f:
        f.write("id:ID(Person),name,age:int,score:double,born:date,:LABEL\n")
        lines = []
        for i in range(n):
            label = "Person;Customer" if i % 10 == 0 else "Person"
            lines.append(
                f"p{i},Person {i},{18 + i % 80},{(i % 1000) / 7:.4f},"
                f"{1940 + i % 60}-{1 + i % 12:02d}-{1 + i % 28:02d},{label}\n"
            )
            if len(lines) == 100_000:
                f.writelines(lines)
                lines.clear()
        f.writelines(lines)

    with open(os.path.join(args.out_dir, "knows.csv"), "w", newline="") as f:
        f.write(":START_ID(Person),:END_ID(Person),since:int,weight:double\n")
        lines = []
        randrange = rng.randrange
        for j in range(args.relationships):
            lines.append(f"p{randrange(n)},p{randrange(n)},{1990 + j % 30},{(j % 100) / 100}\n")
            if len(lines) == 100_000:
                f.writelines(lines)
                lines.clear()
        f.writelines(lines)


if __name__ == "__main__":
    main()
