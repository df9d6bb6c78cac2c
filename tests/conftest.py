"""The shared fixtures are a plugin (tests/helpers/plugin.py) so that no test module imports from a
conftest.py; the helpers test modules import are in tests/helpers/."""

pytest_plugins = ["tests.helpers.plugin"]
