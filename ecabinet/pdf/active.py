"""Finding what in a PDF could run something or reach outside it: JavaScript, Launch actions,
embedded files, form submission, links to other files, RichMedia and 3D, non-web links.

A member's reader (QtPdf) runs none of it, but a paper may be saved and opened elsewhere, in a
reader that does: so such a file is refused before it is sent to every member's laptop. The
walk resolves every object reachable from the document catalog once, iteratively (no Python
recursion), with a cap on objects visited and on nesting, so deep or cyclic references end
here with ``TooComplex``. Runs inside the check's child process (ecabinet.pdf.validate).
"""

from __future__ import annotations

from collections.abc import Iterator

# Kinds of active content, stable words the server and the desktop map to their own wording.
JAVASCRIPT = "javascript"
LAUNCH = "launch"
EMBEDDED_FILE = "embedded_file"
SUBMIT_FORM = "submit_form"
IMPORT_DATA = "import_data"
OTHER_FILE = "other_file"
RICH_MEDIA = "rich_media"
NON_WEB_LINK = "non_web_link"

# In the words the Government Office reads, for the detail of the server's answer.
ENGLISH = {
    JAVASCRIPT: "JavaScript",
    LAUNCH: "an action that starts a program (Launch)",
    EMBEDDED_FILE: "an embedded file",
    SUBMIT_FORM: "a form that sends data away (SubmitForm)",
    IMPORT_DATA: "an action that imports data from a file (ImportData)",
    OTHER_FILE: "a link that opens another file (GoToR/GoToE)",
    RICH_MEDIA: "multimedia or 3D content (RichMedia/3D)",
    NON_WEB_LINK: "a link to something other than a web address",
}

# Action types (/S) and what they are.
_ACTIONS = {
    "/JavaScript": JAVASCRIPT,
    "/Launch": LAUNCH,
    "/SubmitForm": SUBMIT_FORM,
    "/ImportData": IMPORT_DATA,
    "/GoToR": OTHER_FILE,
    "/GoToE": OTHER_FILE,
    "/RichMediaExecute": RICH_MEDIA,
    "/GoTo3DView": RICH_MEDIA,
}
# Annotation and object subtypes (/Subtype) and what they are.
_SUBTYPES = {
    "/FileAttachment": EMBEDDED_FILE,
    "/RichMedia": RICH_MEDIA,
    "/3D": RICH_MEDIA,
    "/Movie": RICH_MEDIA,
    "/Screen": RICH_MEDIA,
}
WEB_SCHEMES = (b"http://", b"https://")

# Dictionaries and arrays visited: a paper of a few hundred pages has tens of thousands; far
# more is an attack on the check.
MAX_OBJECTS = 500_000
MAX_NESTING = 100


class TooComplex(Exception):
    """The file has more objects, or nests them deeper, than a paper would."""


def _uri_bytes(value: object) -> bytes:
    from pypdf.generic import ByteStringObject, TextStringObject

    if isinstance(value, TextStringObject):
        return value.original_bytes
    if isinstance(value, ByteStringObject | bytes):
        return bytes(value)
    return str(value).encode("latin-1", "replace")


def _kinds_of(node: dict[object, object]) -> Iterator[str]:
    """What this one dictionary is, if it is active content."""
    action = node.get("/S")
    if action in _ACTIONS:
        yield _ACTIONS[str(action)]
    if "/JS" in node:
        yield JAVASCRIPT
    subtype = node.get("/Subtype")
    if subtype in _SUBTYPES:
        yield _SUBTYPES[str(subtype)]
    if "/EmbeddedFiles" in node or "/EF" in node or node.get("/Type") == "/EmbeddedFile":
        yield EMBEDDED_FILE
    if "/XFA" in node:  # an XFA form carries its own scripts
        yield JAVASCRIPT
    if action == "/URI":
        target = node.get("/URI")
        resolved = target.get_object() if hasattr(target, "get_object") else target
        if not _uri_bytes(resolved).strip().lower().startswith(WEB_SCHEMES):
            yield NON_WEB_LINK


def active_content(root: object, max_objects: int = MAX_OBJECTS) -> tuple[str, ...]:
    """Every kind of active content reachable from ``root`` (the catalog), in a stable order.

    Every object is resolved on the way (so a hostile one fails here, under the child's
    limits); each indirect object is visited once, so loops end, and a long chain of them (an
    outline's /Next) is no deeper than one.
    """
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    found: set[str] = set()
    seen: set[tuple[int, int]] = set()
    visited = 0
    stack: list[tuple[object, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_NESTING:
            raise TooComplex("nested too deep")
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            node, depth = node.get_object(), 0  # nesting is counted within one object
        if isinstance(node, DictionaryObject | ArrayObject):
            visited += 1
            if visited > max_objects:
                raise TooComplex("too many objects")
        if isinstance(node, DictionaryObject):
            found.update(_kinds_of(node))
            stack.extend((value, depth + 1) for value in node.values())
        elif isinstance(node, ArrayObject):
            stack.extend((value, depth + 1) for value in node)
    return tuple(sorted(found))


def described(kinds: tuple[str, ...]) -> str:
    """The kinds found, in English words: "JavaScript and an embedded file"."""
    words = [ENGLISH.get(kind, kind) for kind in kinds]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
