from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thawing.accounts import services
from thawing.accounts.forms import (
    LocalSignInForm,
    ServerSignInForm,
    SettingsForm,
    SetupForm,
    SignUpForm,
)
from thawing.core.errors import ThawingError
from thawing.web import show_errors

BACKEND = "django.contrib.auth.backends.ModelBackend"


@login_not_required
def setup(request: HttpRequest) -> HttpResponse:
    if not services.is_local_mode():
        raise Http404
    if services.is_set_up():
        return redirect("checkins:today")
    form = SetupForm(request.POST or None, initial={"timezone": services.machine_zone()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.set_up_local_profile(
                name=data["name"], timezone=data["timezone"], country=data["country"],
                checkin_time=data["checkin_time"],
                passphrase=None if data["no_passphrase"] else data["passphrase"],
            )
        except ThawingError as error:
            show_errors(form, error)
        else:
            login(request, user, backend=BACKEND)
            messages.success(request, _("Welcome. This is your Today page: start whenever "
                                        "you like, and \u201ccan\u2019t tell\u201d is always "
                                        "an answer."))
            return redirect("checkins:today")
    return render(request, "accounts/setup.html", {"form": form, "zones": form.zones()})


@login_not_required
def signin(request: HttpRequest) -> HttpResponse:
    local = services.is_local_mode()
    if local and not services.is_set_up():
        return redirect("accounts:setup")
    form_class = LocalSignInForm if local else ServerSignInForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            client = request.META.get("REMOTE_ADDR", "")
            if local:
                user = services.unlock_local(passphrase=form.cleaned_data["passphrase"],
                                             client=client)
            else:
                user = services.sign_in(**form.cleaned_data, client=client)
        except ThawingError as error:
            show_errors(form, error)
        else:
            login(request, user, backend=BACKEND)
            target = request.GET.get("next", "")
            return redirect(target if target.startswith("/") and not target.startswith("//")
                            else "checkins:today")
    return render(request, "accounts/signin.html", {"form": form, "local": local})


@require_POST
def signout(request: HttpRequest) -> HttpResponse:
    logout(request)
    if services.is_local_mode() and not services.local_needs_passphrase():
        return redirect("checkins:today")
    return redirect("accounts:signin")


@login_not_required
def signup(request: HttpRequest) -> HttpResponse:
    if services.is_local_mode() or not settings.THAWING_SIGNUP:
        raise Http404
    form = SignUpForm(request.POST or None, initial={"timezone": "UTC"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.create_account(
                username=data["username"], password=data["password"], name=data["name"],
                timezone=data["timezone"], country=data["country"],
            )
        except ThawingError as error:
            show_errors(form, error)
        else:
            login(request, user, backend=BACKEND)
            return redirect("checkins:today")
    return render(request, "accounts/signup.html", {"form": form, "zones": form.zones()})


def profile_settings(request: HttpRequest) -> HttpResponse:
    profile = services.profile_for(request.user)
    initial = {
        "name": profile.display_name, "timezone": profile.timezone, "country": profile.country,
        "checkin_time": profile.checkin_time.strftime("%H:%M") if profile.checkin_time else "",
        "past": profile.past,
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_profile(user=request.user, **form.cleaned_data)
        except ThawingError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {
        "form": form, "zones": form.zones(),
        "has_passphrase": services.is_local_mode() and services.local_needs_passphrase(),
    })
