"""A site's robots.txt rules, read with the standard library's parser."""

from __future__ import annotations

from urllib.robotparser import RobotFileParser


class RobotsRules:
    """Whether a user agent may fetch a URL of one site."""

    def __init__(self, parser: RobotFileParser | None, refusal: str | None = None) -> None:
        self._parser = parser
        self._refusal = refusal  # why every page is refused, when it is

    @classmethod
    def parse(cls, content: bytes) -> RobotsRules:
        """Rules from the bytes of a robots.txt file."""
        parser = RobotFileParser()
        parser.parse(content.decode("utf-8", "replace").splitlines())
        return cls(parser)

    @classmethod
    def allow_all(cls) -> RobotsRules:
        """No robots.txt (a 4xx answer): everything may be fetched."""
        return cls(None)

    @classmethod
    def disallow_all(cls, reason: str) -> RobotsRules:
        """robots.txt could not be read (a 5xx answer): nothing may be fetched."""
        return cls(None, reason)

    def allows(self, agent: str, url: str) -> bool:
        """True if `agent` may fetch `url`."""
        if self._refusal is not None:
            return False
        return self._parser is None or self._parser.can_fetch(agent, url)
