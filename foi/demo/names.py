"""Azerbaijani given names and surnames for demo requesters."""

import random

MALE = (
    "Elvin",
    "Rəşad",
    "Tural",
    "Orxan",
    "Kamran",
    "Fərid",
    "Anar",
    "Elçin",
    "Nicat",
    "Ramil",
    "Rauf",
    "Vüqar",
    "Zaur",
    "Cavid",
    "Murad",
    "Emil",
    "Səbuhi",
    "Taleh",
    "Ülvi",
    "İlkin",
    "Əli",
    "Hüseyn",
    "Namiq",
    "Fuad",
    "Kənan",
)
FEMALE = (
    "Aysel",
    "Leyla",
    "Günel",
    "Nərmin",
    "Səbinə",
    "Aytən",
    "Könül",
    "Lalə",
    "Nigar",
    "Səadət",
    "Fidan",
    "Ülkər",
    "Aynur",
    "Şəbnəm",
    "Gülnar",
    "Türkan",
    "Xədicə",
    "Zərifə",
    "Sevinc",
    "Nərgiz",
    "Aygün",
    "Röya",
)
# Surnames in the masculine form; the feminine form adds "a" (Məmmədov, Məmmədova).
GENDERED_SURNAMES = (
    "Məmmədov",
    "Əliyev",
    "Həsənov",
    "Hüseynov",
    "Quliyev",
    "İsmayılov",
    "Abbasov",
    "Rzayev",
    "Kərimov",
    "Cəfərov",
    "Nağıyev",
    "Süleymanov",
    "Bağırov",
    "Orucov",
    "Səfərov",
    "Mustafayev",
    "Qasımov",
    "Rəhimov",
    "Vəliyev",
    "İbrahimov",
    "Əhmədov",
    "Novruzov",
    "Babayev",
    "Hacıyev",
    "Zeynalov",
    "Sadıqov",
    "Musayev",
    "Paşayev",
    "Əsgərov",
    "Məhərrəmov",
)
# Surnames that are the same for everyone.
NEUTRAL_SURNAMES = ("Əlizadə", "Hüseynli", "Qaraməmmədli", "Rəsulzadə", "Əzimzadə", "Bəşirli")


def person_name(rng: random.Random) -> str:
    """Return a plausible Azerbaijani full name drawn from ``rng``."""
    female = rng.random() < 0.5
    first = rng.choice(FEMALE if female else MALE)
    if rng.random() < 0.15:
        return f"{first} {rng.choice(NEUTRAL_SURNAMES)}"
    surname = rng.choice(GENDERED_SURNAMES)
    return f"{first} {surname}a" if female else f"{first} {surname}"
