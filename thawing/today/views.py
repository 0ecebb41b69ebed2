"""The Today page. Its address keeps its name, checkins:today (see checkins/urls.py)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from thawing.care.services import help_for, help_signals
from thawing.practices.services import today_practices
from thawing.today.services import today_summary


def today(request: HttpRequest) -> HttpResponse:
    signals = help_signals(user=request.user)
    # PHQ-9 question 9 brings the crisis lines to Today for two weeks (G5).
    item9 = any(s.kind == "phq9-item9" for s in signals)
    return render(request, "checkins/today.html", {
        "summary": today_summary(user=request.user),
        "help_signals": signals,
        "item9_help": help_for(user=request.user) if item9 else None,
        "practice": today_practices(user=request.user),
    })
