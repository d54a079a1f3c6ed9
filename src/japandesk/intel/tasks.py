"""Background work of the news intelligence, run by Django's tasks framework (in-process in the
embedded mode, by `japandesk db_worker` in production)."""

from django.tasks import task

from japandesk.intel import linking, services
from japandesk.intel.models import Article


@task
def analyse_articles(article_ids: list[int]) -> int:
    """Analyse new articles, then update the stories once for all of them."""
    done = 0
    linker = linking.Linker()  # the registry's names, read once for the batch
    for article in Article.objects.filter(pk__in=article_ids, analysed_at=None).order_by("id"):
        services.analyse_article(article, linker)
        done += 1
    if done:
        services.update_stories()
    return done
