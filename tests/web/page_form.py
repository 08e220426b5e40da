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
