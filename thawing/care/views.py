from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from thawing import content
from thawing.care import services
from thawing.care.forms import SECTION_TEXT, SafetyPlanForm
from thawing.core.errors import ThawingError
from thawing.web import show_errors


@login_not_required
def get_help(request: HttpRequest) -> HttpResponse:
    """"Get help now": open to everyone, signed in or not, and works offline."""
    country = request.GET.get("country", "")
    plan = (services.get_safety_plan(user=request.user)
            if request.user.is_authenticated else None)
    return render(request, "care/help.html", {
        "plan_sections": _filled_sections(plan),
        "help": services.help_for(user=request.user, country=country),
        "fallback": content.helplines().fallback,
        "countries": content.helplines().countries,
    })


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
