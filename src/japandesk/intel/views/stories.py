"""Stories: the list, and a story with its versions side by side."""

from django.db.models import Count, Min, Q
from django.views.generic import DetailView, ListView

from japandesk.core.permissions import StaffRequiredMixin
from japandesk.intel.filtersets import StoryFilterSet
from japandesk.intel.highlight import segments
from japandesk.intel.models import Story


class StoryListView(StaffRequiredMixin, ListView):
    template_name = "intel/story_list.html"
    context_object_name = "stories"
    paginate_by = 30

    def get_queryset(self):
        queryset = Story.objects.annotate(
            article_count=Count("articles", distinct=True),
            language_count=Count("articles__language", distinct=True),
            discrepancy_count=Count("articles__facts", filter=Q(articles__facts__discrepancy=True), distinct=True),
            earliest=Min("articles__published_on"),
        )
        self.filterset = StoryFilterSet(self.request.GET, queryset=queryset, request=self.request)
        return self.filterset.qs.order_by("-first_published_on", "-id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(filterset=self.filterset, query_without_page=query.urlencode())
        return context


class StoryDetailView(StaffRequiredMixin, DetailView):
    model = Story
    template_name = "intel/story_detail.html"
    context_object_name = "story"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        versions = []
        for article in self.object.articles.order_by("published_on", "id").prefetch_related("facts", "mentions__zone"):
            facts = list(article.facts.all())
            versions.append(
                {
                    "article": article,
                    "facts": [f for f in facts if f.kind != "date"],
                    "pieces": segments(article.text, facts, list(article.mentions.all())),
                }
            )
        context["versions"] = versions
        return context
