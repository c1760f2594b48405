"""The web explorer end to end: headless Chromium, a served hub, real Neo4j, the seed graph.

Each view is scanned with axe-core (no serious or critical violation), its screenshot kept in
test-artifacts/web/, and no test may leave an error in the browser console.
"""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.live_hub import LiveHub
from tests.web.explorer import Browsing, browsing, gid

VUSAL = gid("Expert", "vusal-huseynov")
SMS = gid("Agency", "state-migration-service-az")
TOT = gid("Event", "rtcm-tot-baku")
LIT_PIXELS = """canvas => {
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let lit = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) lit++;
  return lit;
}"""


def test_search_finds_vusal_whose_page_shows_his_agency_also_in_azerbaijani(web: Browsing) -> None:
    page = web.open("/search?q=Huseynov")
    hit = web.main().get_by_role("link", name="Vusal Huseynov")
    expect(hit).to_be_visible()
    expect(web.main().locator("mark").first).to_have_text("Huseynov")
    web.assert_accessible("search")
    hit.click()
    expect(page).to_have_url(re.compile(f"/node/{VUSAL}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Vusal Huseynov")
    agencies = page.get_by_role("region", name=re.compile("^Agencies"))
    expect(agencies.get_by_role("link", name="State Migration Service")).to_be_visible()
    web.assert_accessible("node-expert")
    page.get_by_label("Data language").select_option("az")
    expect(agencies.get_by_role("link", name="Dövlət Miqrasiya Xidməti")).to_be_visible()
    expect(page.get_by_role("navigation").first).to_contain_text("Search")  # interface stays
    web.shot("node-expert-az")
    page.go_back()
    expect(page).to_have_url(re.compile(r"/search\?q=Huseynov$"))
    expect(web.main().get_by_role("link", name="Vusal Huseynov")).to_be_visible()


def test_interface_language_is_the_browsers_and_switchable(hub: LiveHub, chromium: Browser) -> None:
    for session in browsing(chromium, hub, locale="ru-RU"):
        page = session.open("/search?q=Huseynov")
        expect(page.get_by_role("link", name="Поиск", exact=True)).to_be_visible()
        expect(page.locator("html")).to_have_attribute("lang", "ru")
        page.get_by_label("Язык интерфейса").select_option("en")
        expect(page.get_by_role("link", name="Search", exact=True)).to_be_visible()
        assert session.errors == []


def test_type_tabs_facets_and_paging_of_search(web: Browsing) -> None:
    page = web.open("/search?q=RTCM")
    tabs = page.get_by_role("navigation", name="Result types")
    tabs.get_by_role("link", name=re.compile(r"^Event \(\d+\)$")).click()
    expect(page).to_have_url(re.compile(r"type=EVENT"))
    facets = page.get_by_role("complementary")
    year = facets.get_by_role("link", name="2022")
    expect(year).to_be_visible()
    web.assert_accessible("search-events-facets")
    year.click()
    expect(page).to_have_url(re.compile(r"facet=year%3A2022"))
    hits = web.main().locator("ol.hits > li")
    expect(hits).to_have_count(2)
    for index in range(hits.count()):
        expect(hits.nth(index)).to_contain_text("2022")
    page.go_back()
    expect(page).not_to_have_url(re.compile("facet="))


def test_facets_filter_on_the_server_and_count_under_each_other(web: Browsing) -> None:
    """Of the five RTCM events two are of 2022; of those, one was held in Azerbaijan. The
    country counts follow the chosen year, and back/forward walk the choices."""
    page = web.open("/search?q=RTCM&type=EVENT")
    status = web.main().get_by_role("status")
    facets = page.get_by_role("complementary")
    hits = web.main().locator("ol.hits > li")
    expect(status).to_have_text("5 results")
    expect(facets.get_by_role("link", name="Turkey")).to_be_visible()
    facets.get_by_role("link", name="2022").click()
    expect(status).to_have_text("2 results")
    expect(hits).to_have_count(2)
    expect(facets.get_by_role("link", name="Turkey")).to_have_count(0)
    azerbaijan = facets.get_by_role("listitem").filter(has_text="Azerbaijan")
    expect(azerbaijan).to_contain_text("(1)")
    azerbaijan.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"facet=country%3A\w+%2Cyear%3A2022"))
    expect(status).to_have_text("1 results")
    expect(hits).to_have_count(1)
    expect(hits.first).to_contain_text("Training of trainers in Baku")
    expect(facets.get_by_role("link", name="2022")).to_have_attribute("aria-current", "page")
    web.assert_accessible("search-events-two-facets")
    page.go_back()
    expect(status).to_have_text("2 results")
    page.go_back()
    expect(status).to_have_text("5 results")
    page.go_forward()
    expect(status).to_have_text("2 results")


def test_network_view_draws_his_agency_and_events(web: Browsing) -> None:
    page = web.open(f"/node/{VUSAL}")
    page.get_by_role("link", name="Network", exact=True).click()
    expect(page).to_have_url(re.compile(f"/network/{VUSAL}$"))
    canvas = page.locator(".canvas canvas").first
    expect(canvas).to_be_attached()
    expect(page.locator(".canvas")).to_have_attribute("data-drawn", re.compile(r"^[1-9]\d*$"))
    drawn = page.get_by_role("region", name=re.compile("^Nodes in the drawing"))
    expect(drawn.locator("li[data-type=AGENCY]")).to_contain_text("State Migration Service")
    expect(drawn.locator("li[data-type=EVENT]").first).to_be_visible()
    assert drawn.locator("li[data-type=EVENT]").count() >= 2
    box = page.locator(".canvas").bounding_box()
    assert box is not None
    assert min(box["width"], box["height"]) > 100
    labels = page.locator(".canvas canvas.sigma-labels")
    painted = labels.evaluate(LIT_PIXELS)
    assert painted > 100, "sigma drew no labels on its canvas"
    web.assert_accessible("network")


def test_network_filters_live_in_the_url_for_back_forward_and_shared_links(
    web: Browsing,
) -> None:
    page = web.open(f"/network/{VUSAL}")
    drawn = page.get_by_role("region", name=re.compile("^Nodes in the drawing"))
    expect(drawn.locator("li[data-type=AGENCY]")).to_have_count(1)
    page.get_by_label("Depth").select_option("2")
    expect(page).to_have_url(re.compile(r"\?depth=2$"))
    page.get_by_role("group", name="Entity types").get_by_label("Event").check()
    expect(page).to_have_url(re.compile(r"\?depth=2&types=EVENT$"))
    expect(drawn.locator("li[data-type=AGENCY]")).to_have_count(0)
    expect(drawn.locator("li[data-type=EVENT]").first).to_be_visible()
    page.get_by_label("Size by").select_option("centrality")
    expect(page).to_have_url(re.compile(r"\?depth=2&types=EVENT&size=centrality$"))
    expect(page.locator(".canvas")).to_have_attribute("data-drawn", re.compile(r"^[1-9]"))
    web.assert_accessible("network-filtered")
    page.go_back()
    expect(page.get_by_label("Size by")).to_have_value("degree")
    expect(page.get_by_role("group", name="Entity types").get_by_label("Event")).to_be_checked()
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?depth=2$"))
    expect(page.get_by_role("group", name="Entity types").get_by_label("Event")).not_to_be_checked()
    expect(drawn.locator("li[data-type=AGENCY]").first).to_be_visible()
    page.go_forward()
    expect(drawn.locator("li[data-type=AGENCY]")).to_have_count(0)
    shared = web.open(f"/network/{VUSAL}?depth=2&types=EVENT&size=centrality")
    expect(shared.get_by_label("Depth")).to_have_value("2")
    expect(shared.get_by_label("Size by")).to_have_value("centrality")
    expect(shared.get_by_role("group", name="Entity types").get_by_label("Event")).to_be_checked()


def test_path_between_two_experts_picked_by_search_as_you_type(web: Browsing) -> None:
    page = web.open("/path")
    for label, typed, name in [
        ("From", "Vusal Husey", "Vusal Huseynov"),
        ("To", "gjorgj", "Vladimir Gjorgjiev"),  # a later word of the name
    ]:
        box = page.get_by_role("combobox", name=label)
        box.press_sequentially(typed)
        option = page.get_by_role("option", name=re.compile(name))
        expect(option).to_be_visible()
        expect(box).to_have_attribute("aria-expanded", "true")
        box.press("Escape")
        expect(box).to_have_attribute("aria-expanded", "false")
        box.press("ArrowDown")
        expect(box).to_have_attribute("aria-activedescendant", re.compile("-options-0$"))
        while (
            page.locator(f"#{box.get_attribute('aria-activedescendant')}").text_content() or ""
        ).find(name) < 0:
            box.press("ArrowDown")
        box.press("Enter")
        expect(box).to_have_value(name)
        expect(box).to_have_attribute("aria-expanded", "false")
    web.assert_accessible("path-picked")
    page.get_by_role("button", name="Show connection").click()
    expect(page).to_have_url(re.compile(r"/path\?from=.+&to=.+"))
    chain = page.get_by_role("region", name=re.compile(r"steps$"))
    expect(chain.get_by_role("link", name="Vusal Huseynov")).to_be_visible()
    expect(chain.get_by_role("link", name="Vladimir Gjorgjiev")).to_be_visible()
    web.assert_accessible("path")


def test_cascade_of_the_training_of_trainers_shows_the_roll_out(web: Browsing) -> None:
    page = web.open(f"/node/{TOT}")
    page.get_by_role("link", name="Training cascade").click()
    expect(page).to_have_url(re.compile(f"/cascade/{TOT}$"))
    tree = page.locator("ul.tree")
    expect(tree.get_by_role("link", name="RTCM roll-out session")).to_be_visible()
    expect(page.locator(".figures")).to_contain_text("2 sessions")
    web.assert_accessible("cascade")


def test_unknown_ids_show_a_not_found_page_with_a_search_box(web: Browsing) -> None:
    for path in ["/node/not-an-id", f"/node/{gid('Expert', 'nobody-at-all')}", "/network/x"]:
        page = web.open(path)
        expect(page.get_by_role("heading", level=1)).to_have_text("Not found")
        expect(page.get_by_role("searchbox")).to_be_visible()
    web.assert_accessible("not-found")
    page.get_by_role("searchbox").fill("Huseynov")
    page.get_by_role("searchbox").press("Enter")
    expect(web.main().get_by_role("link", name="Vusal Huseynov")).to_be_visible()


def test_an_empty_search_explains_what_to_try(web: Browsing) -> None:
    web.open("/search?q=zzqxjvw")
    expect(web.main()).to_contain_text("Nothing matched")
    expect(web.main()).to_contain_text("wildcard")
    web.assert_accessible("search-empty")


def tab_to(page: Page, attribute: str, value: str, presses: int = 30) -> bool:
    """Press Tab until the focused element's `attribute` is `value`; whether it got there."""
    focused = f"document.activeElement && document.activeElement.{attribute}"
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(focused) == value:
            return True
    return False


def test_keyboard_only_navigation_through_search_results(web: Browsing) -> None:
    page = web.open("/")
    expect(page.get_by_role("searchbox")).to_be_visible()
    assert tab_to(page, "id", "q"), "Tab never reached the search box"
    page.keyboard.type("Huseynov")
    page.keyboard.press("Enter")
    expect(web.main().get_by_role("link", name="Vusal Huseynov")).to_be_visible()
    assert tab_to(page, "textContent", "Vusal Huseynov"), "Tab never reached the hit"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/node/{VUSAL}$"))


def test_timeline_expert_finder_and_sign_in_views(web: Browsing) -> None:
    page = web.open(f"/timeline/{SMS}")
    expect(page.get_by_role("heading", level=2, name="2022")).to_be_visible()
    expect(web.main()).to_contain_text("RTCM roll-out session")
    web.assert_accessible("timeline")
    page = web.open("/experts?topic=border-management")
    expect(page.locator("ol.recommendations > li").first).to_be_visible()
    web.assert_accessible("experts")
    page = web.open("/signin")
    web.expect_console_error("status of 401")
    page.get_by_label("API key").fill("not-a-key")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("status")).to_have_text("The hub did not accept this key.")
    web.assert_accessible("signin")
