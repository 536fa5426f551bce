"""smith shell on a terminal: prompts, line editing, multi-line statements, history."""

import time

UP = "\x1b[A"
LEFT = "\x1b[D"
BACKSPACE = "\x7f"
CTRL_A = "\x01"
CTRL_D = "\x04"


def send_at_prompt(sh, keys):
    """Sends keys once the shell shows its prompt again and the line editor has taken the terminal.

    The prompt is written just before the line editor switches the terminal to raw mode; keys that
    arrive earlier are read in cooked mode, and the switch may discard them (seen on a loaded
    machine: a Ctrl-D lost, so the shell never exited).
    """
    sh.expect(r"smith> ")
    time.sleep(0.3)
    sh.send(keys)


def test_prompt_multiline_and_quit(shell_pty, db):
    sh = shell_pty(db)
    sh.expect(r"Type :help")
    sh.expect(r"smith> ")
    sh.send("UNWIND [1, 2, 3] AS x\r")
    sh.expect(r"\.\.\.> ")
    sh.send("RETURN x * 10 AS y;\r")
    sh.expect(r"\| 30 \|")
    sh.expect(r"3 rows \(")
    sh.expect(r"smith> ")
    sh.send(":quit\r")
    assert sh.wait() == 0


def test_line_editing(shell_pty, db):
    sh = shell_pty(db)
    sh.expect(r"smith> ")
    # A typo fixed with backspace; a digit inserted after moving left past " AS b;".
    sh.send("RETURN 12" + BACKSPACE + "3 AS a, 5 AS b;" + LEFT * 6 + "4" + "\r")
    sh.expect(r"\| a\s+\| b\s+\|")
    sh.expect(r"\| 13\s+\| 54\s+\|")
    # Ctrl-A jumps to the start of the line.
    send_at_prompt(sh, "1 AS c;" + CTRL_A + "RETURN " + "\r")
    sh.expect(r"\| 1 \|")
    send_at_prompt(sh, CTRL_D)
    assert sh.wait() == 0


def test_errors_do_not_end_the_session(shell_pty, db):
    sh = shell_pty(db)
    send_at_prompt(sh, "RETRUN 1;\r")
    sh.expect(r"error: Neo.ClientError.Statement.SyntaxError")
    send_at_prompt(sh, "RETURN 'still here' AS s;\r")
    sh.expect(r"'still here'")
    send_at_prompt(sh, ":nope\r")
    sh.expect(r"unknown command :nope")
    send_at_prompt(sh, ":quit\r")
    assert sh.wait() == 0


def test_schema_and_params(shell_pty, people):
    sh = shell_pty(people)
    send_at_prompt(sh, ":schema\r")
    sh.expect(r"\| person_id\s+\| NODE_KEY")
    sh.expect(r"\| person_name\s+\| RANGE")
    send_at_prompt(sh, ":param who => 'Ada'\r")
    sh.expect(r"\$who = 'Ada'")
    send_at_prompt(sh, "MATCH (p:Person {name: $who}) RETURN p.id AS id;\r")
    sh.expect(r"\| 1  \|")
    send_at_prompt(sh, ":params\r")
    sh.expect(r":param who => 'Ada'")
    send_at_prompt(sh, ":help\r")
    sh.expect(r":source FILE")
    send_at_prompt(sh, ":exit\r")
    assert sh.wait() == 0


def test_history_persists_across_sessions(shell_pty, db, tmp_path):
    history = tmp_path / "home" / ".smith_history"
    sh = shell_pty(db)
    sh.expect(r"smith> ")
    sh.send("RETURN 'first'\r")
    sh.expect(r"\.\.\.> ")
    sh.send("AS remembered;\r")
    sh.expect(r"1 row")
    sh.send(":quit\r")
    assert sh.wait() == 0
    assert "remembered" in history.read_text()

    sh = shell_pty(db)
    send_at_prompt(sh, UP)  # ":quit"
    sh.send(UP)  # the statement, folded onto one line
    sh.send("\r")
    sh.expect(r"\| 'first'\s+\|")
    send_at_prompt(sh, CTRL_D)
    assert sh.wait() == 0


def test_ctrl_d_with_unfinished_statement(shell_pty, db):
    sh = shell_pty(db)
    sh.expect(r"smith> ")
    sh.send("CREATE (:Never)\r")
    sh.expect(r"\.\.\.> ")
    sh.send(CTRL_D)
    sh.expect(r"unfinished statement discarded")
    assert sh.wait() == 0
