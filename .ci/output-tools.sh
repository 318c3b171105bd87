#!/usr/bin/env bash
# Independent readers for the output tests: h5py (fields.h5), matplotlib (examples/), VTK's Python module (VTU as ParaView reads
# it) and headless Chromium (the HTML report). Optional: the tests that need them are skipped without.
set -uo pipefail
command -v apt-get >/dev/null 2>&1 || exit 0
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-h5py python3-matplotlib python3-vtk9 chromium >/dev/null \
  || echo "output readers not installed; the tests that need them are skipped"
