"""One matplotlib style for the notebooks: a font with Vietnamese diacritics, labelled axes, PNG output.

DejaVu Sans ships with matplotlib and covers Vietnamese (ầ, ẫ, ỵ, Đ ...), so
no font is fetched. Every plot is saved as PNG into ``figures_dir()``
(``$PARTYCORPUS_FIGURES``, else ``reports/figures``).

>>> fig, ax = new_figure("Đảng viên kết nạp, Lâm Đồng")     # doctest: +SKIP
>>> save(fig, "01-articles-by-province")                      # doctest: +SKIP
PosixPath('reports/figures/01-articles-by-province.png')
"""
from __future__ import annotations

from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .analysis import figures_dir

FONT = "DejaVu Sans"
STYLE = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT],
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "figure.dpi": 100,
    "savefig.dpi": 120,
    "savefig.bbox": "tight",
    "image.cmap": "viridis",
}


def use_style() -> None:
    """Apply the project style (font with Vietnamese diacritics, light grid).

    >>> use_style(); import matplotlib; matplotlib.rcParams["font.sans-serif"][0]
    'DejaVu Sans'
    """
    matplotlib.rcParams.update(STYLE)


def new_figure(title: str, width: float = 8, height: float = 4.5):
    """A styled figure with one axes and a title.

    >>> fig, ax = new_figure("Bài viết theo tỉnh"); ax.get_title()
    'Bài viết theo tỉnh'
    """
    use_style()
    fig, ax = plt.subplots(figsize=(width, height))
    ax.set_title(title)
    return fig, ax


def save(fig, name: str, folder=None) -> Path:
    """Write the figure as ``<folder>/<name>.png`` and return the path.

    >>> fig, ax = new_figure("Thử"); save(fig, "thu", "/tmp").name
    'thu.png'
    """
    path = figures_dir(folder) / f"{name}.png"
    fig.savefig(path)
    return path


def no_data(name: str, title: str, message: str = "no data in this corpus", folder=None) -> Path:
    """Save a placeholder PNG saying why there is nothing to plot (small or empty corpus).

    >>> no_data("thu-trong", "Chỉ tiêu", "không có chỉ tiêu", "/tmp").name
    'thu-trong.png'
    """
    fig, ax = new_figure(title, 6, 2.5)
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=11)
    return save(fig, name, folder)


def heatmap(ax, table: pd.DataFrame, xlabel: str, ylabel: str, cbar_label: str, annotate: bool = True):
    """Draw a counts table (rows × columns) as a heatmap with labelled axes and colour bar.

    >>> fig, ax = new_figure("Trích dẫn"); heatmap(ax, pd.DataFrame([[1, 0]], ["05-CT/TW"], ["lam-dong", "lang-son"]), "tỉnh", "văn bản", "bài viết")  # doctest: +ELLIPSIS
    <matplotlib.image.AxesImage object at ...>
    """
    values = table.to_numpy(dtype=float)
    im = ax.imshow(values, aspect="auto", cmap="Blues")
    ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns], rotation=45, ha="right")
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(False)
    if annotate and values.size and values.size <= 600:
        top = np.nanmax(values) if np.isfinite(values).any() else 0
        for (r, c), v in np.ndenumerate(values):
            if np.isfinite(v) and v:
                ax.text(c, r, f"{v:g}", ha="center", va="center", fontsize=8,
                        color="white" if v > top / 2 else "black")
    ax.figure.colorbar(im, ax=ax, label=cbar_label)
    return im


def close_all() -> None:
    """Close every open figure (notebooks call it after saving to keep memory flat)."""
    plt.close("all")
