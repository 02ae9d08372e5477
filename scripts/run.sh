#!/usr/bin/env bash
# Quick start, command 1: installs what is missing, builds the page and serves www/ on
# localhost. PORT=8080 by default (the next free port if it is taken). Ctrl-C stops it.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/build.sh"
say "starting the local server"
exec cargo run --quiet --release --locked --example serve -- www "${PORT:-8080}"
