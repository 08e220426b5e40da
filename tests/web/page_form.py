"""The values a browser would send for a page's form (inputs, ticked checkboxes, selected
options), read with the standard library's HTML parser: the HTTP tests post what the page shows."""

from __future__ import annotations

from html.parser import HTMLParser


class _Fields(HTMLParser):
    def __init__(self, action: str):
        super().__init__()
        self.action, self.inside, self.values = action, False, {}
        self._select, self._first = None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("action") == self.action
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file"):
            if attrs.get("type") == "checkbox":
                if "checked" in attrs:
                    self.values[name] = attrs.get("value", "on")
            else:
                self.values[name] = attrs.get("value", "")
        elif tag == "select":
            self._select, self._first = name, True
        elif tag == "option" and self._select:
            if self._first or "selected" in attrs:
                self.values[self._select] = attrs.get("value", "")
            self._first = False

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "form":
            self.inside = False


def form_values(html: str, action: str) -> dict[str, str]:
    """Field name → value of the form posting to ``action``, as the page shows it."""
    fields = _Fields(action)
    fields.feed(html)
    return fields.values


def named(values: dict) -> dict:
    """The form's values with a title and every construct named (the app refuses to run a
    study whose names are still the draft's TODO placeholders)."""
    names = {key: f"Konstruk {key.removeprefix('name.')}" for key, value in values.items() if key.startswith("name.") and value.startswith("TODO")}
    return values | names | ({"title": "Studi uji"} if values.get("title", "").startswith("TODO") else {})


class _Elements(HTMLParser):
    """The text of every element with a given tag and class, with its attributes."""

    def __init__(self, tag: str, cls: str | None):
        super().__init__()
        self.tag, self.cls, self.found, self._open = tag, cls, [], None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._open is not None:
            self._depth += tag == self.tag
            return
        if tag == self.tag and (self.cls is None or self.cls in (attrs.get("class") or "").split()):
            self._open, self._depth = (attrs, []), 0

    def handle_endtag(self, tag):
        if self._open is None or tag != self.tag:
            return
        if self._depth:
            self._depth -= 1
            return
        attrs, parts = self._open
        self.found.append((attrs, "".join(parts)))
        self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open[1].append(data)


def elements(html: str, tag: str, cls: str | None = None) -> list[tuple[dict, str]]:
    """(attributes, text) of every ``tag`` element of class ``cls`` in the page, entities decoded."""
    parser = _Elements(tag, cls)
    parser.feed(html)
    return parser.found


def text_of(html: str, tag: str, cls: str | None = None) -> str:
    """The text of the page's first ``tag`` element of class ``cls``."""
    return elements(html, tag, cls)[0][1]
