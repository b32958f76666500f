#!/usr/bin/env python3
"""Runs a script of driver commands (one per line; '#' starts a comment) against the C driver and
prints each command ('> ') with the driver's reply ('< '). Usage: run.py DRIVER SCRIPT...
Build the driver with: cc -O2 -Wall -o /tmp/drv src/main/c/driver.c"""
import subprocess, sys, select

def run(driver, path):
    p = subprocess.Popen([driver], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    def line():
        r, _, _ = select.select([p.stdout], [], [], 5)
        return p.stdout.readline().rstrip("\n") if r else "(no answer in 5 s)"
    print("< " + line())
    for raw in open(path):
        cmd = raw.split("#", 1)[0].strip()
        if raw.strip().startswith("#"):
            print(raw.rstrip("\n"))
            continue
        if not cmd:
            continue
        p.stdin.write(cmd + "\n")
        p.stdin.flush()
        note = raw.split("#", 1)[1].strip() if "#" in raw else ""
        print("> %-22s < %s%s" % (cmd, line(), ("    # " + note) if note else ""))
    p.stdin.write("quit\n")
    p.stdin.flush()
    p.wait(5)

if __name__ == "__main__":
    for s in sys.argv[2:]:
        print("## " + s)
        run(sys.argv[1], s)
