"""The policy schema: what a YAML policy may say, validated by pydantic (unknown fields are errors)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from ..clinical import VIOLATIONS, Action, RiskLevel

__all__ = [
    "AuditSettings",
    "CrisisResource",
    "FailMode",
    "Limits",
    "Policy",
    "RiskSettings",
    "ScorerRef",
    "Texts",
    "Timeouts",
    "ViolationRule",
]


_LOCALE_ALIASES = {"UK": "GB", "EN-US": "US", "EN-GB": "GB", "EN-AU": "AU", "EN-CA": "CA", "EN-IE": "IE"}


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ViolationRule(_Strict):
    """What to do when a violation's score reaches ``threshold``."""

    threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    action: Action = "annotate"


class RiskSettings(_Strict):
    # From this level on, the chatbot is sent a safety instruction with the conversation.
    instruct_at: RiskLevel = "moderate"
    # From this level on, the escalation handler is called once per risk episode.
    escalate_at: RiskLevel = "high"
    # At this level the reply never depends on the chatbot: crisis resources are returned.
    crisis_reply_at: RiskLevel = "imminent"
    # Append crisis resources to allowed replies from this level on (None: never).
    append_resources_at: RiskLevel | None = "high"


class Timeouts(_Strict):
    chatbot_s: float = Field(default=30.0, gt=0)
    scorer_s: float = Field(default=2.0, gt=0)


class FailMode(_Strict):
    """What happens when a part fails. Crisis screening always fails closed, whatever is set here."""

    # A violation or fidelity scorer that raises: "closed" replaces the reply, "open" allows it, noting the error.
    scorers: Literal["open", "closed"] = "closed"
    # A durable audit write that fails even to the spill file: "closed" withholds the reply, "open" returns it.
    audit: Literal["open", "closed"] = "closed"


class Limits(_Strict):
    max_chars: int = Field(default=32_000, gt=0)
    max_messages: int = Field(default=500, gt=0)
    regenerate_attempts: int = Field(default=1, ge=0, le=5)


class AuditSettings(_Strict):
    # "full": store text as sent; "redacted": identifiers (emails, phones, urls, numbers) masked;
    # "none": store no text, only hashes and lengths.
    text: Literal["full", "redacted", "none"] = "redacted"
    log_text: bool = False  # may structlog events carry therapy text?
    hash_user_ids: bool = True


class Texts(_Strict):
    """Fallback texts. ``{resources}`` is replaced by the locale's crisis resources."""

    crisis: str
    unavailable: str
    blocked: str
    replaced: str
    annotation: str = ""
    safety_instruction: str
    regenerate_instruction: str


class CrisisResource(_Strict):
    name: str
    contact: str
    phone: str | None = None
    sms: str | None = None
    url: HttpUrl | None = None
    # The official page this entry was checked against; required for any entry that gives a number or url.
    source: HttpUrl | None = None

    @model_validator(mode="after")
    def _sourced(self) -> CrisisResource:
        if (self.phone or self.sms or self.url) and self.source is None:
            raise ValueError(
                f"crisis resource {self.name!r} gives a number or url but no 'source': "
                "name the official page it was checked against"
            )
        return self

    def line(self) -> str:
        return f"{self.name}: {self.contact}" + (f" ({self.url})" if self.url else "")


class ScorerRef(_Strict):
    """A registry name and keyword options for its factory."""

    name: str
    options: dict[str, Any] = Field(default_factory=dict)


class Policy(_Strict):
    """A validated policy. Load with :func:`tg_guard.policy.load_policy`."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    version: int = Field(ge=1)
    description: str = ""
    mode: Literal["enforce", "observe"] = "enforce"
    locale: str = "US"
    safety: ScorerRef | None = ScorerRef(name="embedded")
    fidelity: ScorerRef | None = ScorerRef(name="embedded")
    risk: RiskSettings = RiskSettings()
    violations: dict[str, ViolationRule] = Field(default_factory=dict)
    default_rule: ViolationRule = ViolationRule()
    timeouts: Timeouts = Timeouts()
    fail_mode: FailMode = FailMode()
    limits: Limits = Limits()
    audit: AuditSettings = AuditSettings()
    texts: Texts
    crisis_resources: dict[str, list[CrisisResource]]

    @property
    def id(self) -> str:
        """``name@version``, as verdicts and audit records cite it."""
        return f"{self.name}@{self.version}"

    @field_validator("violations")
    @classmethod
    def _known_violations(cls, v: dict[str, ViolationRule]) -> dict[str, ViolationRule]:
        unknown = sorted(set(v) - set(VIOLATIONS))
        if unknown:
            raise ValueError(f"unknown violation name(s) {', '.join(unknown)}; known: {', '.join(VIOLATIONS)}")
        return v

    @model_validator(mode="after")
    def _resources(self) -> Policy:
        if "default" not in self.crisis_resources or not self.crisis_resources["default"]:
            raise ValueError("crisis_resources needs a non-empty 'default' locale")
        if self.locale not in self.crisis_resources:
            raise ValueError(
                f"locale {self.locale!r} has no crisis_resources; add it or pick one of "
                f"{', '.join(sorted(self.crisis_resources))}"
            )
        return self

    def with_chatbot_timeout(self, seconds: float) -> Policy:
        """A copy whose chatbot timeout is ``seconds`` (local CPU models need minutes, not an API's 30 s)."""
        if seconds <= 0:
            raise ValueError("the chatbot timeout must be positive")
        return self.model_copy(update={"timeouts": self.timeouts.model_copy(update={"chatbot_s": float(seconds)})})

    def rule(self, violation: str) -> ViolationRule:
        return self.violations.get(violation, self.default_rule)

    def resources(self, locale: str | None = None) -> list[CrisisResource]:
        """Crisis resources for ``locale`` (falls back to the policy's locale, then ``default``)."""
        loc = locale or self.locale
        if loc != "default":
            loc = _LOCALE_ALIASES.get(loc.upper(), loc.upper())
        return self.crisis_resources.get(loc) or self.crisis_resources["default"]

    def resources_text(self, locale: str | None = None) -> str:
        return "\n".join(f"- {r.line()}" for r in self.resources(locale))
