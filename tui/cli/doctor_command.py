"""`ralign-tui doctor`: what is installed and where things live, with the line that mends what is missing."""

from __future__ import annotations

import argparse
import os
import platform
import sys

import tui.cli.output as output
from index import __version__, paths
from index.errors import RalignError
from tui.cli.common import corpus_of


def cmd_doctor(args: argparse.Namespace) -> int:
    from index.entities.statistical import INSTALL_HINT, model_status
    from index.store.entity_pass import OFF_VARIABLE, entity_model

    installed, model_said = model_status()
    _running, running_said = entity_model()
    corpus = corpus_of(args)
    config_note = "ok"
    try:
        from index.config import load_config

        load_config()
    except RalignError as exc:
        config_note = str(exc)
    report = {
        "version": __version__,
        "python": f"{platform.python_implementation()} {platform.python_version()} ({sys.executable})",
        "entity_model": model_said if installed else "",
        "entities": running_said,
        "install_model": "" if installed else INSTALL_HINT,
        "model_switch": f"{OFF_VARIABLE}=off turns the model off" if installed else "",
        "corpus": str(corpus),
        "index": str(paths.index_dir_for(corpus)),
        "config": f"{paths.config_file()} ({config_note})",
        "data": str(paths.data_dir()),
        "ralign_home": os.environ.get("RALIGN_HOME", ""),
    }
    if args.json:
        output.emit_json(report)
        return 0
    console = output.stdout()
    for key, value in report.items():
        if value:
            console.print(output.text(f"{key:<13} ", style="dim") + output.plain(value))
    return 0
