"""Staff screens for the portal's content: page texts and news, each in every language.
Every role reads them; desk officers and administrators edit."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from japandesk.core.permissions import EditorRequiredMixin, StaffRequiredMixin
from japandesk.portal import services
from japandesk.portal.choices import PageKey
from japandesk.portal.forms import NewsForm, NewsTextForm, PageForm
from japandesk.portal.models import NewsPost, PageTranslation
from japandesk.registry.views.base import ServiceFormMixin, history_of


def languages() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


class ManageView(StaffRequiredMixin, TemplateView):
    template_name = "portal/manage/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        texts = {(row.key, row.language): row for row in PageTranslation.objects.all()}
        pages = [
            {
                "key": key,
                "label": label,
                "languages": [(code, name, texts.get((key, code))) for code, name in languages()],
            }
            for key, label in PageKey.choices
        ]
        posts = list(NewsPost.objects.prefetch_related("translations"))
        for post in posts:
            have = {t.language for t in post.translations.all()}
            post.language_rows = [(code, name, code in have) for code, name in languages()]
        context.update({"pages": pages, "posts": posts})
        return context


class PageEditView(EditorRequiredMixin, ServiceFormMixin, FormView):
    form_class = PageForm
    template_name = "portal/manage/form.html"

    def dispatch(self, request, *args, **kwargs):
        self.key, self.language = kwargs["key"], kwargs["language"]
        if self.key not in PageKey.values or self.language not in dict(settings.LANGUAGES):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        row = PageTranslation.objects.filter(key=self.key, language=self.language).first()
        return {"title": row.title, "body": row.body} if row else {}

    def get_context_data(self, **kwargs):
        row = PageTranslation.objects.filter(key=self.key, language=self.language).first()
        title = _("{page} in {language}").format(
            page=PageKey(self.key).label, language=dict(settings.LANGUAGES)[self.language]
        )
        history = history_of(row, 50) if row else []
        return super().get_context_data(title=title, field_lang=self.language, history=history, **kwargs)

    def call_service(self, form):
        services.save_page(key=self.key, language=self.language, actor=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("Page saved."))
        return None

    def get_success_url(self, result=None):
        return reverse("portal:manage")


class NewsEditView(EditorRequiredMixin, ServiceFormMixin, FormView):
    form_class = NewsForm
    template_name = "portal/manage/form.html"

    def dispatch(self, request, *args, **kwargs):
        self.post_object = get_object_or_404(NewsPost, pk=kwargs["pk"]) if "pk" in kwargs else None
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        post = self.post_object
        if post is None:
            from django.utils import timezone

            return {"published_on": timezone.localdate()}
        return {"slug": post.slug, "published_on": post.published_on, "is_published": post.is_published}

    def get_context_data(self, **kwargs):
        title = _("Edit news post") if self.post_object else _("New news post")
        return super().get_context_data(title=title, **kwargs)

    def call_service(self, form):
        post = services.save_news(self.post_object, actor=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("News post saved."))
        return post

    def get_success_url(self, post=None):
        return reverse("portal:manage")


class NewsTextEditView(EditorRequiredMixin, ServiceFormMixin, FormView):
    form_class = NewsTextForm
    template_name = "portal/manage/form.html"

    def dispatch(self, request, *args, **kwargs):
        self.post_object = get_object_or_404(NewsPost, pk=kwargs["pk"])
        self.language = kwargs["language"]
        if self.language not in dict(settings.LANGUAGES):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        row = self.post_object.translations.filter(language=self.language).first()
        return {"title": row.title, "summary": row.summary, "body": row.body} if row else {}

    def get_context_data(self, **kwargs):
        title = _("News post {slug} in {language}").format(
            slug=self.post_object.slug, language=dict(settings.LANGUAGES)[self.language]
        )
        return super().get_context_data(title=title, field_lang=self.language, **kwargs)

    def call_service(self, form):
        services.save_news_text(self.post_object, language=self.language, actor=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("News text saved."))
        return None

    def get_success_url(self, result=None):
        return reverse("portal:manage")
