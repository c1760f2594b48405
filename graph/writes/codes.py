"""Code lists that inputs are checked against: currencies, spoken languages, kinds and roles.

Kept as data rather than fetched so a value is accepted or refused the same way everywhere,
offline; ISO 4217 is the list of active currency codes, ISO 639-1 the two-letter languages.
"""

from __future__ import annotations

from typing import Final

from graph.model import Label


def _codes(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


def _ordered(listing: str) -> tuple[str, ...]:
    return tuple(listing.split())


ISO_4217: Final = _codes(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD
    BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD
    EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD
    IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL
    MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN
    PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP
    STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED
    VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER ZAR
    ZMW ZWG ZWL
    """
)

ISO_639_1: Final = _codes(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr
    ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw
    ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv
    ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr
    ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi
    yo za zh zu
    """
)

KIND_CODES: Final[dict[Label, tuple[str, ...]]] = {
    Label.AGENCY: _ordered(
        "state_service international_organisation ngo donor college "
        "delegation consortium training_centre un_agency bank office"
    ),
    Label.PLACE: _ordered("city district venue community region"),
    Label.PROGRAMME: _ordered("programme project phase"),
    Label.EVENT: _ordered(
        "workshop training_of_trainers roll_out_session training meeting conference activity_series"
    ),
    Label.RESOURCE: _ordered("news blog_entry article curriculum report web_page"),
}
"""The `kind` values each label allows (README "Graph model"), in the order the schema's
enums list them."""

KINDS: Final[dict[Label, frozenset[str]]] = {
    label: frozenset(codes) for label, codes in KIND_CODES.items()
}

EVENT_STATUS_CODES: Final = ("announced", "held")
EVENT_STATUSES: Final = frozenset(EVENT_STATUS_CODES)
PARTICIPATION_ROLES: Final = frozenset(
    {"speaker", "trainer", "participant", "facilitator", "organiser", "contact"}
)
