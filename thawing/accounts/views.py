from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thawing.accounts import help_country, services
from thawing.accounts.clients import client_address
from thawing.accounts.forms import (
    AddPassphraseForm,
    ChangePassphraseForm,
    ChangePasswordForm,
    LocalSignInForm,
    RecoverForm,
    RecoveryCodeForm,
    ServerSignInForm,
    SettingsForm,
    SetupForm,
    SignUpForm,
)
from thawing.core.errors import ThawingError
from thawing.web import say, show_errors

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
            if data["no_passphrase"]:
                return redirect("checkins:today")
            # Shown once, in this answer only: the code is never stored or sent again.
            code = services.new_recovery_code(passphrase=data["passphrase"])
            return render(request, "accounts/recovery_code.html", {"code": code, "first": True})
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
            client = client_address(request)
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
            response = redirect(target if target.startswith("/") and not target.startswith("//")
                                else "checkins:today")
            # Server mode: "Get help now" shows this country's lines here after signing out.
            return help_country.set_cookie(response, services.profile_for(user).country)
    return render(request, "accounts/signin.html", {"form": form, "local": local})


@require_POST
def signout(request: HttpRequest) -> HttpResponse:
    logout(request)
    if services.is_local_mode() and not services.local_needs_passphrase():
        return redirect("checkins:today")
    # Locking forgets the data key: nothing can be read until the passphrase is given again.
    services.lock_local()
    return redirect("accounts:signin")


@login_not_required
def recover(request: HttpRequest) -> HttpResponse:
    """Forgot the passphrase: the recovery code opens the data and a new passphrase is set."""
    if not services.is_local_mode() or not services.is_set_up():
        raise Http404
    form = RecoverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.recover_local(code=form.cleaned_data["code"],
                                          new_passphrase=form.cleaned_data["new"],
                                          client=client_address(request))
        except ThawingError as error:
            show_errors(form, error)
        else:
            login(request, user, backend=BACKEND)
            messages.success(request, _("Your new passphrase is set. Your recovery code still works."))
            return redirect("checkins:today")
    return render(request, "accounts/recover.html", {"form": form})


def passphrase(request: HttpRequest) -> HttpResponse:
    """Add a passphrase, change it, or make a new recovery code (local mode)."""
    if not services.is_local_mode():
        raise Http404
    if not services.local_needs_passphrase():
        return _add_passphrase(request)
    action = request.POST.get("action", "")
    change = ChangePassphraseForm(request.POST if action == "change" else None)
    recovery = RecoveryCodeForm(request.POST if action == "recovery" else None)
    if action == "change" and change.is_valid():
        try:
            code = services.change_passphrase(current=change.cleaned_data["current"],
                                              new=change.cleaned_data["new"])
        except ThawingError as error:
            show_errors(change, error)
        else:
            # Other browsers are signed out; this one stays signed in.
            update_session_auth_hash(request, services.local_profile().user)
            if code:
                # A profile from before Thawing 0.3: its recovery code could not follow the new key.
                return render(request, "accounts/recovery_code.html",
                              {"code": code, "first": False, "rekeyed": True})
            messages.success(request, _("Passphrase changed, and your data moved to a new key: the old "
                                        "passphrase opens nothing here any more. Use the new one from "
                                        "now on; your recovery code keeps working."))
            return redirect("accounts:settings")
    if action == "recovery" and recovery.is_valid():
        try:
            code = services.new_recovery_code(passphrase=recovery.cleaned_data["passphrase"])
        except ThawingError as error:
            show_errors(recovery, error)
        else:
            return render(request, "accounts/recovery_code.html",
                          {"code": code, "first": False, "rekeyed": True})
    return render(request, "accounts/passphrase.html", {"change": change, "recovery": recovery},
                  status=400 if change.errors or recovery.errors else 200)


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
                timezone=data["timezone"], country=data["country"], client=client_address(request),
            )
        except ThawingError as error:
            show_errors(form, error)
        else:
            login(request, user, backend=BACKEND)
            return help_country.set_cookie(redirect("checkins:today"), data["country"])
    return render(request, "accounts/signup.html", {"form": form, "zones": form.zones()})


def password(request: HttpRequest) -> HttpResponse:
    """Change a server-mode account's password; this browser stays signed in, the others do not."""
    if services.is_local_mode():
        raise Http404
    form = ChangePasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_password(user=request.user, current=form.cleaned_data["current"],
                                     new=form.cleaned_data["new"])
        except ThawingError as error:
            show_errors(form, error)
        else:
            update_session_auth_hash(request, request.user)
            messages.success(request, _("Password changed. Any other browser signed in to your "
                                        "account will ask for the new one."))
            return redirect("accounts:settings")
    return render(request, "accounts/password.html", {"form": form},
                  status=400 if form.errors else 200)


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
            return help_country.set_cookie(redirect("accounts:settings"),
                                           form.cleaned_data["country"])
    return render(request, "accounts/settings.html", {
        "form": form, "zones": form.zones(),
        "has_passphrase": services.is_local_mode() and services.local_needs_passphrase(),
    })


def _add_passphrase(request: HttpRequest) -> HttpResponse:
    form = AddPassphraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            code = services.add_passphrase(new=form.cleaned_data["new"])
        except ThawingError as error:
            show_errors(form, error)
        else:
            # Keep this browser signed in: the key is open in this process now.
            login(request, services.local_profile().user, backend=BACKEND)
            return render(request, "accounts/recovery_code.html", {"code": code, "first": True})
    return render(request, "accounts/add_passphrase.html", {"form": form}, status=400 if form.errors else 200)


def backup_download(request: HttpRequest) -> HttpResponse:
    """Make a backup now and hand it to the browser (local mode)."""
    from django.http import FileResponse

    from thawing.accounts import backup

    if request.method != "POST":
        raise Http404
    try:
        path = backup.make_backup()
    except ThawingError as error:
        messages.error(request, say(error.message))
        return redirect("accounts:settings")
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name,
                        content_type="application/zip")


def delete_everything(request: HttpRequest) -> HttpResponse:
    """Delete every record of this person (and, locally, the backups), after typing "delete"."""
    from thawing.accounts import backup

    error = ""
    if request.method == "POST":
        try:
            backup.delete_everything(user=request.user, confirm=request.POST.get("confirm", ""))
        except ThawingError as problem:
            error = say(problem.fields.get("confirm", problem.message) if hasattr(problem, "fields")
                        else problem.message)
        else:
            logout(request)
            return help_country.set_cookie(render(request, "accounts/deleted.html"), None)
    return render(request, "accounts/delete_everything.html", {"error": error}, status=400 if error else 200)
