from rest_framework import serializers

from japandesk.intel.choices import ReviewStatus
from japandesk.intel.models import Article, Fact, Mention, Story


class FactSerializer(serializers.ModelSerializer):
    origin = serializers.SlugRelatedField(slug_field="code", read_only=True)
    reviewed_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Fact
        fields = [
            "id", "article", "kind", "value", "date_value", "currency", "unit", "text", "start", "end", "status",
            "corrected_value", "corrected_date", "review_note", "reviewed_by", "reviewed_at", "origin", "scope",
            "scope_zone", "registry_value", "registry_as_of", "discrepancy",
        ]  # fmt: skip
        read_only_fields = fields


class MentionSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Mention
        fields = ["kind", "key", "name", "text", "start", "end", "investor", "zone", "country"]
        read_only_fields = fields


class ArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title", "source", "url", "published_on", "language", "story", "ingested_via", "analysed_at",
                  "lead_url", "created_at"]  # fmt: skip
        read_only_fields = fields


class ArticleDetailSerializer(ArticleSerializer):
    facts = FactSerializer(many=True, read_only=True)
    mentions = MentionSerializer(many=True, read_only=True)

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "text", "facts", "mentions"]
        read_only_fields = fields


class ArticleCreateSerializer(serializers.Serializer):
    text = serializers.CharField(trim_whitespace=False)
    title = serializers.CharField(required=False, allow_blank=True, max_length=300)
    source = serializers.CharField(required=False, allow_blank=True, max_length=200)
    url = serializers.CharField(required=False, allow_blank=True, max_length=1000)
    published_on = serializers.DateField(required=False, allow_null=True)
    language = serializers.CharField(required=False, allow_blank=True, max_length=8)


class ReviewSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=[ReviewStatus.ACCEPTED, ReviewStatus.CORRECTED, ReviewStatus.REJECTED])
    value = serializers.CharField(required=False, allow_blank=True, max_length=40)
    note = serializers.CharField(required=False, allow_blank=True, max_length=500)


class StorySerializer(serializers.ModelSerializer):
    articles = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Story
        fields = ["id", "title", "first_published_on", "articles"]
        read_only_fields = fields
