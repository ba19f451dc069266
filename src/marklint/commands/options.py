"""Argument types and the argument parser the commands share."""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import TextIO


def csv_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        import argparse

        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return int(value)


def parser_for(**kwargs: object) -> argparse.ArgumentParser:
    """An ArgumentParser whose error for an unknown option suggests the closest known one
    (`--selct` -> `--select`)."""
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str):
            if message.startswith("unrecognized arguments: "):
                from marklint.validation import closest

                known = [option for action in self._actions for option in action.option_strings]
                for word in message.split(": ", 1)[1].split():
                    if word.startswith("-"):
                        message += closest(word.split("=", 1)[0], known)
                        break
            super().error(message)

    return Parser(**kwargs)


def iso_date(value: str):
    import argparse
    import datetime

    try:
        return datetime.date.fromisoformat(value) if len(value) == 10 else datetime.date.fromisoformat("")
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {value!r}") from None


def use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    return not os.environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()
