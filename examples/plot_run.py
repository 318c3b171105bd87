#!/usr/bin/env python3
"""Figures from a CreepCell run folder, with the tools a researcher has at hand.

    python3 examples/plot_run.py OUT_DIR [FIGURE_DIR]

Reads cycles.csv (per-cycle values at full lithiation and at the end of charge) and the field time
series fields.xdmf (over fields_*.h5), and writes into FIGURE_DIR (default: OUT_DIR):

- contact_ratio.png: the contact ratio of every phase pair at full lithiation against the cycle (the
  paper's Fig. 4 style); a run without contact shows the mean von Mises stress per phase instead;
- field_map.png: the element-mean von Mises stress of the last field output on the deformed mesh.

Needs python3-numpy, python3-matplotlib, python3-h5py and python3-meshio (Debian packages).
Prints a JSON line with what it read, for scripts and tests.
"""
import csv
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import meshio
import numpy as np
from matplotlib.collections import PolyCollection


def read_cycles(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    cycles = [int(r["cycle"]) for r in rows]
    return cycles, rows


def contact_figure(out_dir, fig_dir):
    cycles, rows = read_cycles(os.path.join(out_dir, "cycles.csv"))
    columns = [c for c in rows[0] if c.startswith("full_contact_ratio_")]
    scale, label, title = 100, "contact ratio at full lithiation (%)", "contact ratio"
    if not columns:
        columns = [c for c in rows[0] if c.startswith("full_vm_mean_") and c.endswith("_Pa")]
        scale, label, title = 1e-6, "mean von Mises stress at full lithiation (MPa)", "no contact in this run: stresses"
    fig, ax = plt.subplots(figsize=(6, 4))
    for c in columns:
        ax.plot(cycles, [scale * float(r[c]) for r in rows], marker="o", label=c[len("full_"):])
    ax.set_xlabel("cycle")
    ax.set_ylabel(label)
    ax.set_title(title)
    ax.legend()
    fig.tight_layout()
    fig.savefig(os.path.join(fig_dir, "contact_ratio.png"), dpi=120)
    return columns, len(cycles)


def field_map(out_dir, fig_dir):
    with meshio.xdmf.TimeSeriesReader(os.path.join(out_dir, "fields.xdmf")) as reader:
        points, cells = reader.read_points_cells()
        steps = reader.num_steps
        t, point_data, cell_data = reader.read_data(steps - 1)
    deformed = points[:, :2] + point_data["displacement"][:, :2]
    polygons, values = [], []
    for block, vm in zip(cells, cell_data["von_mises"]):
        corners = 3 if block.type.startswith("triangle") else 4  # corner nodes come first
        polygons.extend(deformed[block.data[:, :corners]])
        values.extend(vm)
    values = np.asarray(values) / 1e6
    fig, ax = plt.subplots(figsize=(6, 5))
    pc = PolyCollection(polygons, array=values, cmap="viridis", edgecolors="none")
    ax.add_collection(pc)
    ax.autoscale()
    ax.set_aspect("equal")
    ax.set_title(f"von Mises stress, t = {t / 3600:.2f} h")
    fig.colorbar(pc, ax=ax, label="MPa")
    fig.tight_layout()
    fig.savefig(os.path.join(fig_dir, "field_map.png"), dpi=120)
    return steps, t, float(values.max())


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out_dir = sys.argv[1]
    fig_dir = sys.argv[2] if len(sys.argv) == 3 else out_dir
    os.makedirs(fig_dir, exist_ok=True)
    columns, cycles = contact_figure(out_dir, fig_dir)
    steps, t, vm_max = field_map(out_dir, fig_dir)
    print(json.dumps({"cycles": cycles, "columns": columns, "field_steps": steps, "last_time_s": t, "von_mises_max_MPa": vm_max}))


if __name__ == "__main__":
    main()
