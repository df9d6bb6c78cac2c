from bot.eligibility.places import EEA, IRELAND, OVERSEAS_TERRITORIES, counted_beyond_uk, not_counted_nearby


def test_each_group_counts_the_places_its_residence_question_names() -> None:
    assert set(counted_beyond_uk("eu_eea")) >= {"spain", "madrid", "ireland", "dublin", "gibraltar"}
    assert "dublin" in counted_beyond_uk("irish") and "madrid" not in counted_beyond_uk("irish")
    assert "gibraltar" in counted_beyond_uk("uk") and "dublin" not in counted_beyond_uk("uk")
    assert counted_beyond_uk("other") == () == counted_beyond_uk(None)


def test_the_places_nearby_not_counted_are_the_rest_of_ireland_and_the_eea() -> None:
    assert not_counted_nearby("eu_eea") == ()
    assert set(not_counted_nearby("irish")) == set(EEA) - set(IRELAND)
    assert set(not_counted_nearby("other")) == set(EEA) | set(IRELAND) == set(not_counted_nearby("uk"))
    assert not set(OVERSEAS_TERRITORIES) & set(not_counted_nearby("other"))
