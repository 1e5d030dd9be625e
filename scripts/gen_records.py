#!/usr/bin/env python3
"""Generate the records of a synthetic municipality from known parameters (sdsim fit's test data).

Python 3 standard library only. The municipality ("Zuiderwaard", not a real one) has jeugd and
Wmo care forms whose clients arrive, stay, move on, age out, leave for the Wlz and come back
exactly as an sdsim scenario describes them (scenarios/README.md):

- first entries per form: a Poisson stream of rate per_1000 x inhabitants of the band / 1000 x
  (1 + trend)^(years since 2020), ages at entry uniform within age groups with given weights;
- durations per form: exponential, lognormal, gamma or Weibull (PARAMS below, mean and sd in days);
- at the end of the duration: vervolghulp to another form (starting the next day), overgedragen,
  voortijdig or afgerond, with fixed shares; a constant Wlz hazard per year in care;
- jeugd ends at 18: a share continues (verlengd) until 21, a share transfers to wmo.begeleiding,
  the rest leaves (end reason leeftijd);
- after afgerond or voortijdig a share comes back to the same form after an exponential delay.

The simulation runs from 2008 (a burn-in, so the window opens on a steady stock with long-running
episodes that began long before it) to --until. The extract lists every episode in care at any
time in [--from, --extract]: those still in care on the extract date have no end date. With
--continuations K the file FUTURE gets K independent continuations of the process after the
extract date (remaining durations redrawn given the time already in care), for comparing a
fitted projection with the generator's own. truth.txt holds the parameters (as JSON; not .json,
which would make it look like a scenario file).

Usage: gen_records.py OUTDIR [--seed N] [--from 2019-01-01] [--extract 2024-12-31]
                      [--scale 1.0] [--continuations 0] [--until 2028-12-31]
"""
import argparse
import bisect
import csv
import datetime as dt
import heapq
import json
import math
import os
import random

START = dt.date(2008, 1, 1)
BASE_YEAR = 2020
BANDS = {"0-17": (0, 17, 9000, 0.004), "18-22": (18, 22, 2600, 0.01), "23-64": (23, 64, 24000, 0.006),
         "65-74": (65, 74, 5200, 0.02), "75+": (75, 100, 3600, 0.035)}
# Forms: domain, band, per_1000 in BASE_YEAR, trend, age groups [(lo, hi, weight)], duration
# (family, mean, sd), ends {target: share} (vervolghulp targets are forms), wlz per year,
# reentry (probability, mean delay days), rechter share of entries.
FORMS = {
    "jeugd.ambulant": dict(band="0-17", per_1000=22.0, trend=0.03,
                           ages=[(0, 5, 1), (6, 11, 2), (12, 17, 3)],
                           duration=("lognormal", 330, 300),
                           ends={"jeugd.dagbehandeling": 0.06, "jeugd.pleegzorg": 0.03,
                                 "overgedragen": 0.15, "voortijdig": 0.10},
                           wlz=0.0, reentry=(0.15, 240), rechter=0.0),
    "jeugd.dagbehandeling": dict(band="0-17", per_1000=3.0, trend=0.0,
                                 ages=[(4, 11, 2), (12, 17, 1)],
                                 duration=("gamma", 420, 260),
                                 ends={"jeugd.ambulant": 0.20, "voortijdig": 0.10},
                                 wlz=0.0, reentry=(0.10, 300), rechter=0.0),
    "jeugd.pleegzorg": dict(band="0-17", per_1000=1.2, trend=-0.02,
                            ages=[(0, 5, 2), (6, 11, 2), (12, 17, 1)],
                            duration=("weibull", 1100, 800),
                            ends={"jeugd.ambulant": 0.30},
                            wlz=0.0, reentry=(0.0, 0), rechter=0.4),
    "wmo.begeleiding": dict(band="23-64", per_1000=6.0, trend=0.02,
                            ages=[(18, 40, 1), (41, 64, 1), (65, 90, 1)],
                            duration=("weibull", 700, 560),
                            ends={"wmo.hbh": 0.05, "voortijdig": 0.05},
                            wlz=0.04, reentry=(0.12, 365), rechter=0.0),
    "wmo.hbh": dict(band="75+", per_1000=40.0, trend=0.01,
                    ages=[(65, 74, 1), (75, 100, 3)],
                    duration=("exponential", 900, 900),
                    ends={"overgedragen": 0.05},
                    wlz=0.06, reentry=(0.0, 0), rechter=0.0),
}
AGE_LIMIT = dict(domain="jeugd", age=18, verlengd=0.2, until_age=21,
                 transfer={"wmo.begeleiding": 0.15})
ROUTES = ["toegang", "huisarts"]


def band_pop(band, year):
    lo, hi, count, growth = BANDS[band]
    return count * (1 + growth) ** (year - BASE_YEAR)


def draw_duration(rng, family, mean, sd):
    if family == "exponential":
        return rng.expovariate(1 / mean)
    if family == "lognormal":
        s2 = math.log(1 + (sd / mean) ** 2)
        return rng.lognormvariate(math.log(mean) - s2 / 2, math.sqrt(s2))
    if family == "gamma":
        k = (mean / sd) ** 2
        return rng.gammavariate(k, mean / k)
    if family == "weibull":
        k = weibull_shape(sd / mean)
        return rng.weibullvariate(mean / math.gamma(1 + 1 / k), k)
    raise ValueError(family)


def weibull_shape(cv):
    lo, hi = 0.05, 50.0
    for _ in range(200):
        k = (lo + hi) / 2
        c = math.sqrt(math.gamma(1 + 2 / k) / math.gamma(1 + 1 / k) ** 2 - 1)
        lo, hi = (k, hi) if c > cv else (lo, k)
    return (lo + hi) / 2


def draw_remaining(rng, family, mean, sd, elapsed):
    """D - elapsed given D > elapsed, by rejection with a cap (the generator's continuation)."""
    for _ in range(100000):
        d = draw_duration(rng, family, mean, sd)
        if d > elapsed:
            return d - elapsed
    return mean


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return dt.date(day.year + years, 3, 1)


class World:
    """The process: clients, their episodes and a calendar of events."""

    def __init__(self, rng, scale, until):
        self.rng, self.scale, self.until = rng, scale, until
        self.episodes = []  # dicts: client, birth, form, start, end, reason, route, gk
        self.events = []    # (day, seq, kind, payload)
        self.seq = 0
        self.clients = 0

    def push(self, day, kind, payload):
        if day <= self.until:
            self.seq += 1
            heapq.heappush(self.events, (day, self.seq, kind, payload))

    def schedule_arrivals(self, first=START):
        """Poisson arrivals per form in continuous time (days since `first`), from `first` on."""
        for form, p in FORMS.items():
            t = 0.0
            while True:
                day = first + dt.timedelta(days=int(t))
                if day > self.until:
                    break
                rate = (p["per_1000"] * band_pop(p["band"], day.year) / 1000 *
                        (1 + p["trend"]) ** (day.year - BASE_YEAR) * self.scale / 365.2425)
                t += self.rng.expovariate(rate)
                day = first + dt.timedelta(days=int(t))
                if day <= self.until:
                    self.push(day, "arrive", form)

    def birth_for(self, form, day):
        groups = FORMS[form]["ages"]
        lo, hi, _ = self.rng.choices(groups, weights=[g[2] for g in groups])[0]
        age_days = self.rng.uniform(lo * 365.2425, (hi + 1) * 365.2425 - 1)
        return day - dt.timedelta(days=int(age_days))

    def start(self, client, birth, form, day, route, gk):
        p = FORMS[form]
        ep = dict(client=client, birth=birth, form=form, start=day, end=None, reason="",
                  route=route, gk=gk)
        self.episodes.append(ep)
        self.schedule_end(ep, draw_duration(self.rng, *p["duration"]))

    def schedule_end(self, ep, remaining, first_day=None):
        """Plans the end of care that has `remaining` days to go from `first_day` (the start)."""
        p = FORMS[ep["form"]]
        day = first_day or ep["start"]
        end, reason = day + dt.timedelta(days=max(1, round(remaining)) - 1), "duration"
        if p["wlz"] > 0:
            w = self.rng.expovariate(-math.log(1 - p["wlz"]) / 365.2425)
            wend = day + dt.timedelta(days=int(w))
            if wend < end:
                end, reason = wend, "wlz"
        if ep["form"].startswith(AGE_LIMIT["domain"] + "."):
            limit = AGE_LIMIT["until_age"] if ep.get("verlengd") else AGE_LIMIT["age"]
            bday = add_years(ep["birth"], limit)
            if bday - dt.timedelta(days=1) < end:
                end, reason = max(bday - dt.timedelta(days=1), day), "limit"
        ep["planned"] = (end, reason)
        self.push(end, "end", ep)

    def on_end(self, ep, day):
        end, why = ep["planned"]
        p = FORMS[ep["form"]]
        if why == "limit" and not ep.get("verlengd"):
            u = self.rng.random()
            if u < AGE_LIMIT["verlengd"]:
                ep["verlengd"] = True  # the same episode goes on
                ep["planned"] = None
                self.schedule_end(ep, self.remaining_after(ep, day), day + dt.timedelta(days=1))
                return
            ep["end"], ep["reason"] = day, "leeftijd"
            acc = AGE_LIMIT["verlengd"]
            for form, share in AGE_LIMIT["transfer"].items():
                acc += share
                if u < acc:
                    self.start(ep["client"], ep["birth"], form, day + dt.timedelta(days=1),
                               "", False)
                    break
            return
        if why == "limit":
            ep["end"], ep["reason"] = day, "leeftijd"
            return
        if why == "wlz":
            ep["end"], ep["reason"] = day, "wlz"
            return
        u, acc, target = self.rng.random(), 0.0, "afgerond"
        for t, share in p["ends"].items():
            acc += share
            if u < acc:
                target = t
                break
        ep["end"] = day
        if "." in target:
            ep["reason"] = "vervolghulp"
            self.start(ep["client"], ep["birth"], target, day + dt.timedelta(days=1),
                       "", ep["gk"])
            return
        ep["reason"] = target
        prob, delay = p["reentry"]
        if target in ("afgerond", "voortijdig") and prob > 0 and self.rng.random() < prob:
            back = day + dt.timedelta(days=1 + int(self.rng.expovariate(1 / delay)))
            self.push(back, "reenter", ep)

    def remaining_after(self, ep, day):
        """Remaining care of a verlengd client: the duration drawn at the start still runs."""
        p = FORMS[ep["form"]]
        elapsed = (day - ep["start"]).days + 1
        return draw_remaining(self.rng, *p["duration"], elapsed)

    def run(self, stop):
        while self.events and self.events[0][0] <= stop:
            day, _, kind, payload = heapq.heappop(self.events)
            if kind == "arrive":
                p = FORMS[payload]
                self.clients += 1
                gk = self.rng.random() < p["rechter"]
                route = "rechter" if gk else self.rng.choice(ROUTES)
                self.start(self.clients, self.birth_for(payload, day), payload, day, route, gk)
            elif kind == "end":
                if payload["end"] is None and payload.get("planned") and \
                        payload["planned"][0] == day:
                    self.on_end(payload, day)
            elif kind == "reenter":
                ep = payload
                self.start(ep["client"], ep["birth"], ep["form"], day, "", ep["gk"])


def write_records(path, episodes, first, last, sep=","):
    rows = [e for e in episodes if e["start"] <= last and (e["end"] is None or e["end"] >= first)]
    rows.sort(key=lambda e: (e["start"], e["client"]))
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=sep, lineterminator="\n")
        w.writerow(["client_id", "birth_date", "domain", "form", "start_date", "end_date",
                    "end_reason", "route"])
        for e in rows:
            ended = e["end"] is not None and e["end"] <= last
            domain, form = e["form"].split(".")
            w.writerow([f"Z{e['client']:06d}", e["birth"].isoformat(), domain, form,
                        e["start"].isoformat(), e["end"].isoformat() if ended else "",
                        e["reason"] if ended else "", e["route"]])
    return len(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--from", dest="first", default="2019-01-01")
    ap.add_argument("--extract", default="2024-12-31")
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies every inflow rate")
    ap.add_argument("--continuations", type=int, default=0)
    ap.add_argument("--until", default="2028-12-31")
    a = ap.parse_args()
    first, extract = dt.date.fromisoformat(a.first), dt.date.fromisoformat(a.extract)
    until = dt.date.fromisoformat(a.until)
    os.makedirs(a.outdir, exist_ok=True)
    world = World(random.Random(a.seed), a.scale, until)
    world.schedule_arrivals()
    world.run(extract)
    n = write_records(os.path.join(a.outdir, "records.csv"), world.episodes, first, extract)
    with open(os.path.join(a.outdir, "population.csv"), "w", encoding="utf-8") as f:
        f.write("year,age_band,count\n")
        for year in range(first.year, until.year + 1):
            for band in BANDS:
                f.write(f"{year},{band},{round(band_pop(band, year) * a.scale)}\n")
    truth = dict(base_year=BASE_YEAR, bands=BANDS, forms=FORMS, age_limit=AGE_LIMIT,
                 window=[a.first, a.extract], scale=a.scale, seed=a.seed)
    with open(os.path.join(a.outdir, "truth.txt"), "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1)
    if a.continuations:
        # Clients in care on the extract date continue K times, each with fresh draws.
        with open(os.path.join(a.outdir, "future.csv"), "w", encoding="utf-8") as f:
            f.write("continuation,year,domain,form,clients_end,inflow\n")
            for k in range(a.continuations):
                w2 = World(random.Random(a.seed * 1000 + k + 1), a.scale, until)
                w2.clients = world.clients
                for ep in world.episodes:
                    e = dict(ep)
                    if ep["start"] > extract:
                        continue
                    w2.episodes.append(e)
                    if ep["end"] is None or ep["end"] > extract:
                        e["end"], e["reason"] = None, ""
                        elapsed = (extract - ep["start"]).days + 1
                        rem = draw_remaining(w2.rng, *FORMS[e["form"]]["duration"], elapsed)
                        w2.schedule_end(e, rem, extract + dt.timedelta(days=1))
                for ev in world.events:
                    if ev[2] == "reenter" and ev[0] > extract:
                        w2.push(ev[0], ev[2], ev[3])
                w2.schedule_arrivals(extract + dt.timedelta(days=1))
                w2.run(until)
                counts = {}
                years = range(extract.year + 1, until.year + 1)
                for e in w2.episodes:
                    for year in years:
                        y0, y1 = dt.date(year, 1, 1), dt.date(year, 12, 31)
                        c = counts.setdefault((year, e["form"]), [0, 0])
                        c[0] += e["start"] <= y1 and (e["end"] is None or e["end"] > y1)
                        c[1] += y0 <= e["start"] <= y1
                for year in years:
                    for form in FORMS:
                        dom, fm = form.split(".")
                        stock, inflow = counts.get((year, form), [0, 0])
                        f.write(f"{k},{year},{dom},{fm},{stock},{inflow}\n")
    print(f"gen_records: {n} episodes in {a.outdir}/records.csv (window {a.first} .. {a.extract})")


if __name__ == "__main__":
    main()
