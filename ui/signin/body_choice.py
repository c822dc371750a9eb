"""The sign-in dialog's body: chosen from the server's list (GET /bodies), or typed as a code.

The list is asked on the network lane once the server's address is known (at opening, with
the address remembered, and each time the address is edited), never on the GUI thread. Each
entry shows the body's name and carries its code. A server that cannot be reached, or an older
one without the list, leaves the box as it was: the member types the code the technical staff
gave (gov, hanoi), as before; empty is the server's own body. The body last signed in to is
preselected. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from ecabinet.client.account import server_bodies
from ecabinet.wire.auth import BodyPublic
from ui.tasks import TaskManager


class BodyChoice(QComboBox):
    listed = Signal(int)  # how many bodies the server listed

    def __init__(
        self,
        tasks: TaskManager,
        remembered: str,
        parent: QWidget | None = None,
        ask: Callable[[str], list[BodyPublic]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks, self.ask = tasks, ask or server_bodies
        self.setEditable(True)
        # As wide as the address above it: a combo box keeps to its contents otherwise, and
        # "Ủy ban nhân dân Thành phố Hồ Chí Minh" must read whole.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typing never adds an entry
        self.setEditText(remembered)
        self.asked = ""  # the address whose list was last asked for
        line = self.lineEdit()
        assert line is not None  # an editable box has its line
        line.setPlaceholderText(self.tr("Chọn trong danh sách, hoặc nhập mã cơ quan"))
        self.setToolTip(
            self.tr(
                "Cơ quan của đồng chí. Nếu danh sách trống, hãy nhập mã cơ quan do bộ phận kỹ "
                "thuật cấp, ví dụ: gov (Chính phủ), hanoi (UBND thành phố Hà Nội); để trống "
                "nếu dùng cơ quan mặc định của máy chủ"
            )
        )

    def code(self) -> str:
        """The code to sign in with: the chosen entry's, or what was typed."""
        typed = self.currentText().strip()
        found = self.findText(typed)
        return str(self.itemData(found)) if found >= 0 else typed.lower()

    def ask_for(self, server: str) -> None:
        """Ask ``server`` (an address already checked) for its bodies, once per address."""
        if not server or server == self.asked:
            return
        self.asked = server
        ask = self.ask
        self.tasks.run_network(
            lambda: ask(server),
            lambda bodies: self._fill(server, bodies),
            lambda _error: self._fill(server, []),  # the code is typed, as on an older server
        )

    def _fill(self, server: str, bodies: list[BodyPublic]) -> None:
        if server != self.asked:
            return  # the address changed since: its own answer will come
        wanted = self.code()  # the remembered code, or what the member has typed meanwhile
        self.clear()  # another server's list never stays: its bodies are not this one's
        for body in bodies:
            self.addItem(body.name, body.code)
            # The code beside each name, for the technical staff helping on the telephone.
            self.setItemData(self.count() - 1, body.code, Qt.ItemDataRole.ToolTipRole)
        found = self.findData(wanted)
        if found >= 0:
            self.setCurrentIndex(found)
        else:
            self.setEditText(wanted)  # a code the list does not hold: left as typed
        self.listed.emit(len(bodies))  # 0: no list, the code is typed
