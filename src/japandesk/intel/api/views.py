"""The news intelligence's REST API: articles with their facts, fact review, stories.
Leaders read; desk officers and administrators add articles and review facts."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from japandesk.core.permissions import RolePermission
from japandesk.intel import services
from japandesk.intel.api.serializers import (
    ArticleCreateSerializer,
    ArticleDetailSerializer,
    ArticleSerializer,
    FactSerializer,
    ReviewSerializer,
    StorySerializer,
)
from japandesk.intel.choices import IngestedVia
from japandesk.intel.filtersets import ArticleFilterSet, FactFilterSet, StoryFilterSet
from japandesk.intel.models import Article, Fact, Story
from japandesk.registry.api.views import call_service

SOURCE = "api"


class ArticleViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [RolePermission]
    filterset_class = ArticleFilterSet

    def get_queryset(self):
        queryset = Article.objects.order_by("-published_on", "-id")
        if self.action == "retrieve":
            queryset = queryset.prefetch_related("facts__origin", "facts__reviewed_by", "mentions__country")
        return queryset

    def get_serializer_class(self):
        if self.action == "retrieve":
            return ArticleDetailSerializer
        if self.action == "create":
            return ArticleCreateSerializer
        return ArticleSerializer

    @extend_schema(
        request=ArticleCreateSerializer, responses={201: ArticleDetailSerializer, 200: ArticleDetailSerializer}
    )
    def create(self, request, *args, **kwargs):
        """Add an article (plain text or HTML); the same text or URL returns the stored article (200)."""
        serializer = ArticleCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        result = call_service(
            services.ingest_text,
            request.user,
            text=data["text"],
            title=data.get("title", ""),
            source=data.get("source", ""),
            url=data.get("url", ""),
            published_on=data.get("published_on"),
            language=data.get("language", ""),
            via=IngestedVia.API,
            audit_source=SOURCE,
        )
        article = self.get_queryset().prefetch_related("facts", "mentions").get(pk=result.article.pk)
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        return Response(ArticleDetailSerializer(article).data, status=code)


class FactViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [RolePermission]
    serializer_class = FactSerializer
    filterset_class = FactFilterSet
    queryset = Fact.objects.select_related("origin", "reviewed_by").order_by("article", "start", "id")

    @extend_schema(request=ReviewSerializer, responses={200: FactSerializer})
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        """Accept, correct (with `value`) or reject a fact."""
        fact = self.get_object()
        serializer = ReviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        call_service(
            services.review_fact,
            request.user,
            fact,
            decision=data["decision"],
            value=data.get("value"),
            note=data.get("note", ""),
            source=SOURCE,
        )
        return Response(FactSerializer(fact).data)


class StoryViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [RolePermission]
    serializer_class = StorySerializer
    filterset_class = StoryFilterSet
    queryset = Story.objects.prefetch_related("articles").order_by("-first_published_on", "-id")
