"""The commands of the command line (`marklint.cli` dispatches to them): `check` (the default),
`rule` and `rules`, `parse`, `explain`, `server`, `report` and `help`. One module per command
or group; `options` holds the argument types and the parser they share."""

# command -> what `marklint help` says it does
SUBCOMMANDS = {
    "check": "lint files and directories (the default command)",
    "rule": "show one rule: summary, why (with citations), examples, fix, documentation link",
    "rules": "list every rule (--format json for tools)",
    "parse": "parse and explain markings (--rules NAME for an allied system's)",
    "explain": "show the structure marklint read: per page and block, its kind and whether it needs a mark",
    "report": "write a collection's CSV and HTML report (archives)",
    "server": "run the language server over stdio (marklint[server])",
    "help": "show this help, a command's (marklint help COMMAND) or a rule's (marklint help RULE)",
}
