"""The registry's staff pages, split by subject: the dashboard, projects, investors and the ledger."""

from japandesk.registry.views.dashboard import DashboardView
from japandesk.registry.views.investors import (
    InvestorCreateView,
    InvestorDetailView,
    InvestorListView,
    InvestorOptionsView,
    InvestorUpdateView,
)
from japandesk.registry.views.ledger import EventDeleteView, EventFormView, EventListView
from japandesk.registry.views.projects import (
    DisbursementCreateView,
    JobsCreateView,
    ProjectCreateView,
    ProjectDetailView,
    ProjectListView,
    ProjectUpdateView,
)

__all__ = [
    "DashboardView",
    "DisbursementCreateView",
    "EventDeleteView",
    "EventFormView",
    "EventListView",
    "InvestorCreateView",
    "InvestorDetailView",
    "InvestorListView",
    "InvestorOptionsView",
    "InvestorUpdateView",
    "JobsCreateView",
    "ProjectCreateView",
    "ProjectDetailView",
    "ProjectListView",
    "ProjectUpdateView",
]
