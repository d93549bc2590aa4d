"""The scoring engine: crisis-risk tracking, reply violation detectors and CTRS fidelity."""
