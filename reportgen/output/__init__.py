"""Where reports are written: safe names, the manifest, the guarded atomic output folder."""

from reportgen.output.folder import atomic_folder, check_target, sweep_stale
from reportgen.output.names import NameBook, safe_name

__all__ = ["NameBook", "atomic_folder", "check_target", "safe_name", "sweep_stale"]
