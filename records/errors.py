"""The one exception type the CLI turns into a one-line error."""


class UserError(Exception):
    """Bad input or an unusable store: printed as one line, exit code ``code``."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code
