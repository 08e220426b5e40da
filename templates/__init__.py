"""The chapter templates and labels of each language (installed as reportgen.templates)."""
