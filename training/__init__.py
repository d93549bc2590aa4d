"""GRPO retraining on the guard's rewards (installed as ``tg_guard.training``; extra ``train``)."""
