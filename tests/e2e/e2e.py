"""Shared helpers for Dossier's end-to-end tests: run the built binary, parse its
JSON, assert with messages that say what was expected. Each test script takes
the dossier binary and the source directory as its two arguments."""
import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77  # CTest SKIP_RETURN_CODE

DOSSIER = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "dossier"
SOURCE_DIR = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.getcwd()
SHARED_CORPORA = os.path.normpath(os.path.join(SOURCE_DIR, "..", "shared", "corpora"))

failures = []


def run(*args, check=True, timeout=900, env=None, max_open_files=None):
    """Runs dossier with args; returns CompletedProcess (text mode). max_open_files
    sets the child's soft and hard limit on open files (RLIMIT_NOFILE)."""
    def limit():
        import resource
        resource.setrlimit(resource.RLIMIT_NOFILE, (max_open_files, max_open_files))
    proc = subprocess.run([DOSSIER, *args], capture_output=True, text=True, timeout=timeout,
                          env=env, errors="replace", preexec_fn=limit if max_open_files else None)
    if check and proc.returncode != 0:
        raise AssertionError(f"dossier {' '.join(args)} exited {proc.returncode}:\n{proc.stderr}")
    return proc


def run_json(*args, **kw):
    proc = run(*args, "--json", **kw)
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        raise AssertionError(f"dossier {' '.join(args)} --json printed invalid JSON ({e}):\n{proc.stdout[:2000]}")


def check(cond, message):
    if not cond:
        failures.append(message)
        print("FAIL:", message)
    return cond


def check_eq(actual, expected, what):
    return check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


_tmpdirs = []


def tmpdir():
    """A new scratch folder, removed at exit when every check passed (kept for a look otherwise)."""
    path = tempfile.mkdtemp(prefix="dossier-e2e-")
    _tmpdirs.append(path)
    return path


def _cleanup():
    if failures:
        for path in _tmpdirs:
            print("kept for inspection:", path)
        return
    for path in _tmpdirs:
        for root, dirs, _files in os.walk(path):  # tests make some folders unreadable
            for d in dirs:
                try:
                    os.chmod(os.path.join(root, d), 0o755)
                except OSError:
                    pass
        shutil.rmtree(path, ignore_errors=True)


atexit.register(_cleanup)


def write(path, content, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(content)


def finish():
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("all checks passed")
    sys.exit(0)
