from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from thawing import content
from thawing.core.errors import NotFound, ThawingError
from thawing.core.journal import LETTER_CATEGORY
from thawing.core.mood import as_local_input
from thawing.journal import services
from thawing.journal.forms import EntryForm
from thawing.journal.models import Entry
from thawing.web import offer_support, page_number, paged, say, show_errors

JOURNAL_PAGE = 50


def _entry_or_404(request: HttpRequest, entry_id: int) -> Entry:
    try:
        return services.get_entry(user=request.user, entry_id=entry_id)
    except NotFound:
        raise Http404 from None


def index(request: HttpRequest) -> HttpResponse:
    # What people search for is posted, never put in the address: addresses end up in
    # browser history and in server logs. Tags are linked by number for the same reason.
    query = request.POST.get("q", "").strip() if request.method == "POST" else ""
    tag = request.GET.get("tag", "").strip()
    tag_id = int(tag) if tag.isascii() and tag.isdecimal() and len(tag) < 12 else None
    kind = request.GET.get("kind", "").strip()
    context = {"query": query, "tag": tag_id, "kind": kind,
               "tags": services.tags_in_use(user=request.user)}
    status = 200
    if query:
        try:
            context["hits"] = services.search_entries(user=request.user, query=query)
        except services.QueryTooLong as error:
            # The words stay in the box, so the person can shorten them rather than retype.
            context["search_problem"], status = say(error.message), 400
    else:
        page = page_number(request)
        context["entries"], context["pages"] = paged(request, services.list_entries(
            user=request.user, tag_id=tag_id, kind=kind if kind in Entry.Kind.values else None,
            limit=JOURNAL_PAGE + 1, offset=(page - 1) * JOURNAL_PAGE), page, JOURNAL_PAGE)
    return render(request, "journal/index.html", context, status=status)


def new(request: HttpRequest) -> HttpResponse:
    prompt_id = request.POST.get("prompt") or request.GET.get("prompt", "")
    prompt = content.prompts().get(prompt_id) if prompt_id else None
    form = EntryForm(request.POST or None, initial={"prompt": prompt.id if prompt else "",
                                                    "letter": bool(prompt and prompt.category
                                                                   == LETTER_CATEGORY)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = services.write_entry(
                user=request.user, title=data["title"], body=data["body"], tags=data["tags"],
                prompt_id=data["prompt"], letter=data["letter"], written_at=data["written_at"],
            )
        except ThawingError as error:
            show_errors(form, error)
        else:
            offer_support(request, data["title"], data["body"])
            messages.success(request, _("Saved. Thank you for writing."))
            return redirect("journal:detail", entry_id=entry.pk)
    return render(request, "journal/form.html", {"form": form, "prompt": prompt},
                  status=400 if form.errors else 200)


def detail(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = _entry_or_404(request, entry_id)
    prompt = content.prompts().get(entry.prompt_id) if entry.prompt_id else None
    return render(request, "journal/detail.html", {"entry": entry, "prompt": prompt})


def edit(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = _entry_or_404(request, entry_id)
    initial = {
        "title": entry.title, "body": entry.body,
        "tags": ", ".join(entry.tag_names),
        "letter": entry.kind == Entry.Kind.LETTER,
        "written_at": as_local_input(entry.written_at, timezone.get_current_timezone()),
        "prompt": entry.prompt_id,
    }
    form = EntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_entry(
                user=request.user, entry_id=entry.pk, title=data["title"], body=data["body"],
                tags=data["tags"], letter=data["letter"], written_at=data["written_at"],
            )
        except ThawingError as error:
            show_errors(form, error)
        else:
            offer_support(request, data["title"], data["body"])
            messages.success(request, _("Saved."))
            return redirect("journal:detail", entry_id=entry.pk)
    prompt = content.prompts().get(entry.prompt_id) if entry.prompt_id else None
    return render(request, "journal/form.html", {"form": form, "prompt": prompt, "entry": entry},
                  status=400 if form.errors else 200)


def delete(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = _entry_or_404(request, entry_id)
    if request.method == "POST":
        services.delete_entry(user=request.user, entry_id=entry.pk)
        messages.success(request, _("Entry deleted."))
        return redirect("journal:index")
    return render(request, "journal/delete.html", {"entry": entry})


def prompts(request: HttpRequest) -> HttpResponse:
    book = content.prompts()
    return render(request, "journal/prompts.html", {
        "categories": [(c, book.in_category(c.id)) for c in book.categories],
    })
