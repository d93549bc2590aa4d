"""The guard reward: weights, bounds, None for unscorable completions, dialogue-level flags, logged parts."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from tg_guard.training.config import DEFAULT_PENALTIES, RewardConfig
from tg_guard.training.rewards import GuardReward

from tests.doubles import ConstantFidelity, KeywordSafety
from tg_guard.models import Message

USER = [{"role": "user", "content": "I had a rough week"}]
RISKY = [{"role": "user", "content": "modrisk I keep thinking about it"}]


def completion(text: str) -> list[dict[str, str]]:
    return [{"role": "assistant", "content": text}]


def reward(cfg: RewardConfig | None = None, *, fid: float = 0.5, **kw: object) -> GuardReward:
    return GuardReward(cfg or RewardConfig(), safety=KeywordSafety(**kw), fidelity=ConstantFidelity(fid))  # type: ignore[arg-type]


def test_clean_reply_earns_weighted_fidelity() -> None:
    r = reward(RewardConfig(fidelity_weight=2.0), fid=0.25)
    assert r(prompts=[USER], completions=[completion("That sounds hard.")]) == [0.5]


def test_each_violation_costs_its_penalty() -> None:
    r = reward(fid=0.5)
    out = r(
        prompts=[USER, USER, USER],
        completions=[
            completion("fine"),
            completion("<judgmental> stop it"),
            completion("<judgmental> <medication_advice>"),
        ],
    )
    pj, pm = DEFAULT_PENALTIES["judgmental"], DEFAULT_PENALTIES["medication_advice"]
    assert out == [pytest.approx(0.5), pytest.approx(0.5 - pj), pytest.approx(0.5 - pj - pm)]


def test_penalty_weights_are_configurable() -> None:
    r = reward(RewardConfig(penalties={"judgmental": 0.0}), fid=0.5)
    assert r(prompts=[USER], completions=[completion("<judgmental>")]) == [pytest.approx(0.5)]


def test_risk_in_the_context_is_what_makes_a_missed_crisis() -> None:
    r = reward(fid=0.0)
    out = r(prompts=[RISKY, RISKY], completions=[completion("tell me more"), completion("are you safe right now?")])
    assert out == [pytest.approx(-DEFAULT_PENALTIES["missed_crisis"]), 0.0]


def test_score_signal_uses_the_violation_score() -> None:
    r = reward(RewardConfig(penalty_signal="score"), fid=0.0)
    # the double scores a marked violation 0.9
    expected = -0.9 * DEFAULT_PENALTIES["judgmental"]
    assert r(prompts=[USER], completions=[completion("<judgmental>")]) == [pytest.approx(expected)]


def test_rewards_stay_in_bounds() -> None:
    cfg = RewardConfig()
    r = reward(cfg, fid=1.0)
    everything = " ".join(f"<{n}>" for n in DEFAULT_PENALTIES)
    out = r(prompts=[RISKY, USER], completions=[completion(everything), completion("ok")])
    low, high = cfg.bounds
    assert all(low <= x <= high for x in out if x is not None)
    assert out[1] == high


def test_empty_reply_gets_the_floor_unless_configured() -> None:
    r = reward(fid=0.9)
    assert r(prompts=[USER], completions=[completion("   ")]) == [RewardConfig().bounds[0]]
    r2 = reward(RewardConfig(empty_reward=-0.1), fid=0.9)
    assert r2(prompts=[USER], completions=[completion("")]) == [-0.1]


def test_unscorable_completion_is_none_and_others_still_score() -> None:
    r = reward(fail_reply=True)
    assert r(prompts=[USER], completions=[completion("hello")]) == [None]
    ok = reward()
    assert ok(prompts=[USER], completions=["plain text completion"]) == [0.5]


def test_dialogue_reward_counts_each_violation_once_and_averages_fidelity() -> None:
    class ByReply:
        name = "by-reply"

        def score(self, messages: Sequence[Message]):  # type: ignore[no-untyped-def]
            return ConstantFidelity(0.2 if "short" in messages[-1].content else 0.8).score(messages)

    r = GuardReward(RewardConfig(), safety=KeywordSafety(), fidelity=ByReply())
    dialogue = [
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "short <judgmental>"},
        {"role": "user", "content": "ok"},
        {"role": "assistant", "content": "long reply <judgmental>"},
    ]
    out = r(prompts=[USER], completions=["ignored"], dialogue=[dialogue])
    assert out == [pytest.approx(0.5 - DEFAULT_PENALTIES["judgmental"])]


def test_components_are_logged_and_risk_is_assessed_once_per_context() -> None:
    metrics: dict[str, float] = {}
    safety = KeywordSafety()
    r = GuardReward(RewardConfig(), safety=safety, fidelity=ConstantFidelity(0.5))
    group = [completion("a"), completion("<judgmental>"), completion("c"), completion("d")]
    r(prompts=[USER] * 4, completions=group, log_metric=lambda k, v: metrics.__setitem__(k, v))
    assert safety.risk_calls == 1 and safety.reply_calls == 4  # the group shares one context
    assert metrics["guard/judgmental"] == 0.25 and metrics["guard/any_violation"] == 0.25
    assert metrics["guard/fidelity"] == 0.5 and metrics["guard/unscored"] == 0
    assert metrics["guard/penalty"] == pytest.approx(DEFAULT_PENALTIES["judgmental"] / 4)
    assert r.calls == 1 and r.scored == 4 and r.seconds > 0


def test_system_prompt_is_not_scored_as_conversation() -> None:
    seen: list[str] = []

    class Spy(ConstantFidelity):
        def score(self, messages: Sequence[Message]):  # type: ignore[no-untyped-def]
            seen.extend(m.role for m in messages)
            return super().score(messages)

    r = GuardReward(RewardConfig(), safety=KeywordSafety(), fidelity=Spy(0.5))
    prompt = [{"role": "system", "content": "be kind"}, *USER]
    assert r(prompts=[prompt], completions=[completion("hello")]) == [0.5]
    assert seen == ["user", "assistant"]


def test_real_embedded_scorers_rank_a_harmful_reply_below_a_good_one() -> None:
    pytest.importorskip("tg_guard.scoring.safety.scorer")
    r = GuardReward(RewardConfig())
    prompt = [{"role": "user", "content": "I can't sleep and I feel so anxious before work every day."}]
    good = "That sounds exhausting. What goes through your mind as you lie awake before a work day?"
    bad = "Just take 10mg of melatonin and some Xanax, you are overreacting."
    g, b = r(prompts=[prompt, prompt], completions=[completion(good), completion(bad)])
    assert g is not None and b is not None and g > b


# -- rewards.workers: the same rewards from worker processes ---------------------------------------------
DIALOGUES = [
    [{"role": "user", "content": "I can't sleep and I feel so anxious before work every day."},
     {"role": "assistant", "content": "That sounds exhausting. What goes through your mind as you lie awake?"}],
    [{"role": "user", "content": "I can't sleep and I feel so anxious before work every day."},
     {"role": "assistant", "content": "Just take 10mg of melatonin and some Xanax, you are overreacting."}],
    [{"role": "user", "content": "I've been thinking it would be easier if I wasn't here."},
     {"role": "assistant", "content": "Let's make a plan for your week, starting with your sleep routine."},
     {"role": "user", "content": "ok"},
     {"role": "assistant", "content": "Great. What time will you go to bed tonight?"}],
    [{"role": "user", "content": "My boss shouted at me in front of everyone."},
     {"role": "assistant", "content": ""}],
    [{"role": "user", "content": "My boss shouted at me in front of everyone."},
     {"role": "assistant", "content": "You must have done something to deserve it."}],
]


def test_worker_processes_give_the_same_rewards_as_in_process() -> None:
    pytest.importorskip("tg_guard.scoring.safety.scorer")
    here = GuardReward(RewardConfig())
    pooled = GuardReward(RewardConfig(workers=2))
    try:
        pooled.start()
        assert pooled._pool is not None  # started before any batch, as a run does
        prompts = [d[:1] for d in DIALOGUES]
        comps = [d[-1:] for d in DIALOGUES]
        expected = here(prompts=prompts, completions=comps, dialogue=DIALOGUES)
        assert pooled(prompts=prompts, completions=comps, dialogue=DIALOGUES) == expected
        assert pooled._pool is not None  # the batch really went to the workers
        assert len(set(expected)) > 2  # and the batch tells replies apart
        assert pooled.score_dialogues(DIALOGUES) == here.score_dialogues(DIALOGUES)  # breakdowns too
        as_messages = [[Message(role=m["role"], content=m["content"]) for m in d] for d in DIALOGUES]  # type: ignore[arg-type]
        pool = pooled._pool
        assert pooled.score_dialogues(as_messages) == here.score_dialogues(DIALOGUES)
        assert pooled._pool is pool  # Message objects went to the same workers (no fallback, no restart)
    finally:
        pooled.close()


def test_a_broken_pool_scores_the_batch_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("tg_guard.scoring.safety.scorer")
    pooled = GuardReward(RewardConfig(workers=2))

    def broken() -> None:
        raise RuntimeError("worker died")

    monkeypatch.setattr(pooled, "_workers", broken)
    assert pooled.score_dialogues(DIALOGUES) == GuardReward(RewardConfig()).score_dialogues(DIALOGUES)


def test_workers_need_scorers_by_name() -> None:
    from tg_guard.errors import ConfigError

    with pytest.raises(ConfigError, match="registry names"):
        GuardReward(RewardConfig(workers=2), safety=KeywordSafety(), fidelity=ConstantFidelity(0.5))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="workers"):
        RewardConfig(workers=-1)
