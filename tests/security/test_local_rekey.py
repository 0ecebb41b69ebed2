"""A new passphrase or recovery code shuts out whoever knew the old one (issue 13, finding 5).

The attacker here knew the old passphrase (or recovery code) and kept a copy of the old unlock
file, as any backup holds one. After the change, the key that copy gives must open neither the
database nor any backup in Thawing's backups folder. These run `python -m thawing` and small
scripts in their own processes on a real data folder, so the database is a real SQLCipher file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from thawing.core import crypto

OLD = "copper kettle at dawn"
NEW = "a brand new passphrase tonight"
NOTE = "Wrenfeather remembered the lake"


@pytest.fixture
def data(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("THAWING_") and k != "DJANGO_SETTINGS_MODULE"}
    env["THAWING_DATA_DIR"] = str(tmp_path / "data")

    class Data:
        folder = tmp_path / "data"
        environment = env

        def cli(self, *argv: str, passphrase: str | None = OLD):
            child = {**env, **({"THAWING_PASSPHRASE": passphrase} if passphrase else {})}
            return subprocess.run([sys.executable, "-m", "thawing", *argv], env=child, capture_output=True,
                                  text=True, timeout=180, stdin=subprocess.DEVNULL)

        def service(self, call: str, *, passphrase: str = OLD, before: str = ""):
            """Run `services.<call>` after opening the profile, as the web page does; its result."""
            code = ("import json, os\n" + before +
                    "os.environ['DJANGO_SETTINGS_MODULE'] = 'thawing.settings'\n"
                    "from thawing.cli import setup\nsetup.user()\n"
                    "from thawing.accounts import services\n"
                    f"print(json.dumps(services.{call}))\n")
            done = subprocess.run([sys.executable, "-c", code], env={**env, "THAWING_PASSPHRASE": passphrase},
                                  capture_output=True, text=True, timeout=180)
            return done

        def record(self) -> dict:
            return json.loads((self.folder / "unlock.json").read_text())

        def backups(self) -> list[Path]:
            return sorted((self.folder / "backups").glob("thawing-backup-*.zip"))

    made = Data()
    init = made.cli("init", "--timezone", "UTC")
    assert init.returncode == 0, init.stderr
    made.first_code = init.stdout.split("once:")[1].split()[0]
    assert made.cli("checkin", "--mood", "4", "--note", NOTE).returncode == 0
    assert made.cli("backup").returncode == 0
    return made


def opens(path: Path, key: bytes | None) -> bool:
    """True when `key` opens the SQLCipher database at `path`."""
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.DatabaseError:
        return False
    finally:
        conn.close()


def backup_parts(path: Path, tmp_path: Path) -> tuple[dict, Path]:
    with zipfile.ZipFile(path) as bundle:
        record = json.loads(bundle.read("unlock.json"))
        database = tmp_path / f"{path.stem}.sqlite3"
        database.write_bytes(bundle.read("thawing.sqlite3"))
    return record, database


def shut_out(data, tmp_path, old_key: bytes, *, old_secret: str, recovery: bool = False) -> None:
    """The old key opens neither the database nor a backup; the old secret opens no backup."""
    assert not opens(data.folder / "thawing.sqlite3", old_key)
    assert data.backups()
    for path in data.backups():
        record, database = backup_parts(path, tmp_path)
        assert not opens(database, old_key), path.name
        with pytest.raises(crypto.WrongPassphrase):
            (crypto.unlock_with_recovery if recovery else crypto.unlock)(record, old_secret)


def test_a_new_passphrase_gives_the_data_and_its_backups_a_new_key(data, tmp_path):
    kept = data.record()  # the copy the person with the old passphrase kept
    old_key = crypto.unlock(kept, OLD)
    assert opens(data.folder / "thawing.sqlite3", old_key)

    changed = data.service(f"change_passphrase(current={OLD!r}, new={NEW!r})")
    assert changed.returncode == 0, changed.stderr

    shut_out(data, tmp_path, old_key, old_secret=OLD)
    assert data.cli("today", passphrase=OLD).returncode == 1
    assert NOTE in data.cli("checkins", "--json", passphrase=NEW).stdout
    # Every backup opens with the new passphrase, and the recovery code still opens it all.
    for path in data.backups():
        record, database = backup_parts(path, tmp_path)
        assert opens(database, crypto.unlock(record, NEW))
    assert opens(data.folder / "thawing.sqlite3", crypto.unlock_with_recovery(data.record(), data.first_code))


def test_a_new_recovery_code_shuts_out_the_old_one_even_with_an_old_unlock_file(data, tmp_path):
    kept = data.record()
    old_key = crypto.unlock_with_recovery(kept, data.first_code)

    made = data.service(f"new_recovery_code(passphrase={OLD!r})")
    assert made.returncode == 0, made.stderr
    new_code = json.loads(made.stdout)

    shut_out(data, tmp_path, old_key, old_secret=data.first_code, recovery=True)
    assert opens(data.folder / "thawing.sqlite3", crypto.unlock_with_recovery(data.record(), new_code))
    assert NOTE in data.cli("checkins", "--json", passphrase=OLD).stdout


def test_recovering_with_the_code_shuts_out_the_forgotten_passphrase(data, tmp_path):
    kept = data.record()
    old_key = crypto.unlock(kept, OLD)

    recovered = data.service(f"recover_local(code={data.first_code!r}, new_passphrase={NEW!r}).pk")
    assert recovered.returncode == 0, recovered.stderr

    shut_out(data, tmp_path, old_key, old_secret=OLD)
    assert NOTE in data.cli("checkins", "--json", passphrase=NEW).stdout
    assert opens(data.folder / "thawing.sqlite3", crypto.unlock_with_recovery(data.record(), data.first_code))


# --- A crash midway leaves a database that opens ---------------------------------------------------

def crash_at(moment: str, database: Path) -> str:
    """Code that ends the process (as a power cut would) just before or after the database swap."""
    return (
        "import os\n"
        "_replace = os.replace\n"
        "def replace(source, target, *args, **kwargs):\n"
        f"    if str(target) == {str(database)!r}:\n"
        f"        if {moment == 'after'!r}:\n"
        "            _replace(source, target, *args, **kwargs)\n"
        "        os._exit(9)\n"
        "    return _replace(source, target, *args, **kwargs)\n"
        "os.replace = replace\n")


def test_a_crash_before_the_swap_leaves_the_old_passphrase_working(data):
    database = data.folder / "thawing.sqlite3"
    crashed = data.service(f"change_passphrase(current={OLD!r}, new={NEW!r})",
                           before=crash_at("before", database))
    assert crashed.returncode == 9
    assert NOTE in data.cli("checkins", "--json", passphrase=OLD).stdout
    assert data.cli("today", passphrase=NEW).returncode == 1
    assert not (data.folder / "unlock.json.next").exists()
    assert not (data.folder / "thawing.sqlite3.rekeying").exists()


def test_a_crash_after_the_swap_is_finished_at_the_next_start(data):
    database = data.folder / "thawing.sqlite3"
    crashed = data.service(f"change_passphrase(current={OLD!r}, new={NEW!r})",
                           before=crash_at("after", database))
    assert crashed.returncode == 9
    assert (data.folder / "unlock.json.next").exists()
    assert NOTE in data.cli("checkins", "--json", passphrase=NEW).stdout
    assert not (data.folder / "unlock.json.next").exists()
    assert data.cli("today", passphrase=OLD).returncode == 1


# --- What the person is told ----------------------------------------------------------------------

PASSPHRASE = "quiet river morning light"


@pytest.mark.django_db
def test_the_passphrase_page_says_what_a_change_does_and_does_not_do(client):
    client.post("/setup/", {"timezone": "UTC", "passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE})
    page = " ".join(client.get("/settings/passphrase/").content.decode().split())
    assert "new key" in page and "backups folder" in page
    assert "Copies you made elsewhere" in page


@pytest.mark.django_db
def test_a_profile_from_before_gets_a_new_recovery_code_when_its_passphrase_changes(client, data_dir):
    from thawing.accounts import services

    client.post("/setup/", {"timezone": "UTC", "passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE})
    # A version 2 record, as Thawing 0.2 wrote it: its recovery slot cannot be carried to a new key.
    record = json.loads((data_dir / "unlock.json").read_text())
    key = crypto.unlock(record, PASSPHRASE)
    old = crypto.wrap_record(PASSPHRASE, key)
    old["slots"]["recovery"] = crypto._new_slot("recovery", crypto.normalise_recovery_code("0" * 24), key,
                                                crypto.KdfParams())
    (data_dir / "unlock.json").write_text(json.dumps(old))
    changed = client.post("/settings/passphrase/", {"action": "change", "current": PASSPHRASE,
                                                   "new": NEW, "new_again": NEW})
    page = changed.content.decode()
    assert changed.status_code == 200 and "<code>" in page
    code = page.split("<code>")[1].split("</code>")[0]
    services.lock_local()
    assert services.recover_local(code=code, new_passphrase="and yet another long one")


def change_on_the_command_line(data) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "thawing", "passphrase"], capture_output=True, text=True,
                          timeout=180, stdin=subprocess.DEVNULL,
                          env={**data.environment, "THAWING_PASSPHRASE": OLD, "THAWING_NEW_PASSPHRASE": NEW})


def test_the_command_line_changes_the_passphrase_and_says_what_it_does_not_do(data, tmp_path):
    old_key = crypto.unlock(data.record(), OLD)
    changed = change_on_the_command_line(data)
    assert changed.returncode == 0, changed.stderr
    said = " ".join(changed.stdout.split())
    assert "new key" in said and "Copies you made elsewhere" in said and "recovery code keeps working" in said
    shut_out(data, tmp_path, old_key, old_secret=OLD)
    assert NOTE in data.cli("checkins", "--json", passphrase=NEW).stdout


def test_a_running_server_asks_again_after_the_key_changed_from_the_command_line(data):
    import http.cookiejar
    import re
    import socket
    import time
    import urllib.error
    import urllib.parse
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "thawing", "serve", "--no-browser", "--port", str(port)],
                              env=data.environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    base = f"http://127.0.0.1:{port}"

    def sign_in(passphrase: str) -> str:
        form = browser.open(base + "/signin/", timeout=20).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "passphrase": passphrase}).encode()
        return browser.open(base + "/signin/", body, timeout=60).geturl()

    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                browser.open(base + "/help/", timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        assert not sign_in(OLD).endswith("/signin/")
        assert NOTE in browser.open(base + "/checkins/", timeout=20).read().decode()
        changed = change_on_the_command_line(data)
        assert changed.returncode == 0, changed.stderr
        # The server held the old key: it locks and asks again, rather than failing.
        assert browser.open(base + "/checkins/", timeout=20).geturl().startswith(base + "/signin/")
        assert sign_in(OLD).endswith("/signin/")
        assert not sign_in(NEW).endswith("/signin/")
        assert NOTE in browser.open(base + "/checkins/", timeout=20).read().decode()
    finally:
        server.terminate()
        _, err = server.communicate(timeout=20)
    assert "Traceback" not in err
