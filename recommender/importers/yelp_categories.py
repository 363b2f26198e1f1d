"""Yelp's category names ("Hair Salons", "General Dentistry") mapped to Grapevine's taxonomy keys.

A Yelp business lists several categories, most of them not services a neighbour recommends ("Restaurants",
"Shopping"). The one category Grapevine keeps is chosen by, in order: how many words of the business's own name
name the category ("Superior Tire & Auto" is a tire shop), how many of its Yelp categories map to it (generic
ones such as "Doctors" count half), and which came first in Yelp's list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from recommender.taxonomy import Category, load_taxonomy, normalize_name

# Yelp category names (https://www.yelp.com/developers/documentation/v3/all_category_list) that name one of our
# categories. Names not listed here are looked up in the taxonomy itself (its synonyms in every language).
YELP_CATEGORIES: dict[str, str] = {
    # health
    "Family Practice": "general_practitioner",
    "Internal Medicine": "general_practitioner",
    "Pediatricians": "pediatrician",
    "Dentists": "dentist",
    "General Dentistry": "dentist",
    "Cosmetic Dentists": "dentist",
    "Pediatric Dentists": "dentist",
    "Endodontists": "dentist",
    "Periodontists": "dentist",
    "Oral Surgeons": "dentist",
    "Orthodontists": "orthodontist",
    "Optometrists": "optician",
    "Eyewear & Opticians": "optician",
    "Ophthalmologists": "ophthalmologist",
    "Laser Eye Surgery/Lasik": "ophthalmologist",
    "Pharmacy": "pharmacy",
    "Drugstores": "pharmacy",
    "Physical Therapy": "physiotherapist",
    "Psychologists": "psychotherapist",
    "Counseling & Mental Health": "psychotherapist",
    "Psychiatrists": "psychiatrist",
    "Obstetricians & Gynecologists": "gynecologist",
    "Dermatologists": "dermatologist",
    "Ear Nose & Throat": "ent_doctor",
    "Midwives": "midwife",
    "Chiropractors": "chiropractor",
    "Osteopathic Physicians": "osteopath",
    "Podiatrists": "podiatrist",
    "Speech Therapists": "speech_therapist",
    # children
    "Babysitters": "babysitter",
    "Nanny Services": "nanny",
    "Child Care & Day Care": "daycare",
    "Preschools": "kindergarten",
    "Tutoring Centers": "tutor",
    "Private Tutors": "tutor",
    # home
    "Plumbing": "plumber",
    "Electricians": "electrician",
    "Carpenters": "carpenter",
    "Painters": "painter",
    "Roofing": "roofer",
    "Keys & Locksmiths": "locksmith",
    "Handyman": "handyman",
    "Home Cleaning": "house_cleaner",
    "Gardeners": "gardener",
    "Landscaping": "gardener",
    "Heating & Air Conditioning/HVAC": "heating_engineer",
    "Glass & Mirrors": "glazier",
    "Tiling": "tiler",
    "Contractors": "builder",
    "Chimney Sweeps": "chimney_sweep",
    "Pest Control": "pest_control",
    "Appliances & Repair": "appliance_repair",
    "Architects": "architect",
    # pets
    "Veterinarians": "veterinarian",
    "Dog Walkers": "dog_walker",
    "Pet Groomers": "pet_groomer",
    "Pet Sitting": "pet_sitter",
    "Pet Boarding": "pet_boarding",
    "Pet Training": "dog_trainer",
    # personal care
    "Hair Salons": "hairdresser",
    "Hair Stylists": "hairdresser",
    "Kids Hair Salons": "hairdresser",
    "Barbers": "barber",
    "Skin Care": "beauty_salon",
    "Day Spas": "beauty_salon",
    "Waxing": "beauty_salon",
    "Eyelash Service": "beauty_salon",
    "Nail Salons": "nail_salon",
    "Massage": "massage",
    "Massage Therapy": "massage",
    "Tattoo": "tattoo_artist",
    # money and legal
    "Accountants": "accountant",
    "Tax Services": "tax_advisor",
    "Lawyers": "lawyer",
    "Divorce & Family Law": "lawyer",
    "Criminal Defense Law": "lawyer",
    "DUI Law": "lawyer",
    "Notaries": "notary",
    "Insurance": "insurance_broker",
    "Financial Advising": "financial_advisor",
    "Real Estate Agents": "estate_agent",
    # car
    "Auto Repair": "car_repair",
    "Body Shops": "car_repair",
    "Transmission Repair": "car_repair",
    "Oil Change Stations": "car_repair",
    "Tires": "tire_shop",
    "Car Wash": "car_wash",
    "Auto Detailing": "car_wash",
    "Driving Schools": "driving_school",
    "Bike Repair/Maintenance": "bicycle_repair",
    # food
    "Bakeries": "bakery",
    "Butcher": "butcher",
    "Caterers": "caterer",
    "Fruits & Veggies": "greengrocer",
    "Seafood Markets": "fishmonger",
    # lessons
    "Musical Instruments & Teachers": "music_teacher",
    "Language Schools": "language_school",
    "Swimming Lessons/Schools": "swimming_lessons",
    "Trainers": "sports_coach",
    "Dance Schools": "dance_school",
    # other
    "Sewing & Alterations": "tailor",
    "Shoe Repair": "shoe_repair",
    "Photographers": "photographer",
    "Movers": "movers",
    "IT Services & Computer Repair": "computer_repair",
    "Mobile Phone Repair": "computer_repair",
    "Electronics Repair": "computer_repair",
    "Dry Cleaning & Laundry": "dry_cleaner",
    "Dry Cleaning": "dry_cleaner",
    "Laundromat": "laundry",
    "Laundry Services": "laundry",
    "Florists": "florist",
    "Watch Repair": "watchmaker",
    "Funeral Services & Cemeteries": "funeral_director",
    "Translation Services": "translator",
}

# Umbrella categories Yelp adds to many specialists: they count, but less than a specific one.
GENERIC_YELP_CATEGORIES = frozenset({"Doctors", "Contractors", "Skin Care", "Day Spas", "Waxing", "Trainers"})

# Words in business names that say nothing about the trade.
_STOP_WORDS = frozenset({"and", "the", "of", "for", "inc", "llc", "ltd", "co", "company", "services", "service"})
_WORD = re.compile(r"[^\W\d_]{3,}")


def _stem(word: str) -> str:
    """A crude English stem, enough to meet "Nails" with "nail salon" and "Exterminating" with "exterminator"."""
    return word[:7] if len(word) > 7 else word.removesuffix("s")


def _words(text: str) -> set[str]:
    return {_stem(word) for word in _WORD.findall(normalize_name(text)) if word not in _STOP_WORDS}


def resolve_category_name(text: str) -> Category | None:
    """The taxonomy category a name denotes, refusing matches made only by stripping an "es" ending.

    ``Taxonomy.resolve`` also tries "caf" for "Cafes", which is an Italian tax office (CAF); listing names
    are English plurals, so only the name itself, its "s"-less and its "ies"->"y" forms may match.
    """
    category = load_taxonomy().resolve(text)
    if category is None:
        return None
    folded = normalize_name(text)
    forms = {folded, folded.removesuffix("s")}
    if folded.endswith("ies"):
        forms.add(folded[:-3] + "y")
    names = {normalize_name(name) for name in category.all_names}
    return category if forms & names else None


@cache
def _category_words(key: str) -> frozenset[str]:
    category = load_taxonomy().get(key)
    names = [*category.all_names, *(name for name, mapped in YELP_CATEGORIES.items() if mapped == key)]
    return frozenset(word for name in names for word in _words(name))


@cache
def category_of_yelp_name(name: str) -> str | None:
    """The taxonomy key of one Yelp category name, or None when it is not a service we keep.

    Cached: a file of 100k businesses uses a few hundred distinct category names.
    """
    key = YELP_CATEGORIES.get(name.strip())
    if key is not None:
        return key
    found = resolve_category_name(name)
    return found.key if found is not None else None


@dataclass(frozen=True, slots=True)
class CategoryChoice:
    """The category kept for a listing and the Yelp names that led to it."""

    key: str
    because: tuple[str, ...]


def choose_category(business_name: str, yelp_categories: Iterable[str]) -> CategoryChoice | None:
    """The one taxonomy category for a business with these Yelp categories, or None if none is ours."""
    votes: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    because: dict[str, list[str]] = {}
    for position, name in enumerate(yelp_categories):
        key = category_of_yelp_name(name)
        if key is None:
            continue
        votes[key] = votes.get(key, 0.0) + (0.5 if name.strip() in GENERIC_YELP_CATEGORIES else 1.0)
        first_seen.setdefault(key, position)
        because.setdefault(key, []).append(name.strip())
    if not votes:
        return None
    own_words = _words(business_name)

    def rank(key: str) -> tuple[int, float, int]:
        return (len(own_words & _category_words(key)), votes[key], -first_seen[key])

    best = max(votes, key=rank)
    return CategoryChoice(best, tuple(because[best]))


def split_yelp_categories(value: object) -> list[str]:
    """Yelp's categories as a list: JSON exports join them with ", ", CSV exports with ";"."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(item).strip() for item in value if str(item).strip()]
    text = str(value)
    separator = ";" if ";" in text else ","
    return [part.strip() for part in text.split(separator) if part.strip()]
