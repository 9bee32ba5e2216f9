"""Asking the open scholarly services (Crossref, arXiv, OpenAlex) over HTTP, politely.

Only the ``labsite`` commands do this, never a build. Each service's address comes from
the environment (``LABSITE_CROSSREF_URL``, ``LABSITE_ARXIV_URL``, ``LABSITE_OPENALEX_URL``),
so that tests, mirrors and institutional proxies can stand in for it; unset, it is the
public service. Every way a request can fail becomes one :class:`LookupFailed` whose
message is a sentence for the owner: no network, a timeout, an unknown identifier, rate
limiting (429 and 503 are tried again, after the wait the service asks for or a doubling
one, before that is said), or any other answer.

The client is ``requests`` (already installed with mkdocs-bibtex): each service is one
GET of a documented address, and the service's own clients (habanero, arxiv) retry on
their own terms and hide the status that the owner must be told.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

import requests

SERVICES = {  # name: (environment variable, public address, name for people)
    "crossref": ("LABSITE_CROSSREF_URL", "https://api.crossref.org", "Crossref"),
    "arxiv": ("LABSITE_ARXIV_URL", "https://export.arxiv.org/api", "arXiv"),
    "openalex": ("LABSITE_OPENALEX_URL", "https://api.openalex.org", "OpenAlex"),
}
TIMEOUT = (5, 30)  # seconds to connect, and to wait for the answer
RETRIES = 3  # after a 429 or 503
FIRST_WAIT, LONGEST_WAIT = 2.0, 60.0  # seconds before trying again; Retry-After wins, up to the longest


class LookupFailed(Exception):
    """A request that gave no usable answer, in one line."""


class NotFound(LookupFailed):
    """The service does not know the identifier (404)."""


@dataclass
class Client:
    """Requests to the services, naming the owner (``mailto``) as Crossref's and OpenAlex's polite pools ask."""

    mailto: str = ""
    timeout: tuple[float, float] = TIMEOUT
    session: requests.Session | None = None
    sleep: object = time.sleep  # the wait between tries (tests give one that does not wait)

    def get(self, service: str, path: str, params: dict | None = None) -> requests.Response:
        """The answer of ``service`` to GET ``path`` with ``params``; LookupFailed unless it is a 200."""
        variable, public, name = SERVICES[service]
        url = os.environ.get(variable, "").rstrip("/") or public
        url = f"{url}/{path.lstrip('/')}"
        params = dict(params or {})
        if self.mailto and service != "arxiv":
            params["mailto"] = self.mailto
        session = self.session or requests.Session()
        agent = f"labsite (a research group's website; mailto:{self.mailto or 'unknown'})"
        for attempt in range(RETRIES + 1):
            try:
                answer = session.get(url, params=params, timeout=self.timeout, headers={"User-Agent": agent})
            except requests.Timeout:
                raise LookupFailed(f"{name} did not answer within {self.timeout[1]:g} seconds; try again later") from None
            except requests.ConnectionError:
                raise LookupFailed(f"cannot reach {name} at {url.split('/')[2]}: is there a network?") from None
            except requests.RequestException as problem:
                raise LookupFailed(f"cannot ask {name}: {problem}") from None
            if answer.status_code not in (429, 503) or attempt == RETRIES:
                break
            self.sleep(_wait(answer, attempt))
        if answer.status_code == 404:
            raise NotFound(f"{name} does not know it (404 Not Found)")
        if answer.status_code in (429, 503):
            raise LookupFailed(f"{name} is limiting requests ({answer.status_code}) and still was after "
                               f"{RETRIES + 1} tries; try again later")
        if answer.status_code != 200:
            raise LookupFailed(f"{name} answered {answer.status_code} {answer.reason or ''}".rstrip())
        return answer


def _wait(answer: requests.Response, attempt: int) -> float:
    """Seconds to wait before trying again: what ``Retry-After`` asks, else a doubling wait."""
    asked = answer.headers.get("Retry-After", "")
    try:
        return min(max(float(asked), 0.0), LONGEST_WAIT)
    except ValueError:  # absent, or an HTTP date: wait as if it were absent
        return min(FIRST_WAIT * 2 ** attempt, LONGEST_WAIT)
