"""Walking a QTreeWidget without tripping over Qt's nullable returns."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


def children(node: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for i in range(node.childCount()) if (child := node.child(i)) is not None]


def top_level(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    return [
        node for i in range(tree.topLevelItemCount()) if (node := tree.topLevelItem(i)) is not None
    ]


def all_nodes(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """Every node, parents before their children, in display order."""
    out: list[QTreeWidgetItem] = []

    def walk(nodes: list[QTreeWidgetItem]) -> None:
        for node in nodes:
            out.append(node)
            walk(children(node))

    walk(top_level(tree))
    return out
