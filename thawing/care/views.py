from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from thawing import content
from thawing.care import services


@login_not_required
def get_help(request: HttpRequest) -> HttpResponse:
    """"Get help now": open to everyone, signed in or not, and works offline."""
    country = request.GET.get("country", "")
    return render(request, "care/help.html", {
        "help": services.help_for(user=request.user, country=country),
        "fallback": content.helplines().fallback,
        "countries": content.helplines().countries,
    })
