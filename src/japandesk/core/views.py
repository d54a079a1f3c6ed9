from django.views.generic import TemplateView


class HomeView(TemplateView):
    """The public home page; staff reach their work from here once signed in."""

    template_name = "core/home.html"
