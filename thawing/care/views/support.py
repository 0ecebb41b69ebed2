"""Get help now, the safety plan and Getting support (G1, G5)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thawing import content
from thawing.accounts import help_country
from thawing.care import services
from thawing.care.forms import SECTION_TEXT, SafetyPlanForm
from thawing.core.errors import ThawingError
from thawing.web import say, show_errors


@login_not_required
def get_help(request: HttpRequest) -> HttpResponse:
    """"Get help now": open to everyone, signed in or not, locked or not, and works offline.

    The country is the one chosen on this page, else the profile's, else (locked or signed
    out) the one kept outside the database or the browser's language (`help_country`).
    """
    chosen = request.GET.get("country", "").strip()
    signed_in = request.user.is_authenticated
    guessed = "" if chosen or signed_in else help_country.guess(request)
    plan = services.get_safety_plan(user=request.user) if signed_in else None
    found = services.help_for(user=request.user, country=chosen or guessed)
    response = render(request, "care/help.html", {
        "plan_sections": _filled_sections(plan),
        "help": found,
        # Not chosen by the person here: the page says so and offers the choice first.
        "automatic": not chosen and not signed_in,
        "fallback": content.helplines().fallback,
        "countries": content.helplines().countries,
    })
    if chosen or signed_in:
        # Server mode: this browser shows the same lines after signing out.
        help_country.set_cookie(response, found.country)
    return response


def _filled_sections(plan: object) -> list[tuple[str, str]]:
    """The plan's written sections as (heading, text), in order."""
    if plan is None:
        return []
    return [(str(SECTION_TEXT[name][0]), getattr(plan, name))
            for name in SECTION_TEXT if getattr(plan, name)]


def safety_plan(request: HttpRequest) -> HttpResponse:
    plan = services.get_safety_plan(user=request.user)
    initial = {name: getattr(plan, name) for name in SECTION_TEXT}
    form = SafetyPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_safety_plan(user=request.user, **form.cleaned_data)
        except ThawingError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Your safety plan is saved. It is here whenever you need it."))
            return redirect("care:plan")
    return render(request, "care/plan.html", {
        "form": form, "plan_sections": _filled_sections(plan),
        "help": services.help_for(user=request.user),
    }, status=400 if form.errors else 200)


def getting_support(request: HttpRequest) -> HttpResponse:
    """Reasons from the person's own records to talk to a professional, said kindly (G1)."""
    return render(request, "care/support.html", {
        "signals": services.help_signals(user=request.user),
        "help": services.help_for(user=request.user),
        "past": services.past_of(user=request.user),
    })


@require_POST
def save_past(request: HttpRequest) -> HttpResponse:
    """The optional history question on Getting support (G1)."""
    try:
        services.save_past(user=request.user, past=request.POST.getlist("past"))
    except ThawingError as error:
        messages.error(request, say(error.message))
    else:
        messages.success(request, _("Saved. Only you can see it."))
    return redirect("care:support")
