"""Validate the world-knowledge data files read by the extraction engine.

Checks data/entities.json and data/people.json for structure, for names that would
resolve to two different entries, for people whose source does not exist, and for a
few facts from general knowledge.
"""

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
ENTITIES_PATH = DATA / "entities.json"
PEOPLE_PATH = DATA / "people.json"

COUNTRY_KEYS = {
    "name": str,
    "aliases": list,
    "demonyms": list,
    "capital": str,
    "government": list,
}
LABELLED_SECTIONS = ("organisations", "outlets", "groups")
PERSON_KEYS = {"name": str, "aliases": list, "source": str, "role": str}


def _load(path: Path):
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def entities() -> dict:
    return _load(ENTITIES_PATH)


@pytest.fixture(scope="module")
def people() -> list:
    return _load(PEOPLE_PATH)


def _country_names(country: dict) -> list[str]:
    return (
        [country["name"], country["capital"]]
        + country["aliases"]
        + country["demonyms"]
        + country["government"]
    )


def _entry_names(entities: dict) -> dict[tuple[str, str], list[str]]:
    """Map (section, label) of every entry to all the names that resolve to it."""
    names: dict[tuple[str, str], list[str]] = {}
    for country in entities["countries"]:
        names[("countries", country["name"])] = _country_names(country)
    for section in LABELLED_SECTIONS:
        for entry in entities[section]:
            names[(section, entry["label"])] = [entry["label"]] + entry["aliases"]
    return names


def _owner(entities: dict, name: str) -> tuple[str, str]:
    key = name.casefold()
    for owner, names in _entry_names(entities).items():
        if key in {n.casefold() for n in names}:
            return owner
    raise AssertionError(f"no entry resolves the name {name!r}")


def _country(entities: dict, name: str) -> dict:
    for country in entities["countries"]:
        if country["name"] == name:
            return country
    raise AssertionError(f"no country named {name!r}")


def _person(people: list, name: str) -> dict:
    for person in people:
        if person["name"] == name:
            return person
    raise AssertionError(f"no person named {name!r}")


# --- files and structure ---------------------------------------------------------


def test_files_parse_as_json():
    assert isinstance(_load(ENTITIES_PATH), dict), "entities.json must hold an object"
    assert isinstance(_load(PEOPLE_PATH), list), "people.json must hold a list"


def test_entities_has_exactly_the_four_sections(entities):
    assert set(entities) == {"countries", *LABELLED_SECTIONS}, (
        f"unexpected top-level keys in entities.json: {sorted(entities)}"
    )
    for section, entries in entities.items():
        assert isinstance(entries, list), f"section {section!r} must be a list"
        assert entries, f"section {section!r} must not be empty"


def test_country_entries_have_required_keys_and_types(entities):
    for i, country in enumerate(entities["countries"]):
        where = f"countries[{i}] ({country.get('name')!r})"
        assert set(country) == set(COUNTRY_KEYS), (
            f"{where} has keys {sorted(country)}, expected {sorted(COUNTRY_KEYS)}"
        )
        for key, kind in COUNTRY_KEYS.items():
            value = country[key]
            assert isinstance(value, kind), f"{where}: {key!r} must be {kind.__name__}"
            if kind is list:
                for item in value:
                    assert isinstance(item, str) and item.strip() == item and item, (
                        f"{where}: {key!r} holds a bad item {item!r}"
                    )
            else:
                assert value.strip() == value and value, f"{where}: {key!r} is blank or padded"


def test_labelled_entries_have_required_keys_and_types(entities):
    for section in LABELLED_SECTIONS:
        for i, entry in enumerate(entities[section]):
            where = f"{section}[{i}] ({entry.get('label')!r})"
            assert set(entry) == {"label", "aliases"}, (
                f"{where} has keys {sorted(entry)}, expected ['aliases', 'label']"
            )
            assert isinstance(entry["label"], str) and entry["label"].strip(), (
                f"{where}: label must be a non-empty string"
            )
            assert entry["label"].strip() == entry["label"], f"{where}: label is padded"
            assert isinstance(entry["aliases"], list), f"{where}: aliases must be a list"
            for alias in entry["aliases"]:
                assert isinstance(alias, str) and alias and alias.strip() == alias, (
                    f"{where}: bad alias {alias!r}"
                )


def test_group_labels_are_sentence_case(entities):
    for entry in entities["groups"]:
        label = entry["label"]
        assert label[0].isupper(), f"group label {label!r} must start with a capital"


def test_person_entries_have_required_keys_and_types(people):
    for i, person in enumerate(people):
        where = f"people[{i}] ({person.get('name')!r})"
        assert isinstance(person, dict), f"{where} must be an object"
        assert set(person) - {"terms"} == set(PERSON_KEYS), (
            f"{where} has keys {sorted(person)}, expected {sorted(PERSON_KEYS)} (and terms)"
        )
        for term in person.get("terms", []):  # [start, end or null], ISO days, start first
            assert isinstance(term, list) and len(term) == 2, f"{where}: bad term {term!r}"
            start, end = term
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", start), f"{where}: bad start {start!r}"
            assert end is None or (re.fullmatch(r"\d{4}-\d{2}-\d{2}", end) and start < end), (
                f"{where}: bad end {end!r}"
            )
        for key, kind in PERSON_KEYS.items():
            assert isinstance(person[key], kind), f"{where}: {key!r} must be {kind.__name__}"
        for key in ("name", "source", "role"):
            assert person[key].strip() and person[key].strip() == person[key], (
                f"{where}: {key!r} is blank or padded"
            )
        for alias in person["aliases"]:
            assert isinstance(alias, str) and alias and alias.strip() == alias, (
                f"{where}: bad alias {alias!r}"
            )


# --- uniqueness ------------------------------------------------------------------


def test_no_name_belongs_to_two_entries(entities):
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for owner, names in _entry_names(entities).items():
        for name in names:
            key = name.casefold()
            if key in seen and seen[key] != owner:
                clashes.append(f"{name!r}: {seen[key]} and {owner}")
            seen.setdefault(key, owner)
    assert not clashes, "names resolving to two entries:\n" + "\n".join(clashes)


def test_no_duplicate_entries(entities):
    keys = list(_entry_names(entities))
    assert len(keys) == len(set(keys)), "an entry label appears twice in one section"
    labels = [label.casefold() for _, label in keys]
    dupes = sorted({label for label in labels if labels.count(label) > 1})
    assert not dupes, f"labels used by more than one entry: {dupes}"


def test_no_name_repeated_within_an_entry(entities):
    repeats = []
    for owner, names in _entry_names(entities).items():
        folded = [n.casefold() for n in names]
        if owner[0] == "countries" and folded[0] == folded[1]:
            folded.pop(1)  # city-states: the capital is named like the country (Singapore)
        extra = sorted({n for n in folded if folded.count(n) > 1})
        if extra:
            repeats.append(f"{owner}: {extra}")
    assert not repeats, "names listed twice within one entry:\n" + "\n".join(repeats)


def test_no_duplicate_people(people):
    names = [p["name"].casefold() for p in people]
    dupes = sorted({n for n in names if names.count(n) > 1})
    assert not dupes, f"people listed twice: {dupes}"


def test_person_aliases_not_repeated(people):
    repeats = []
    for person in people:
        folded = [n.casefold() for n in [person["name"], *person["aliases"]]]
        extra = sorted({n for n in folded if folded.count(n) > 1})
        if extra:
            repeats.append(f"{person['name']}: {extra}")
    assert not repeats, "names listed twice for one person:\n" + "\n".join(repeats)


def test_person_aliases_are_unique_across_people(people):
    owner: dict[str, str] = {}
    clashes = []
    for person in people:
        for name in [person["name"], *person["aliases"]]:
            key = name.casefold()
            if key in owner and owner[key] != person["name"]:
                clashes.append(f"{name!r}: {owner[key]} and {person['name']}")
            owner.setdefault(key, person["name"])
    assert not clashes, "person names/aliases shared by two people:\n" + "\n".join(clashes)


def test_every_person_source_exists(entities, people):
    sources = set()
    for country in entities["countries"]:
        sources.update({country["name"], country["capital"]})
    for section in LABELLED_SECTIONS:
        sources.update(entry["label"] for entry in entities[section])
    missing = [f"{p['name']}: {p['source']!r}" for p in people if p["source"] not in sources]
    assert not missing, "people whose source is not a known entry label:\n" + "\n".join(missing)


def test_people_do_not_share_names_with_entities(entities, people):
    entity_names = {
        name.casefold(): owner for owner, names in _entry_names(entities).items() for name in names
    }
    clashes = [
        f"{name!r} of {person['name']} is also {entity_names[name.casefold()]}"
        for person in people
        for name in [person["name"], *person["aliases"]]
        if name.casefold() in entity_names
    ]
    assert not clashes, "person names that are also entity names:\n" + "\n".join(clashes)


def test_no_common_english_words_as_names(entities):
    # Names are matched case-insensitively, so a name that is also an everyday word
    # ("the rand fell", "at dawn") would create false sources.
    words = {
        "car",
        "amnesty",
        "dawn",
        "guardian",
        "economist",
        "the hill",
        "male",
        "is",
        "gallant",
        "tusk",
    }
    found = sorted(
        name
        for names in _entry_names(entities).values()
        for name in names
        if name.casefold() in words
    )
    assert not found, f"everyday words listed as names: {found}"


def test_ambiguous_names_are_left_out(entities):
    # Each of these fits more than one entry, so none may resolve to a single one.
    ambiguous = {
        "congo",
        "congolese",
        "korea",
        "korean",
        "security council",
        "national security council",
        "presidential office",
        "joint chiefs of staff",
        "csis",
        "rsf",
        "pti",
        "sdf",
        "nrc",
    }
    found = sorted(
        name
        for names in _entry_names(entities).values()
        for name in names
        if name.casefold() in ambiguous
    )
    assert not found, f"ambiguous names listed: {found}"


# --- coverage --------------------------------------------------------------------


def test_seed_entries_present(entities, people):
    for name in ("Russia", "North Korea", "South Korea", "United States", "Ukraine"):
        _country(entities, name)
    for section, label in (
        ("organisations", "NATO"),
        ("groups", "Western sources"),
        ("groups", "Some observers"),
        ("groups", "Western nations"),
    ):
        labels = [entry["label"] for entry in entities[section]]
        assert label in labels, f"{label!r} missing from {section}"
    _person(people, "Shin Won-sik")
    _person(people, "Mark Rutte")


def test_country_count(entities):
    # the 193 UN members, the observers and a few partly recognised states, and the
    # governments that speak apart from their state's (Scotland, Wales, Northern Ireland,
    # Hong Kong, Macau)
    count = len(entities["countries"])
    assert 190 <= count <= 210, f"expected all UN members plus a few (~202), got {count}"


def test_section_sizes(entities, people):
    assert len(entities["organisations"]) >= 60, "too few organisations"
    assert len(entities["outlets"]) >= 45, "too few outlets"
    assert len(entities["groups"]) >= 15, "too few groups"
    assert len(people) >= 120, "too few people"


# --- spot checks from general knowledge ------------------------------------------


@pytest.mark.parametrize(
    ("name", "owner"),
    [
        ("DPRK", ("countries", "North Korea")),
        ("Pyongyang", ("countries", "North Korea")),
        ("U.S.", ("countries", "United States")),
        ("White House", ("countries", "United States")),
        ("Pentagon", ("countries", "United States")),
        ("Kremlin", ("countries", "Russia")),
        ("Moscow", ("countries", "Russia")),
        ("Russian", ("countries", "Russia")),
        ("Seoul", ("countries", "South Korea")),
        ("National Security Office", ("countries", "South Korea")),
        ("Republic of Korea", ("countries", "South Korea")),
        ("Kiev", ("countries", "Ukraine")),
        ("Kyiv", ("countries", "Ukraine")),
        ("Downing Street", ("countries", "United Kingdom")),
        ("Britain", ("countries", "United Kingdom")),
        ("Beijing", ("countries", "China")),
        ("Taipei", ("countries", "Taiwan")),
        ("Tehran", ("countries", "Iran")),
        ("Élysée", ("countries", "France")),
        ("United Nations", ("organisations", "UN")),
        ("North Atlantic Treaty Organization", ("organisations", "NATO")),
        ("European Union", ("organisations", "EU")),
        ("Doctors Without Borders", ("organisations", "MSF")),
        ("Institute for the Study of War", ("organisations", "ISW")),
        ("KCNA", ("outlets", "KCNA")),
        ("Korean Central News Agency", ("outlets", "KCNA")),
        ("Agence France-Presse", ("outlets", "AFP")),
        ("Associated Press", ("outlets", "Associated Press")),
        ("observers", ("groups", "Some observers")),
        ("Western countries", ("groups", "Western nations")),
    ],
)
def test_spot_check_name_owner(entities, name, owner):
    assert _owner(entities, name) == owner, f"{name!r} should resolve to {owner}"


@pytest.mark.parametrize(
    ("name", "capital"),
    [
        ("United States", "Washington"),
        ("North Korea", "Pyongyang"),
        ("South Korea", "Seoul"),
        ("Russia", "Moscow"),
        ("Ukraine", "Kyiv"),
        ("United Kingdom", "London"),
        ("France", "Paris"),
        ("Germany", "Berlin"),
        ("Japan", "Tokyo"),
        ("China", "Beijing"),
        ("India", "New Delhi"),
        ("Israel", "Jerusalem"),
        ("Turkey", "Ankara"),
        ("Australia", "Canberra"),
        ("Canada", "Ottawa"),
        ("Brazil", "Brasília"),
        ("Poland", "Warsaw"),
        ("Taiwan", "Taipei"),
    ],
)
def test_spot_check_capitals(entities, name, capital):
    assert _country(entities, name)["capital"] == capital


def test_dprk_is_north_korea(entities):
    matches = [c for c in entities["countries"] if "DPRK" in c["aliases"]]
    assert len(matches) == 1, "exactly one country must list the alias 'DPRK'"
    assert matches[0]["name"] == "North Korea"
    assert matches[0]["capital"] == "Pyongyang"


def test_generic_organs_are_not_listed(entities):
    generic = {"foreign ministry", "defence ministry", "defense ministry", "military", "army"}
    listed = {
        name.casefold()
        for names in _entry_names(entities).values()
        for name in names
        if name.casefold() in generic
    }
    assert not listed, f"generic organ names must not be listed: {sorted(listed)}"


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("Mark Rutte", "NATO"),
        ("Shin Won-sik", "Seoul"),
        ("Vladimir Putin", "Moscow"),
        ("Dmitry Peskov", "Moscow"),
        ("Volodymyr Zelensky", "Kyiv"),
        ("Kim Jong Un", "Pyongyang"),
        ("Joe Biden", "Washington"),
        ("Xi Jinping", "Beijing"),
        ("Antonio Guterres", "UN"),
        ("Rafael Grossi", "IAEA"),
    ],
)
def test_spot_check_people_sources(people, name, source):
    assert _person(people, name)["source"] == source


def test_zelensky_spellings(people):
    aliases = {a.casefold() for a in _person(people, "Volodymyr Zelensky")["aliases"]}
    assert {"zelenskyy", "zelensky"} <= aliases, f"Zelensky aliases incomplete: {aliases}"
