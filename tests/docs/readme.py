#!/usr/bin/env python3
"""readme.py KOHTAANTO_BIN SOURCE_DIR [--update] — README.md cannot go stale:

- every fenced block that starts with a line `$ build/kohtaanto ...` shows
  what that command prints today (run on a fresh index of the bundled
  catalogue, with no feedback store); --update rewrites such blocks;
- every option of every subcommand's --help is named in README.md;
- every category, target group and language of the bundled catalogue is
  listed there as a filter value.
(The C example is built against an installed library by tests/install.)
"""
import glob, json, os, re, shlex, subprocess, sys, tempfile

bin_, src = sys.argv[1], sys.argv[2]
update = '--update' in sys.argv[3:]
readme_path = os.path.join(src, 'README.md')
readme = open(readme_path, encoding='utf-8').read()
failures = []

with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, KOHTAANTO_INDEX=os.path.join(tmp, 'index'),
               KOHTAANTO_FEEDBACK=os.path.join(tmp, 'no-feedback'),
               KOHTAANTO_CATALOG=os.path.join(src, 'catalog'), HOME=tmp, LC_ALL='C.UTF-8')
    subprocess.run([bin_, 'index'], env=env, check=True, capture_output=True)

    def regenerate(m):
        cmd = m.group(2)
        argv = shlex.split(cmd)
        out = subprocess.run([bin_] + argv[1:], env=env, capture_output=True, text=True)
        if out.returncode != 0:
            failures.append(f'`{cmd}` exited {out.returncode}: {out.stderr.strip()}')
            return m.group(0)
        now = out.stdout
        if now != m.group(3):
            if update:
                print(f'updated the output of `{cmd}`')
            else:
                import difflib
                diff = ''.join(difflib.unified_diff(m.group(3).splitlines(True), now.splitlines(True),
                                                    'README.md', 'today', n=1))
                failures.append(f'the output of `{cmd}` in README.md is stale '
                                f'(tests/docs/readme.py BIN . --update rewrites it):\n{diff}')
        return m.group(1) + cmd + '\n' + (now if update else m.group(3)) + '```'

    pattern = re.compile(r'(```\n\$ )(build/kohtaanto [^\n]*)\n(.*?)```', re.S)
    blocks = len(pattern.findall(readme))
    if not blocks:
        failures.append('no `$ build/kohtaanto ...` example block in README.md')
    new = pattern.sub(regenerate, readme)
    if update and new != readme:
        open(readme_path, 'w', encoding='utf-8').write(new)
    print(f'{blocks} example block(s) checked')

    # Every option of every subcommand's --help.
    usage = subprocess.run([bin_, '--help'], capture_output=True, text=True).stdout
    cmds = re.findall(r'^  ([a-z]+)', usage.split('commands:')[1].split('\n\n')[0], re.M)
    for cmd in cmds:
        if cmd == 'version':
            continue
        h = subprocess.run([bin_, cmd, '--help'], capture_output=True, text=True, env=env)
        if h.returncode != 0:
            failures.append(f'kohtaanto {cmd} --help exited {h.returncode}')
            continue
        opts = set(re.findall(r'(?:^|[\s\[,|(])(--[a-z][a-z0-9-]*|-[a-zA-Z])(?![a-zA-Z0-9-])', h.stdout, re.M))
        opts.discard('--help')
        for o in sorted(opts):
            if not re.search(r'`' + re.escape(o) + r'[ `/=]', readme):
                failures.append(f'README.md does not name `{o}` of kohtaanto {cmd}')
        print(f'kohtaanto {cmd}: {len(opts)} options named')

# Filter values of the bundled catalogue.
cats, groups, langs = set(), set(), set()
for f in glob.glob(os.path.join(src, 'catalog', 'services', '**', '*.json'), recursive=True):
    d = json.load(open(f, encoding='utf-8'))
    cats.add(d['category'])
    groups.update(d['target_groups'])
    langs.update(d['languages'])
for kind, values in (('--category', cats), ('--group', groups), ('--lang', langs)):
    line = re.search(r'^- `' + kind + r'`:(.*?)(?=^- |\n\n)', readme, re.M | re.S)
    if not line:
        failures.append(f'README.md lists no values of {kind}')
        continue
    for v in sorted(values):
        if f'`{v}`' not in line.group(1):
            failures.append(f'README.md does not list {kind} value `{v}`')
    print(f'{kind}: {len(values)} values listed')

for f in failures:
    print('FAIL', f)
print('readme: ok' if not failures else f'readme: {len(failures)} failures')
sys.exit(1 if failures else 0)
