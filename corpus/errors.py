"""The one exception type the CLI turns into a one-line error (defined in ``records.errors``)."""
from records.errors import UserError

__all__ = ["UserError"]
