"""The realistic mix that ``benchmarks/load.py`` drives with locust.

Readers (90 % of the simulated people) read request pages, the archive and agency pages (70 % of
all tasks) and search (20 %); citizens file requests (5 %); officers work their queue (5 %).
Every person does one task a second (``constant_pacing``), so the number of people is the rate
asked for. The plan (addresses to sign in with, references to read, words to search) comes from
the JSON file named by ``FOI_LOAD_PLAN``; each filed request's subject is appended to the file
named in the plan, so that ``load.py`` can check afterwards that every one exists.
"""

import itertools
import json
import os
import random
import re
import uuid

from locust import HttpUser, constant_pacing, task

PLAN = json.load(open(os.environ["FOI_LOAD_PLAN"], encoding="utf-8"))
LANGUAGES = ("az", "az", "az", "en", "ru")
_citizens = itertools.cycle(PLAN["citizens"])
_officers = itertools.cycle(PLAN["officers"])
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
QUEUE_LINK = re.compile(r'href="(/officer/requests/[^"]+)"')


def _csrf(response) -> str:
    found = CSRF.search(response.text)
    if not found:
        response.failure("no CSRF token on the page")
        return ""
    return found.group(1)


class _Person(HttpUser):
    abstract = True
    wait_time = constant_pacing(1)

    def on_start(self):
        self.client.headers["Accept-Language"] = random.choice(LANGUAGES)

    def _log_in(self, email: str) -> None:
        with self.client.get("/login", name="/login", catch_response=True) as page:
            token = _csrf(page)
        with self.client.post(
            "/login",
            data={"email": email, "password": PLAN["password"], "csrf_token": token},
            name="/login",
            catch_response=True,
        ) as answer:
            if "/login" in answer.url:
                answer.failure(f"could not log in as {email}")


class Reader(_Person):
    """Someone who reads the archive, signed out."""

    weight = 90

    @task(30)
    def request_page(self):
        self.client.get(f"/r/{random.choice(PLAN['references'])}", name="/r/<reference>")

    @task(15)
    def archive(self):
        self.client.get("/archive", name="/archive")

    @task(10)
    def home(self):
        self.client.get("/", name="/")

    @task(7)
    def agency(self):
        self.client.get(f"/agencies/{random.choice(PLAN['agencies'])}", name="/agencies/<slug>")

    @task(3)
    def agencies(self):
        self.client.get("/agencies", name="/agencies")

    @task(3)
    def api_list(self):
        self.client.get("/api/v1/requests", name="/api/v1/requests")

    @task(2)
    def feed(self):
        self.client.get("/archive/feed.atom", name="/archive/feed.atom")

    @task(22)
    def search(self):
        words = " ".join(random.sample(PLAN["words"], random.choice((1, 1, 2))))
        self.client.get("/archive", params={"q": words}, name="/archive?q=")


class Citizen(_Person):
    """A signed-in citizen who files a request now and then."""

    weight = 5

    def on_start(self):
        super().on_start()
        self._log_in(next(_citizens))

    @task
    def file(self):
        with self.client.get("/requests/new", name="/requests/new", catch_response=True) as page:
            token = _csrf(page)
        subject = f"Load {uuid.uuid4().hex[:12]} büdcə xərcləri"
        with self.client.post(
            "/requests/new",
            data={
                "subject": subject,
                "body": "2025-ci ildə rayon üzrə təmir xərclərinin siyahısını xahiş edirəm.",
                "agency_id": str(random.choice(PLAN["filing_agency_ids"])),
                "urgency": "",
                "csrf_token": token,
            },
            name="/requests/new (file)",
            catch_response=True,
        ) as answer:
            if "/my/requests/" not in answer.url:
                answer.failure("the request was not filed")
                return
        with open(PLAN["filed_log"], "a", encoding="utf-8") as log:
            log.write(subject + "\n")


class Officer(_Person):
    """An officer working the queue: the list, then one request."""

    weight = 5

    def on_start(self):
        super().on_start()
        self._log_in(next(_officers))

    @task
    def queue(self):
        page = self.client.get("/officer/", name="/officer/")
        links = QUEUE_LINK.findall(page.text)
        if links:
            self.client.get(random.choice(links), name="/officer/requests/<reference>")
