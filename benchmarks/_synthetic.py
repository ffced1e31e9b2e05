"""A synthetic archive that looks like a real one to a search engine.

Words follow Zipf's law over a mixed Azerbaijani and English vocabulary (real stems with
Azerbaijani suffixes first, then invented words for the long tail); a few words occur in nearly
every request, as "informasiya" does in real ones. Texts are built from a pool of Zipf-sampled
sentences, which keeps generation fast in pure Python while every index sees the same skew.
"""

import itertools
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from foi.search import SearchDocument

AZ_STEMS = (
    "büdcə vergi məktəb xəstəxana yol su şəhər kənd rayon nazirlik müqavilə tender xərc gəlir "
    "maaş işçi təmir tikinti layihə proqram hesabat statistika əhali torpaq mənzil ərazi park "
    "nəqliyyat avtobus metro elektrik qaz istilik kommunal tarif qiymət subsidiya kredit bank "
    "pensiya müavinət təqaüd tələbə müəllim həkim dərman vaksin avadanlıq kitabxana muzey teatr "
    "idman stadion meydança icra hakimiyyət başçı bələdiyyə məclis qərar sərəncam fərman qanun "
    "məhkəmə polis cərimə lisenziya icazə sertifikat ekologiya meşə çay göl dəniz tullantı "
    "zibil hava çirklənmə ağac yaşıllıq kanalizasiya körpü səki işıqlandırma kamera təhlükəsizlik "
    "yanğın fövqəladə qəza sığorta gömrük idxal ixrac ticarət bazar mağaza sahibkar güzəşt borc "
    "audit yoxlama komissiya şikayət müraciət sorğu cavab sənəd arayış siyahı cədvəl məbləğ "
    "manat il ay tarix say faiz artım azalma plan icra nəticə"
).split()
AZ_SUFFIXES = (
    "",
    "lər",
    "ları",
    "ın",
    "nin",
    "da",
    "də",
    "dan",
    "dən",
    "a",
    "ə",
    "ı",
    "i",
    "lərin",
    "larda",
    "dakı",
)
EN_WORDS = (
    "budget tax school hospital road water city village district ministry contract tender "
    "spending revenue salary staff repair construction project programme report statistics "
    "population land housing park transport bus metro electricity gas heating tariff price "
    "subsidy loan pension benefit student teacher doctor medicine vaccine equipment library "
    "museum sports stadium council decision order law court police fine licence permit forest "
    "river lake waste air pollution tree bridge lighting camera safety fire emergency insurance "
    "customs import export trade market business relief debt audit inspection complaint copy "
    "list table amount year month date number percent growth plan result information request "
    "please provide the of and for in on with how many much what which"
).split()
# (word, share of documents containing it): the "words in nearly every request".
EVERYWHERE = (
    ("informasiya", 0.95),
    ("məlumat", 0.8),
    ("barədə", 0.7),
    ("xahiş", 0.6),
    ("edirəm", 0.55),
    ("information", 0.3),
)
# The most frequent words of real requests are small function words.
FUNCTION_WORDS = "və ilə üçün bu bir olan üzrə haqqında ki hansı neçə the of and to".split()
OUTCOMES = ("given", "given", "given", "partial", "refused", "not_held")
SYLLABLES = (
    "ba be bi bo bu ca ce da də di du ga gə ka kə la lə li ma mə mi na nə ni ra rə "
    "ri sa sə si ta tə ti va və ya yə za zə şa şə ça çə xa xə qa qə ğa ğı ö ü ı "
    "tor ler lar man dar kan sun vet bek gül taş yol"
).split()


def vocabulary(rng: random.Random, size: int = 40_000) -> list[str]:
    """Return ``size`` distinct words, most frequent first."""
    real = [s + x for s in AZ_STEMS for x in AZ_SUFFIXES] + EN_WORDS
    rng.shuffle(real)
    # Bare stems and English function words lead, as they do in real text.
    head = FUNCTION_WORDS + AZ_STEMS[:60] + EN_WORDS[-14:]
    words = list(dict.fromkeys(head + real))
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words[:size]


class Archive:
    """Deterministic synthetic requests: same seed, same archive."""

    def __init__(self, seed: int = 7, agencies: int = 40, sentences: int = 30_000):
        self.rng = rng = random.Random(seed)
        self.words = vocabulary(rng)
        weights = list(itertools.accumulate(1.0 / (r**1.05) for r in range(1, len(self.words) + 1)))
        self.sentences = []
        for _ in range(sentences):
            n = rng.randint(6, 18)
            picked = rng.choices(self.words, cum_weights=weights, k=n)
            self.sentences.append(" ".join(picked).capitalize() + ".")
        self.title_words = self.words[:3000]
        self.agencies = agencies
        self.start = datetime(2019, 1, 1, tzinfo=UTC)

    def _text(self, low: int, high: int) -> str:
        return " ".join(self.rng.choices(self.sentences, k=self.rng.randint(low, high)))

    def documents(self, n: int, first_id: int = 1) -> Iterator[SearchDocument]:
        """Yield ``n`` published requests, oldest first, ids from ``first_id``."""
        rng = self.rng
        span = (datetime(2026, 11, 1, tzinfo=UTC) - self.start).total_seconds()
        for i in range(n):
            rid = first_id + i
            body = self._text(2, 7)
            extra = [w for w, share in EVERYWHERE if rng.random() < share]
            if extra:
                body = f"{body} {' '.join(extra)}."
            published = self.start + timedelta(seconds=span * (i + rng.random()) / n)
            yield SearchDocument(
                request_id=rid,
                reference=f"AZ-{published.year}-{rid:07d}",
                title=" ".join(rng.choices(self.title_words, k=rng.randint(3, 8))).capitalize(),
                body=body,
                answer=self._text(1, 9),
                attachments_text=self._text(15, 60) if rng.random() < 0.05 else "",
                agency_id=rng.randint(1, self.agencies),
                outcome=rng.choice(OUTCOMES),
                topic=None,
                published_at=published,
            )

    def queries(self, n: int = 200) -> list[tuple[str, dict[str, str]]]:
        """Return ``n`` mixed queries as (kind, query-string arguments)."""
        rng = random.Random(99)
        common = [w for w, _ in EVERYWHERE] + self.words[:40]
        rare = self.words[5_000:40_000]
        kinds = []
        for i in range(n):
            kind = ("common", "rare", "phrase", "prefix", "filtered")[i % 5]
            if kind == "common":
                args = {"q": rng.choice(common)}
                if i % 10 == 0:
                    args["q"] += " " + rng.choice(common)
            elif kind == "rare":
                args = {"q": rng.choice(rare)}
            elif kind == "phrase":
                words = rng.choice(self.sentences).rstrip(".").lower().split()
                at = rng.randrange(len(words) - 1)
                args = {"q": f'"{words[at]} {words[at + 1]}"'}
            elif kind == "prefix":
                args = {"q": rng.choice(self.words[:2000])[:4] + "*"}
            else:
                args = {
                    "q": rng.choice(common + rare[:200]),
                    rng.choice(("agency", "year", "outcome")): "",
                }
                if "agency" in args:
                    args["agency"] = str(rng.randint(1, self.agencies))
                elif "year" in args:
                    args["year"] = str(rng.randint(2019, 2026))
                else:
                    args["outcome"] = rng.choice(OUTCOMES)
            kinds.append((kind, args))
        return kinds
