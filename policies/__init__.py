"""Policies bundled with tg-guard (YAML files beside this module); load them with ``load_policy(name)``."""
