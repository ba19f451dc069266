"""The settings-file errors (marklint.errors): one family the command line reports with exit 2,
and each survives the trip from a worker process (pickled) with its message."""

import pickle

import pytest

from marklint.errors import ConfigError, PatternError, RuleSetError, VocabularyError, YamlError


@pytest.mark.parametrize("error_type", [ConfigError, RuleSetError, VocabularyError, PatternError, YamlError])
def test_errors_pickle_with_their_message(error_type):
    error = pickle.loads(pickle.dumps(error_type("rules.yaml:3:7: unknown key in 'banners'")))
    assert (type(error), str(error)) == (error_type, "rules.yaml:3:7: unknown key in 'banners'")


def test_a_bad_rule_set_is_a_bad_configuration():
    assert issubclass(RuleSetError, ConfigError)
    assert VocabularyError("v.yaml:2: missing id").message == "v.yaml:2: missing id"
