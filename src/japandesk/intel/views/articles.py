"""The news feed, an article's page, ingestion of articles and the one-click lead."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from japandesk.core.models import AuditEntry
from japandesk.core.permissions import EditorRequiredMixin, StaffRequiredMixin
from japandesk.intel import services
from japandesk.intel.choices import IngestedVia, ReviewStatus
from japandesk.intel.filtersets import LANGUAGE_CHOICES, ArticleFilterSet
from japandesk.intel.forms import PasteForm, ReviewForm, UploadForm
from japandesk.intel.highlight import segments
from japandesk.intel.models import Article, Fact, Story
from japandesk.registry.forms import add_service_errors
from japandesk.registry.views.base import labelled_history
from japandesk.zones.models import Zone


class ArticleListView(StaffRequiredMixin, ListView):
    """The news feed: every article, newest first, with the filters the desk needs."""

    template_name = "intel/article_list.html"
    context_object_name = "articles"
    paginate_by = 30

    def get_queryset(self):
        queryset = Article.objects.select_related("story").annotate(
            fact_count=Count("facts", distinct=True),
            discrepancy_count=Count("facts", filter=Q(facts__discrepancy=True), distinct=True),
            pending_count=Count("facts", filter=Q(facts__status=ReviewStatus.PENDING), distinct=True),
        )
        self.filterset = ArticleFilterSet(self.request.GET, queryset=queryset, request=self.request)
        return self.filterset.qs.order_by("-published_on", "-id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filterset=self.filterset,
            query_without_page=query.urlencode(),
            news_languages=LANGUAGE_CHOICES,
            review_choices=ReviewStatus.choices,
            zones=Zone.objects.filter(news_mentions__isnull=False).distinct().order_by("name"),
            investors=_mentioned_investors(),
            stories=Story.objects.order_by("-first_published_on", "-id")[:200],
        )
        return context


def _mentioned_investors():
    from japandesk.registry.models import Investor

    return Investor.objects.filter(news_mentions__isnull=False).distinct().order_by("name_latin", "name")


def article_history(article: Article) -> list:
    fact_type = ContentType.objects.get_for_model(Fact)
    article_type = ContentType.objects.get_for_model(Article)
    fact_ids = [str(pk) for pk in article.facts.values_list("pk", flat=True)]
    entries = AuditEntry.objects.filter(
        Q(content_type=article_type, object_id=str(article.pk)) | Q(content_type=fact_type, object_id__in=fact_ids)
    ).select_related("actor")
    return labelled_history(entries)


class ArticleDetailView(StaffRequiredMixin, DetailView):
    """An article: its text with the facts and linked names marked, the facts to review, the
    comparisons with the registry, its story, and the lead it can become."""

    template_name = "intel/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.select_related("story", "ingested_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        facts = list(article.facts.select_related("reviewed_by", "origin", "scope_zone"))
        mentions = list(article.mentions.select_related("investor", "zone", "country"))
        linked, seen = [], set()
        for mention in mentions:
            if mention.key not in seen:
                seen.add(mention.key)
                linked.append(mention)
        can_lead = (
            services.lead_service() is not None and not article.lead_url and services.lead_proposal(article) is not None
        )
        context.update(
            facts=facts,
            pieces=segments(article.text, facts, mentions),
            named=linked,
            review_form=ReviewForm(),
            can_make_lead=can_lead,
            versions=article.story.articles.exclude(pk=article.pk).order_by("published_on", "id")
            if article.story_id
            else [],
            entries=article_history(article),
        )
        return context


class ArticleIngestView(EditorRequiredMixin, TemplateView):
    """Paste an article or upload a file (an article or an RSS/Atom feed)."""

    template_name = "intel/article_ingest.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("paste_form", PasteForm())
        context.setdefault("upload_form", UploadForm())
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("form") == "upload":
            form = UploadForm(request.POST, request.FILES)
            if form.is_valid():
                upload = form.cleaned_data["file"]
                try:
                    if upload.size > services.MAX_UPLOAD_BYTES:
                        raise ValidationError(
                            _("“{file}” is larger than {size} MB.").format(
                                file=upload.name, size=services.MAX_UPLOAD_BYTES // (1024 * 1024)
                            )
                        )
                    results = services.ingest_bytes(
                        request.user, upload.read(), upload.name, source=form.cleaned_data["source"],
                        via=IngestedVia.UPLOAD,
                    )  # fmt: skip
                except ValidationError as error:
                    form.add_error("file", error.messages)
                else:
                    return self.done(results)
            return self.render_to_response(self.get_context_data(upload_form=form))
        form = PasteForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                result = services.ingest_text(
                    request.user,
                    text=data["text"],
                    title=data["title"],
                    source=data["source"],
                    url=data["url"],
                    published_on=data["published_on"],
                    language=data["language"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return self.done([result])
        return self.render_to_response(self.get_context_data(paste_form=form))

    def done(self, results):
        created = sum(1 for r in results if r.created)
        kept = len(results) - created
        messages.success(
            self.request,
            _("{created} new articles; {kept} were already stored and are unchanged.").format(
                created=created, kept=kept
            ),
        )
        if len(results) == 1:
            return redirect(results[0].article)
        return redirect("intel:article-list")


class ArticleLeadView(EditorRequiredMixin, View):
    """Make a CRM lead of the investment the article announces."""

    def post(self, request, pk):
        article = get_object_or_404(Article, pk=pk)
        try:
            lead = services.create_lead(request.user, article)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(article)
        messages.success(request, _("Lead “{title}” created in the investment pipeline.").format(title=lead.title))
        return redirect(lead.get_absolute_url())
