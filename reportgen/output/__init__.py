"""Where reports are written: safe names, the manifest, the guarded atomic output folder."""

from reportgen.output.folder import atomic_folder, check_target, sweep_stale
from reportgen.output.names import NameBook, safe_name

__all__ = ["atomic_folder", "check_target", "sweep_stale", "NameBook", "safe_name"]
