"""Drives the ChargeSim dashboard in headless Chromium (selenium) against a running demo.

Usage: dashboard_browser.py READY_FILE   (the demo's --ready-file, with controlUrl)

Asserts, printing each check:
  1. the page loads and shows one tile per charger, Available, with the event stream open;
  2. after POST /chargers/<id>/connectors/1/plug the tile's data-status is Preparing or
     Charging within one second;
  3. after presenting an id tag the tile turns Charging, the chart's data-total-power-w rises
     above 0 and its data-samples keeps counting (the chart moves), and the session row shows;
  4. with the tile clicked, the frame log shows the charger's StopTransaction after a stop.
"""

import json
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def post(base, path, body):
    request = urllib.request.Request(
        base + path, data=json.dumps(body).encode(), method="POST", headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status, json.loads(response.read())


def wait_for(what, condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


def main():
    ready = json.load(open(sys.argv[1]))
    base = ready["controlUrl"]
    ids = ready["chargePointIds"]
    charger = ids[0]

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(base + "/")
        attribute = lambda css, name: driver.execute_script(
            "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;", css, name
        )
        tile = f'.tile[data-charger="{charger}"]'
        wait_for("a tile per charger", lambda: len(driver.find_elements(By.CSS_SELECTOR, ".tile")) == len(ids), 10)
        wait_for("the tile Available", lambda: attribute(tile, "data-status") == "Available", 10)
        wait_for("the event stream open", lambda: "on" in (attribute("#live", "class") or ""), 10)
        print(f"ok: the dashboard shows {len(ids)} tiles, {charger} Available, event stream open")

        samples_before = int(attribute("#chart", "data-samples"))
        status, body = post(
            base,
            f"/chargers/{charger}/connectors/1/plug",
            {"ev": {"name": "Browser test EV", "batteryCapacityKWh": 60, "socPercent": 20, "maxPowerKW": 11}},
        )
        plugged_at = time.monotonic()
        assert status == 200 and body["status"] == "Preparing", body
        wait_for(
            "the tile Preparing/Charging", lambda: attribute(tile, "data-status") in ("Preparing", "Charging"), 1.0
        )
        print(f"ok: tile turned {attribute(tile, 'data-status')} {time.monotonic() - plugged_at:.3f} s after the plug-in")

        status, body = post(base, f"/chargers/{charger}/connectors/1/id-tag", {"idTag": "BROWSER-1"})
        assert status == 200, body
        wait_for("the tile Charging", lambda: attribute(tile, "data-status") == "Charging", 10)
        power = wait_for("power on the chart", lambda: float(attribute("#chart", "data-total-power-w") or 0) > 0 and float(attribute("#chart", "data-total-power-w")), 5)
        samples_after = wait_for(
            "the chart to keep moving", lambda: int(attribute("#chart", "data-samples")) >= samples_before + 3 and int(attribute("#chart", "data-samples")), 10
        )
        row = wait_for(
            "the session row",
            lambda: [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#sessions tr") if charger in r.text and "BROWSER-1" in r.text],
            5,
        )
        print(f"ok: Charging, chart at {power:.0f} W after {samples_after - samples_before} new samples, session row: {row[0]}")

        driver.find_element(By.CSS_SELECTOR, tile).click()
        # The frame log shows what streams after the selection: wait until its stream is open.
        wait_for("the frame stream of the selected charger", lambda: driver.find_element(By.ID, "frames").get_attribute("data-following") == charger, 10)
        status, body = post(base, f"/chargers/{charger}/connectors/1/stop", {})
        assert status == 200, body
        wait_for("the StopTransaction frame in the log", lambda: "StopTransaction" in driver.find_element(By.ID, "frames").text, 10)
        print("ok: the frame log of the selected charger shows its StopTransaction")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
