"""The fictional county "Landkreis Musterland": municipalities, streets, phones, e-mails.

Postcodes lie in the unused 00xxx range and e-mail domains are reserved example domains, so
no demo address or mailbox can belong to anybody.
"""

from __future__ import annotations

from dataclasses import dataclass

from faker import Faker

from mzdesk.core.demo.context import DemoContext, Weighted
from mzdesk.core.names import fold

COUNTY = "Landkreis Musterland"
SEAT = "Musterstadt"
MAIL_DOMAINS = ("example.com", "example.org", "example.net")


@dataclass(frozen=True)
class Municipality:
    name: str
    postcode: str
    region: int  # 0 = north, 1 = south: which desk team usually serves it


MUNICIPALITIES = Weighted(
    [
        (Municipality("Musterstadt", "00110", 0), 30.0),
        (Municipality("Beispielheim", "00120", 1), 14.0),
        (Municipality("Neudorf am See", "00130", 0), 8.0),
        (Municipality("Altenbrück", "00140", 1), 8.0),
        (Municipality("Birkenfelde", "00150", 0), 6.0),
        (Municipality("Eichenstedt", "00160", 1), 6.0),
        (Municipality("Wiesental", "00170", 0), 5.0),
        (Municipality("Rosenhagen", "00180", 1), 5.0),
        (Municipality("Bergheide", "00190", 0), 4.0),
        (Municipality("Tannenrode", "00210", 1), 4.0),
        (Municipality("Kleinmusterhausen", "00220", 0), 3.0),
        (Municipality("Oberwaldau", "00230", 1), 3.0),
        (Municipality("Sonnenfeld", "00240", 0), 2.0),
        (Municipality("Lindenbach", "00250", 1), 2.0),
    ]
)


class AddressBook:
    """Street names drawn once from Faker (seeded), then picked with the demo's random source."""

    def __init__(self, ctx: DemoContext, streets: int = 400) -> None:
        self.ctx = ctx
        faker = Faker("de_DE")
        faker.seed_instance(ctx.rng.getrandbits(32))
        self.faker = faker
        self.streets = sorted({faker.street_name() for _ in range(streets)})

    def street(self) -> str:
        ctx = self.ctx
        number = str(ctx.between(1, 120))
        if ctx.chance(0.1):
            number += "abc"[ctx.below(3)]
        return f"{self.streets[ctx.below(len(self.streets))]} {number}"

    def person_name(self) -> tuple[str, str]:
        """A German-sounding (given, family) name for staff and partner contact people."""
        return self.faker.first_name(), self.faker.last_name()


def mobile_phone(ctx: DemoContext) -> str:
    prefix = ("0151", "0152", "0157", "0160", "0162", "0170", "0171", "0176")[ctx.below(8)]
    return f"{prefix} {ctx.between(1000000, 99999999)}"


def office_phone(ctx: DemoContext) -> str:
    return f"00110 {ctx.between(100, 998)}-{ctx.below(99):02d}"


def email_for(ctx: DemoContext, given: str, family: str) -> str:
    local = f"{fold(given).split(' ')[0]}.{fold(family).replace(' ', '')}"
    if ctx.rng.random() < 0.4:
        local += str(ctx.between(1, 98))
    return f"{local}@{MAIL_DOMAINS[ctx.below(len(MAIL_DOMAINS))]}"
