"""Who uses the site, and how often, for `make loadtest` (scripts/loadtest/run.py starts it).

Most visits are the public reading what a partnership publishes; members sign in through the
sign-in form and read their home, agendas and papers; other systems read the API with a token.
Every request is written to LOADTEST_REQUEST_LOG when the run ends (one JSON line each: when it
ended, what, how long, its status, its kind of failure), so run.py can count every one of them,
second by second, around the database restart.

A request that gets no answer within the client's timeout is a failure ("timeout"), never a
wait without end. Pages are fetched without following redirects: a member sent back to the
sign-in page has lost their session, which is a failure, not a page."""

import json
import os
import random
import re
import time
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path

import requests
from locust import HttpUser, between, events, task

TARGETS = json.loads(Path(os.environ["LOADTEST_TARGETS"]).read_text())
SLUG = TARGETS["slug"]
SEARCHES = ["safety", "antisocial behaviour", "domestic abuse", "plan", "police", "minutes"]
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RECORDED: list[dict] = []
# Connect within 5 s, answer within LOADTEST_CLIENT_TIMEOUT (60 s, as nginx would wait): no request
# waits for ever.
TIMEOUT = (5, float(os.environ.get("LOADTEST_CLIENT_TIMEOUT", "60")))


def send_secure_cookies_over_loopback(policy, cookie, request):
    """Production marks the session and CSRF cookies Secure; the load test reaches gunicorn over
    plain HTTP on loopback, where in real use TLS ends at the proxy in front, so the client sends
    them as a browser on the HTTPS site would. Patched on the policy class, since requests copies
    a session's cookies into a jar of the default policy for each request."""
    return True


DefaultCookiePolicy.return_ok_secure = send_secure_cookies_over_loopback


def failure_kind(exception, response) -> str:
    if exception is None:
        return ""
    status = getattr(response, "status_code", 0) or 0
    if status >= 500:
        return "5xx"
    if status >= 400:
        return "4xx"
    if isinstance(exception, requests.exceptions.Timeout):
        return "timeout"
    if isinstance(exception, requests.exceptions.ConnectionError | requests.exceptions.ChunkedEncodingError | OSError):
        return "connection"  # refused, reset or cut off: no whole answer came back
    if 300 <= status < 400:
        return "redirect"
    return "other"


@events.request.add_listener
def record(request_type, name, response_time, response, exception, start_time=None, **_):
    RECORDED.append(
        {
            "end": (start_time or time.time()) + response_time / 1000,
            "name": f"{request_type} {name}",
            "ms": response_time,
            "status": getattr(response, "status_code", 0) or 0,
            "kind": failure_kind(exception, response),
            "error": "" if exception is None else repr(exception)[:200],
        }
    )


@events.quitting.add_listener
def write_log(**_):
    with Path(os.environ["LOADTEST_REQUEST_LOG"]).open("w") as log:
        for row in RECORDED:
            log.write(json.dumps(row) + "\n")


class Browser(HttpUser):
    abstract = True
    wait_time = between(1, 4)  # reading a page before the next

    def page(self, url, name=None, **kwargs):
        """GET a page; anything but a 200 is a failure."""
        with self.client.get(
            url, name=name or url, allow_redirects=False, catch_response=True, timeout=TIMEOUT, **kwargs
        ) as answer:
            # Not answer.ok: it raises a timeout's exception, which locust would then not count.
            if 200 < answer.status_code < 400:
                answer.failure(f"{answer.status_code} where a page was expected")
            return answer


class PublicVisitor(Browser):
    """A resident, journalist or partner reading what the partnership publishes."""

    weight = 6

    @task(3)
    def site_home(self):
        self.page("/")

    @task(3)
    def partnership(self):
        self.page(f"/p/{SLUG}/")

    @task(3)
    def meetings(self):
        self.page(f"/p/{SLUG}/meetings/")

    @task(4)
    def meeting(self):
        self.page(random.choice(TARGETS["public_meetings"]), name=f"/p/{SLUG}/meetings/[id]/")  # noqa: S311

    @task(2)
    def decisions(self):
        self.page(f"/p/{SLUG}/decisions/")

    @task(2)
    def search(self):
        self.page("/search/", name="/search/?q=[words]", params={"q": random.choice(SEARCHES)})  # noqa: S311

    @task(1)
    def feed(self):
        self.page(f"/p/{SLUG}/feed.atom")


class Member(Browser):
    """A member of the board, signed in through the sign-in form as one of the demo logins."""

    weight = 3

    def on_start(self):
        self.username = random.choice(list(TARGETS["members"]))  # noqa: S311
        self.targets = TARGETS["members"][self.username]
        self.sign_in()

    def member_page(self, url, name=None):
        """A member page; a member whose sign-in failed (a 5xx, already counted) signs in again
        first, as a person would. Sent to the sign-in page, they have lost their session: a
        failure, and they sign in again next time."""
        if not self.signed_in:
            self.sign_in()
            return
        if self.page(url, name).status_code == 302:
            self.signed_in = False

    def sign_in(self):
        self.signed_in = False
        token = CSRF_INPUT.search(self.page("/accounts/login/").text or "")
        if token is None:
            return  # the sign-in page failed, and is counted; posting without its token would fail again
        with self.client.post(
            "/accounts/login/",
            data={
                "username": self.username,
                "password": TARGETS["password"],
                "csrfmiddlewaretoken": token.group(1),
            },
            headers={"Referer": f"{self.host}/accounts/login/"},
            allow_redirects=False,
            catch_response=True,
            timeout=TIMEOUT,
        ) as answer:
            if 0 < answer.status_code < 400 and answer.status_code != 302:
                answer.failure(f"sign-in answered {answer.status_code}, not a redirect")
            self.signed_in = answer.status_code == 302

    @task(4)
    def home(self):
        self.member_page("/home/")

    @task(3)
    def agenda(self):
        if self.targets["meetings"]:
            url = random.choice(self.targets["meetings"])  # noqa: S311
            self.member_page(url, name=f"/partnerships/{SLUG}/meetings/[id]/")

    @task(2)
    def paper(self):
        if self.targets["papers"]:
            url = random.choice(self.targets["papers"])  # noqa: S311
            self.member_page(url, name=f"/partnerships/{SLUG}/papers/[id]/")

    @task(1)
    def paper_file(self):
        if self.targets["files"]:
            url = random.choice(self.targets["files"])  # noqa: S311
            self.member_page(url, name=f"/partnerships/{SLUG}/paper-files/[id]/download/")


class ApiClient(HttpUser):
    """Another system (a council's reporting tool) polling the API with a token."""

    weight = 1
    wait_time = between(1, 3)

    def on_start(self):
        token = random.choice(TARGETS["tokens"])  # noqa: S311
        self.client.headers["Authorization"] = f"Token {token}"

    @task(3)
    def meetings(self):
        self.client.get("/api/v1/meetings/", timeout=TIMEOUT)

    @task(2)
    def members(self):
        self.client.get("/api/v1/members/", timeout=TIMEOUT)

    @task(2)
    def actions(self):
        self.client.get("/api/v1/actions/", timeout=TIMEOUT)
